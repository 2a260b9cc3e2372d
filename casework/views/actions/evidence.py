"""Adding evidence to a case (files, a social-media capture, a witness statement) and withdrawing an item."""

from collections.abc import Sequence
from typing import IO, Any, cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import selectors, services
from casework.models import Case, CaseEvidence
from casework.views.actions.base import CaseAction
from core.errors import DomainError
from core.web_actions import ActionPage
from violations.evidence import ValidatedEvidence, validate_evidence_files


def validated_uploads(uploads: Sequence[UploadedFile], field: str) -> list[ValidatedEvidence]:
    """Sniff type and size as at intake; an invalid file is a refusal shown on the form."""
    files = [(cast(IO[bytes], upload), upload.name or "") for upload in uploads]
    try:
        return validate_evidence_files(files, field=field)
    except ValidationError as error:
        messages_ = [str(m) for m in (error.messages or [])]
        raise DomainError("evidence_invalid", " ".join(messages_), field=field) from error


class AddEvidenceFiles(CaseAction):
    form_class = f.EvidenceFilesForm
    page = ActionPage(gettext_lazy("Add files to the evidence"), multipart=True, submit=gettext_lazy("Add"))

    def perform(self, form: f.EvidenceFilesForm, target: Case) -> str:
        files = validated_uploads(form.cleaned_data["evidence"], "evidence")
        added = services.case_evidence_add_files(
            case=target, actor=self.actor, files=files, title=form.cleaned_data["title"]
        )
        return _("%(count)d file(s) were added to the evidence.") % {"count": len(added)}


class AddEvidenceCapture(CaseAction):
    form_class = f.EvidenceCaptureForm
    page = ActionPage(gettext_lazy("Add a social-media capture"), multipart=True, submit=gettext_lazy("Add"))

    def perform(self, form: f.EvidenceCaptureForm, target: Case) -> str:
        data = form.cleaned_data
        (screenshot,) = validated_uploads([data["screenshot"]], "screenshot")
        services.case_evidence_add_capture(
            case=target,
            actor=self.actor,
            screenshot=screenshot,
            source_url=data["source_url"],
            captured_at=data["captured_at"],
        )
        return _("The social-media capture was added to the evidence.")


class AddEvidenceStatement(CaseAction):
    form_class = f.EvidenceStatementForm
    page = ActionPage(gettext_lazy("Add a witness statement"), submit=gettext_lazy("Add"))

    def perform(self, form: f.EvidenceStatementForm, target: Case) -> str:
        data = form.cleaned_data
        services.case_evidence_add_statement(
            case=target, actor=self.actor, witness_name=data["witness_name"], statement=data["statement"]
        )
        return _("The witness statement was added to the evidence.")


class WithdrawEvidence(CaseAction):
    """An evidence item of the case (the URL's `evidence_id`; another case's item is a 404)."""

    form_class = f.EvidenceWithdrawForm
    page = ActionPage(gettext_lazy("Withdraw an evidence item"), submit=gettext_lazy("Withdraw"))

    def get_target(self) -> Case:
        case = super().get_target()
        evidence = selectors.case_evidence_list(case=case).filter(pk=self.kwargs["evidence_id"]).first()
        if evidence is None:
            raise Http404
        self.evidence: CaseEvidence = evidence
        return case

    def context(self, target: Case, form: Any) -> dict[str, Any]:
        return {"case": target, "evidence": self.evidence}

    def perform(self, form: f.EvidenceWithdrawForm, target: Case) -> str:
        services.case_evidence_withdraw(evidence=self.evidence, actor=self.actor, reason=form.cleaned_data["reason"])
        return _("The evidence item was withdrawn; it stays on record with the reason.")
