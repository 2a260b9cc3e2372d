"""Downloads of a case's files: evidence and letter PDFs, served as sandboxed attachments. Every download is an
audit event on the case (chain of custody), written by a service once the file is known to be there."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from casework import selectors, services
from casework.letters import letter_download_record
from casework.permissions import can_download_letter, can_view_cases
from casework.views.lookups import case_or_404, letter_or_404
from core.decorators import role_required


def attachment_headers(response: FileResponse) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    # Opened directly in a browser anyway, the file runs in a sandbox: no script, no same-origin access.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_evidence_download(request: AuthenticatedRequest, case_id: int, evidence_id: int) -> FileResponse:
    """A file (or screenshot) of the case's evidence."""
    case = case_or_404(request.user, case_id)
    evidence = selectors.case_evidence_get_for_user(user=request.user, evidence_id=evidence_id)
    if evidence is None or evidence.case_id != case.pk or not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    services.case_evidence_download_record(evidence=evidence, actor=request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name or f"evidence-{evidence.pk}",
        content_type=evidence.content_type or "application/octet-stream",
    )
    return attachment_headers(response)


@role_required(can_view_cases)
@require_http_methods(["GET"])
def letter_download(request: AuthenticatedRequest, letter_id: int) -> FileResponse:
    """The PDF of an issued letter; the BAP and the LHP only for those who may read the examination records."""
    letter = letter_or_404(request.user, letter_id)
    if not letter.is_issued:
        raise Http404
    if not can_download_letter(request.user, letter):
        raise PermissionDenied
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    letter_download_record(letter=letter, actor=request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{letter.kind}-{letter.verification_code}.pdf",
        content_type="application/pdf",
    )
    return attachment_headers(response)
