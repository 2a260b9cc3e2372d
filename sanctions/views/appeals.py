"""An appeal's pages: the PPK's response to the BPASN (the PPK signs its letter) and the BPASN's ruling as it arrives
(its number, date and document, validated by content like evidence), and the audited download of that document.
Nobody in Netra decides an appeal: the ruling is recorded, not made (sanctions.services.appeals)."""

from typing import IO, cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.actors import Actor
from core.decorators import role_required
from core.errors import DomainError
from core.web_actions import ActionPage, Done
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import services
from sanctions.models import Decision
from sanctions.views.after_decision import ObjectionAction
from sanctions.views.base import decision_or_404
from violations.evidence import ValidatedEvidence, validate_evidence_file


def validated_document(upload: UploadedFile) -> ValidatedEvidence:
    """The ruling's document checked by its content (type sniffed, size, SHA-256) as evidence is; a refusal on the
    form otherwise."""
    try:
        return validate_evidence_file(cast(IO[bytes], upload), upload.name or "")
    except ValidationError as error:
        raise DomainError("ruling_document_invalid", " ".join(error.messages), field="document") from error


class AppealRespond(ObjectionAction):
    """The PPK answers the appeal to the BPASN by rule D14; Netra issues the PPK's letter."""

    form_class = f.AppealResponseForm
    page = ActionPage(
        gettext_lazy("Respond to the appeal"),
        submit=gettext_lazy("Sign and send the response"),
        intro=gettext_lazy(
            "The PPK's letter to the Badan Pertimbangan ASN: it answers the appeal and decides nothing; the BPASN "
            "rules on the appeal."
        ),
    )
    allowed = staticmethod(p.can_respond_to_appeal)

    def form_kwargs(self, target: Decision) -> dict[str, object]:
        return {"version": target.version}

    def perform(self, form: f.AppealResponseForm, target: Decision) -> str:
        services.appeal_respond(
            objection=self.objection,
            actor=self.actor,
            responded_on=form.cleaned_data["responded_on"],
            response=form.cleaned_data["response"],
            expected_version=form.version_seen,
        )
        return _("The response to the BPASN was signed; its letter is being prepared.")


class AppealRulingRecord(ObjectionAction):
    """The BPASN's ruling as received; a changed sanction leads to the new version (which the PPK signs)."""

    form_class = f.AppealRulingForm
    page = ActionPage(
        gettext_lazy("Record the BPASN's ruling"),
        submit=gettext_lazy("Record the ruling"),
        intro=gettext_lazy(
            "Upheld: the dismissal takes effect on the ruling's date. Annulled: the decision is annulled. Changed: "
            "the PPK signs a new version with the ruling as its basis."
        ),
        multipart=True,
    )
    allowed = staticmethod(p.can_record_appeal_ruling)

    def perform(self, form: f.AppealRulingForm, target: Decision) -> Done:
        data = form.cleaned_data
        ruling = services.Ruling(
            outcome=data["outcome"],
            number=data["ruling_number"],
            decided_on=data["decided_on"],
            document=validated_document(data["document"]),
            reason=data["reason"],
            sanction=data["sanction_type"],
            new_position=data["new_position"],
            dismissal_date=data["dismissal_date"],
        )
        recorded = services.appeal_ruling_record(
            objection=self.objection, actor=self.actor, ruling=ruling, expected_version=form.version_seen
        )
        message = _("The BPASN's ruling was recorded: %(outcome)s.") % {"outcome": recorded.get_outcome_display()}
        return Done(message, target=recorded.new_decision or target)


def _attachment(response: FileResponse) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(p.can_open_decisions)
@require_http_methods(["GET"])
def appeal_ruling_download(request: HttpRequest, decision_id: int, objection_id: int) -> FileResponse:
    """The BPASN's ruling as it was received, for whoever may see the decision; every download is audited."""
    decision = decision_or_404(request, decision_id)
    objection = decision.objections.filter(pk=objection_id).first()
    if objection is None or not objection.ruling_document:
        raise Http404
    try:
        handle = objection.ruling_document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # role_required let only logged-in accounts through.
    services.appeal_ruling_download_record(objection=objection, actor=cast(Actor, request.user))
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=objection.ruling_document_name or f"bpasn-{objection.pk}",
        content_type=objection.ruling_document_type or "application/octet-stream",
    )
    return _attachment(response)
