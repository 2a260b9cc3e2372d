"""Intake officers' actions on a report (posted from the report page) and staff recording an internal finding.

Each action is one service call on core.web_actions: the target comes through the user-scoped selector (another
agency's report is not found), a refused action comes back as a message, never as an error page.
"""

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from accounts.forms import AccusedLinkForm
from accounts.models import Agency, CivilServant
from accounts.register_search import AccusedHints
from accounts.web_actions import AccusedIdentifyMixin, StaffActionView
from core.decorators import role_required
from core.errors import DomainError
from core.web_actions import ActionPage, Done
from violations import selectors, services
from violations.evidence import limits_description
from violations.forms.triage import (
    CapturedEvidenceFormSet,
    DuplicateForm,
    InformationRequestForm,
    InternalFindingForm,
    RejectForm,
    captured_evidence,
)
from violations.models import Report
from violations.permissions import can_record_internal_finding, can_triage, is_intake_officer
from violations.views.public_status import status_label

RECEIPT_SESSION_KEY = "netra.internal_finding_receipt"


# --- actions on one report ----------------------------------------------------------------------------------


class ReportActionView(StaffActionView):
    """An intake officer's move on one report of their agency.

    Its form is part of the report page, so it has no page of its own (GET: 405): a success, a refusal by the
    service and an error of the form alike go back to the report page with a message.
    """

    page_of_its_own = False
    role = staticmethod(is_intake_officer)
    form_class: ClassVar[type[forms.Form]] = forms.Form
    page = ActionPage("")

    def act(self, report: Report, data: dict[str, Any]) -> str:
        """The one service call, on the form's cleaned data; returns the success message."""
        raise NotImplementedError

    def perform(self, form: forms.Form, target: Report) -> str:
        return self.act(target, form.cleaned_data)

    def get_target(self) -> Report:
        report = selectors.report_get_for_user(user=self.actor, report_id=self.kwargs["report_id"])
        if report is None:
            raise Http404
        return report

    def is_allowed(self, target: Report) -> bool:
        return can_triage(self.actor, target)

    def target_url(self, target: Report) -> str:
        return reverse("triage:report-detail", kwargs={"report_id": target.pk})


class ReportStartReview(ReportActionView):
    def act(self, report: Report, data: dict[str, Any]) -> str:
        services.report_start_review(report=report, actor=self.actor)
        return _("You are reviewing report %(code)s.") % {"code": report.tracking_code}


class ReportReject(ReportActionView):
    form_class = RejectForm

    def act(self, report: Report, data: dict[str, Any]) -> str:
        services.report_reject(report=report, actor=self.actor, reason=data["reason"])
        return _("Report %(code)s was rejected; the reporter sees the reason.") % {"code": report.tracking_code}


class ReportRequestInformation(ReportActionView):
    form_class = InformationRequestForm

    def act(self, report: Report, data: dict[str, Any]) -> str:
        services.report_request_information(report=report, actor=self.actor, message=data["message"])
        return _("The reporter of %(code)s is asked for more information.") % {"code": report.tracking_code}


class ReportLinkDuplicate(ReportActionView):
    form_class = DuplicateForm

    def act(self, report: Report, data: dict[str, Any]) -> str:
        original = selectors.report_find_for_user(user=self.actor, tracking_code=data["original"])
        if original is None:
            raise DomainError(
                "original_not_found",
                _("No report with tracking code %(code)s was found.") % {"code": data["original"]},
                field="original",
            )
        services.report_mark_duplicate(report=report, original=original, actor=self.actor)
        return _("Report %(code)s is now handled with report %(original)s.") % {
            "code": report.tracking_code,
            "original": original.tracking_code,
        }


