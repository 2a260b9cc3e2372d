"""Intake officers' pages: the triage queue, one report with its action forms, and evidence downloads.

Every read goes through the user-scoped selectors (another agency's report is simply not found); a read that must
be recorded (the reporter's identity, a download) calls its service. The actions are in triage_actions.py.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from core.decorators import role_required
from core.models import AuditEvent
from core.timeline import TimelineEntry
from violations import selectors, services
from violations.forms.triage import (
    OPEN_STATUSES,
    DuplicateForm,
    InformationRequestForm,
    RejectForm,
    ReportQueueFilter,
)
from violations.models import Report
from violations.permissions import is_intake_officer
from violations.selectors import DuplicateMatch
from violations.views.public_status import status_label

PAGE_SIZE = 25

MATCH_LABELS = {
    "nip": gettext_lazy("same NIP"),
    "register": gettext_lazy("same civil servant in the register"),
    "name_unit": gettext_lazy("same name and unit"),
    "link": gettext_lazy("same link"),
}

intake_officer_required = role_required(is_intake_officer)


def _report_or_404(request: AuthenticatedRequest, report_id: int) -> Report:
    """The officer's report with what its page shows, or 404 (another agency's report is not found)."""
    report = (
        selectors.report_list_for_user(user=request.user)
        .select_related("election", "accused__unit", "merged_into", "submitted_by")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise Http404
    return report


# --- queue ---------------------------------------------------------------------------------------------


@intake_officer_required
@require_http_methods(["GET"])
def queue(request: AuthenticatedRequest) -> HttpResponse:
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
def report_detail(request: AuthenticatedRequest, report_id: int) -> HttpResponse:
    report = _report_or_404(request, report_id)
    # Audited read: exactly one event per page view.
    reporter = services.report_identity_view(actor=request.user, report=report)
    matches = selectors.duplicate_matches(report=report)
    events = list(selectors.report_audit_events(report=report))
    context = {
        "report": report,
        "reporter": reporter,
        "forwarding": getattr(report, "forwarding", None),
        "links": report.links.all(),
        "evidence": report.evidence.all(),
        "additions": report.additions.annotate(evidence_count=Count("evidence")),
        "timeline": [{"entry": entry, "label": status_label(entry.status)} for entry in report.timeline.all()],
        "audit_events": [TimelineEntry.of(event) for event in events],
        "case_number": _case_number(events),
        "waiting_on": selectors.report_waiting_on(report=report),
        "duplicates": report.duplicates.order_by("received_at"),
        **_duplicate_context(matches),
        "can": _actions_open(report),
        "reject_form": RejectForm(),
        "information_form": InformationRequestForm(initial={"message": report.information_request}),
        "duplicate_form": DuplicateForm(),
    }
    return render(request, "triage/report_detail.html", context)


def _case_number(events: list[AuditEvent]) -> str:
    """The number of the case registered over the report, from the newest event that names one."""
    return next((str(event.data["case"]) for event in reversed(events) if event.data.get("case")), "")


def _duplicate_context(matches: list[DuplicateMatch]) -> dict[str, object]:
    return {
        "matches": [
            {"report": match.report, "reasons": [MATCH_LABELS[reason] for reason in match.reasons]} for match in matches
        ],
        "registrable_matches": [match.report for match in matches if match.report.status in OPEN_STATUSES],
    }


def _actions_open(report: Report) -> dict[str, bool]:
    """Which action forms the report page offers in the report's status."""
    return {
        "start_review": report.can_transition_to(Report.Status.IN_REVIEW),
        "reject": report.can_transition_to(Report.Status.REJECTED),
        "request_information": report.status in OPEN_STATUSES,
        "link_duplicate": report.can_transition_to(Report.Status.MERGED),
        "register": report.status in OPEN_STATUSES,
        "identify_accused": report.status in OPEN_STATUSES,
    }


@intake_officer_required
@require_http_methods(["GET"])
def evidence_download(request: AuthenticatedRequest, report_id: int, evidence_id: int) -> FileResponse:
    report = _report_or_404(request, report_id)
    evidence = selectors.evidence_get_for_user(user=request.user, report=report, evidence_id=evidence_id)
    if evidence is None:
        raise Http404
    services.report_evidence_download_record(actor=request.user, report=report, evidence=evidence)
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
