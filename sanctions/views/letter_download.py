"""The PDF of one of a decision's letters, for whoever may see the decision; every download is an audit event."""

from typing import cast

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_http_methods

from accounts.actors import Actor
from casework.letters import letter_download_record
from core.decorators import role_required
from sanctions import selectors
from sanctions.permissions import can_open_decisions


def _attachment_headers(response: FileResponse) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_open_decisions)
@require_http_methods(["GET"])
def decision_letter_download(request: HttpRequest, decision_id: int, letter_id: int) -> FileResponse:
    """The official who signed the decision does not work on the case, so casework's download would not find the
    letter: it is found here through the decision (sanctions.selectors) and its download recorded on the case."""
    found = selectors.decision_letter_for_user(user=request.user, decision_id=decision_id, letter_id=letter_id)
    if found is None:
        raise Http404
    decision, letter = found
    if not letter.is_issued:
        raise Http404
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # role_required let only logged-in accounts through.
    letter_download_record(letter=letter, actor=cast(Actor, request.user), data={"decision": decision.pk})
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{letter.kind}-{letter.verification_code}.pdf",
        content_type="application/pdf",
    )
    return _attachment_headers(response)