class ReportIdentifyAccused(AccusedIdentifyMixin, ReportActionView):
    """Link the report's accused to the register, from suggestions ranked on what the reporter wrote."""

    form_class = AccusedLinkForm

    def hints(self, target: Report) -> AccusedHints:
        return AccusedHints(
            name=target.accused_name,
            nip=target.accused_nip,
            position=target.accused_position,
            unit=target.accused_agency,
        )

    def current(self, target: Report) -> CivilServant | None:
        return target.accused

    def context(self, target: Report, form: forms.Form) -> dict[str, Any]:
        return {**super().context(target, form), "report": target}

    def perform(self, form: forms.Form, target: Report) -> str:
        servant = self.chosen(form)
        services.report_identify_accused(
            report=target, actor=self.actor, civil_servant=servant, reason=form.cleaned_data["reason"]
        )
        return _("The accused of report %(code)s is %(name)s (NIP %(nip)s) of the register.") % {
            "code": target.tracking_code,
            "name": servant.name,
            "nip": servant.nip,
        }


# --- internal findings ------------------------------------------------------------------------------------------


class InternalFindingRecord(StaffActionView):
    """A finding of the agency's own staff, filed as a report of their agency; the receipt shows its code and PIN
    once. The target is the agency (the form's register look-ups are the agency's)."""

    role = staticmethod(can_record_internal_finding)
    form_class = InternalFindingForm
    page = ActionPage(
        gettext_lazy("Record an internal finding"), template="triage/internal_finding.html", multipart=True
    )

    def get_target(self) -> Agency:
        if self.actor.agency is None:  # the role requires an agency
            raise PermissionDenied
        return self.actor.agency

    def is_allowed(self, target: Agency) -> bool:
        return can_record_internal_finding(self.actor)

    def form_kwargs(self, target: Agency) -> dict[str, Any]:
        return {"agency_id": target.pk}

    def make_form(self, target: Agency, *, bound: bool) -> forms.Form:
        self.evidence = CapturedEvidenceFormSet(
            self.request.POST if bound else None, self.request.FILES if bound else None, prefix="evidence"
        )
        return super().make_form(target, bound=bound)

    def forms_are_valid(self, form: forms.Form) -> bool:
        return form.is_valid() and self.evidence.is_valid()

    def context(self, target: Agency, form: forms.Form) -> dict[str, Any]:
        own = [(report, status_label(report.status)) for report in selectors.internal_findings_of(user=self.actor)]
        return {"evidence": self.evidence, "evidence_limits": limits_description(), "own_findings": own}

    def perform(self, form: InternalFindingForm, target: Agency) -> Done:
        submitted = services.report_submit(
            data=form.report_input(),
            reporter=services.ReporterInput(
                organisation=form.cleaned_data["organisation"],
                name=self.actor.get_full_name() or self.actor.username,
            ),
            evidence=captured_evidence(self.evidence),
            channel=form.cleaned_data["channel"],
            source=Report.Source.STAFF,
            agency=target,
            submitted_by=self.actor,
        )
        report = submitted.report
        self.request.session[RECEIPT_SESSION_KEY] = {
            "report_id": report.pk,
            "tracking_code": report.tracking_code,
            "access_pin": submitted.access_pin,
        }
        return Done(_("The finding was recorded as report %(code)s.") % {"code": report.tracking_code}, report)

    def target_url(self, target: Agency | Report) -> str:
        """A recorded finding goes to its receipt; the form's own way back is the form itself."""
        if isinstance(target, Report):
            return reverse("triage:internal-finding-receipt")
        return reverse("triage:internal-finding")


@role_required(can_record_internal_finding)
@require_http_methods(["GET"])
def internal_finding_receipt(request: AuthenticatedRequest) -> HttpResponse:
    # The PIN is shown once: the receipt is taken out of the session as it is displayed.
    receipt = request.session.pop(RECEIPT_SESSION_KEY, None)
    if receipt is None:
        return redirect("triage:internal-finding")
    report_url = (
        reverse("triage:report-detail", kwargs={"report_id": receipt["report_id"]})
        if is_intake_officer(request.user)
        else ""
    )
    return render(request, "triage/internal_finding_receipt.html", {"receipt": receipt, "report_url": report_url})
