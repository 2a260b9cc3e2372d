"""Intake officers' web pages: the triage queue, one report with its actions, evidence downloads, and internal
findings entered by staff.

Every read goes through the user-scoped selectors (another agency's report is simply not found) and every
action calls exactly one service; a refused action is shown as a message, never as an error page.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.decorators import role_required
from core.errors import DomainError
from core.timeline import TimelineEntry
from violations import selectors, services
from violations.evidence import limits_description
from violations.forms.triage import (
    OPEN_STATUSES,
    CapturedEvidenceFormSet,
    DuplicateForm,
    InformationRequestForm,
    InternalFindingForm,
    RejectForm,
    ReportQueueFilter,
    captured_evidence,
)
from violations.models import Report
from violations.permissions import can_record_internal_finding, is_intake_officer

PAGE_SIZE = 25
RECEIPT_SESSION_KEY = "netra.internal_finding_receipt"

MATCH_LABELS = {
    "nip": gettext_lazy("same NIP"),
    "register": gettext_lazy("same civil servant in the register"),
    "name_unit": gettext_lazy("same name and unit"),
    "link": gettext_lazy("same link"),
}


intake_officer_required = role_required(is_intake_officer)
internal_finding_required = role_required(can_record_internal_finding)


def _report_or_404(request: HttpRequest, report_id: int) -> Report:
    report = (
        selectors.report_list_for_user(user=request.user)
        .select_related("election", "accused__unit", "merged_into", "submitted_by")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise Http404
    return report


def _status_label(status: str) -> str:
    return str(Report.Status(status).label) if status in Report.Status.values else status


def _report_url(report: Report) -> str:
    return reverse("triage:report-detail", kwargs={"report_id": report.pk})


# --- queue ---------------------------------------------------------------------------------------------


@intake_officer_required
@require_http_methods(["GET"])
def queue(request: HttpRequest) -> HttpResponse:
    filters = ReportQueueFilter(
        request.GET, queryset=selectors.report_list_for_user(user=request.user).order_by("-received_at", "-id")
    )
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "triage/queue.html",
        {"filters": filters, "page": page, "registrable": OPEN_STATUSES},
    )


# --- one report ------------------------------------------------------------------------------------------


@intake_officer_required
@require_http_methods(["GET"])
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    # Audited read: exactly one event per page view.
    reporter = selectors.reporter_identity_for_user(user=request.user, report=report)
    matches = selectors.duplicate_matches(report=report)
    events = list(selectors.report_audit_events(report=report))
    context = {
        "report": report,
        "reporter": reporter,
        "forwarding": getattr(report, "forwarding", None),
        "links": report.links.all(),
        "evidence": report.evidence.all(),
        "additions": report.additions.annotate(evidence_count=Count("evidence")),
        "timeline": [{"entry": entry, "label": _status_label(entry.public_status)} for entry in report.timeline.all()],
        "audit_events": [TimelineEntry.of(event) for event in events],
        "case_number": next(
            (event.data["case"] for event in reversed(events) if event.data.get("case")),
            "",
        ),
        "duplicates": report.duplicates.order_by("received_at"),
        "matches": [
            {"report": match.report, "reasons": [MATCH_LABELS[reason] for reason in match.reasons]} for match in matches
        ],
        "registrable_matches": [match.report for match in matches if match.report.status in OPEN_STATUSES],
        "can": {
            "start_review": report.can_transition_to(Report.Status.IN_REVIEW),
            "reject": report.can_transition_to(Report.Status.REJECTED),
            "request_information": report.status in OPEN_STATUSES,
            "link_duplicate": report.can_transition_to(Report.Status.MERGED),
            "register": report.status in OPEN_STATUSES,
        },
        "reject_form": RejectForm(),
        "information_form": InformationRequestForm(initial={"message": report.information_request}),
        "duplicate_form": DuplicateForm(),
    }
    return render(request, "triage/report_detail.html", context)


@intake_officer_required
@require_http_methods(["GET"])
def evidence_download(request: HttpRequest, report_id: int, evidence_id: int) -> FileResponse:
    report = _report_or_404(request, report_id)
    evidence = selectors.evidence_open_for_user(user=request.user, report=report, evidence_id=evidence_id)
    if evidence is None:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Opened directly in a browser anyway, the file runs in a sandbox: no script, no same-origin access.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- actions -------------------------------------------------------------------------------------------


def _act(request: HttpRequest, report: Report, action: Callable[[], object], success: str) -> HttpResponse:
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success)
    return redirect(_report_url(report))


def _form_errors(request: HttpRequest, report: Report, form: Any) -> HttpResponse:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect(_report_url(report))


@intake_officer_required
@require_POST
def report_start_review(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    return _act(
        request,
        report,
        lambda: services.report_start_review(report=report, actor=request.user),
        _("You are reviewing report %(code)s.") % {"code": report.tracking_code},
    )


@intake_officer_required
@require_POST
def report_reject(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, report, form)
    return _act(
        request,
        report,
        lambda: services.report_reject(report=report, actor=request.user, reason=form.cleaned_data["reason"]),
        _("Report %(code)s was rejected; the reporter sees the reason.") % {"code": report.tracking_code},
    )


@intake_officer_required
@require_POST
def report_request_information(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    form = InformationRequestForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, report, form)
    return _act(
        request,
        report,
        lambda: services.report_request_information(
            report=report, actor=request.user, message=form.cleaned_data["message"]
        ),
        _("The reporter of %(code)s is asked for more information.") % {"code": report.tracking_code},
    )


@intake_officer_required
@require_POST
def report_link_duplicate(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, report, form)
    original = (
        selectors.report_list_for_user(user=request.user).filter(tracking_code=form.cleaned_data["original"]).first()
    )
    if original is None:
        messages.error(
            request, _("No report with tracking code %(code)s was found.") % {"code": form.cleaned_data["original"]}
        )
        return redirect(_report_url(report))
    return _act(
        request,
        report,
        lambda: services.report_mark_duplicate(report=report, original=original, actor=request.user),
        _("Report %(code)s is now handled with report %(original)s.")
        % {"code": report.tracking_code, "original": original.tracking_code},
    )


# --- internal findings ----------------------------------------------------------------------------------


@internal_finding_required
@require_http_methods(["GET", "POST"])
def internal_finding(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if request.method == "POST":
        form = InternalFindingForm(request.POST, agency_id=user.agency_id)
        evidence = CapturedEvidenceFormSet(request.POST, request.FILES, prefix="evidence")
        if form.is_valid() and evidence.is_valid():
            try:
                submitted = services.report_submit(
                    data=form.report_input(),
                    reporter=services.ReporterInput(
                        organisation=form.cleaned_data["organisation"], name=user.get_full_name() or user.username
                    ),
                    evidence=captured_evidence(evidence),
                    channel=form.cleaned_data["channel"],
                    source=Report.Source.STAFF,
                    agency=user.agency,
                    submitted_by=user,
                )
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                request.session[RECEIPT_SESSION_KEY] = {
                    "report_id": submitted.report.pk,
                    "tracking_code": submitted.report.tracking_code,
                    "access_pin": submitted.access_pin,
                }
                return redirect("triage:internal-finding-receipt")
    else:
        form = InternalFindingForm(agency_id=user.agency_id)
        evidence = CapturedEvidenceFormSet(prefix="evidence")
    return render(
        request,
        "triage/internal_finding.html",
        {"form": form, "evidence": evidence, "evidence_limits": limits_description()},
    )


@internal_finding_required
@require_http_methods(["GET"])
def internal_finding_receipt(request: HttpRequest) -> HttpResponse:
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
