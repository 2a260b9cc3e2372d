"""Casework web pages: registering a case from triage, the case list, one case, and its files and letters.

Reads go through casework.selectors (a case the user may not see is simply not found: another agency's, or for an
examiner one they are not on); registering and retrying a letter call their one service, and a refusal is shown as
a message. Downloads of evidence and letters are audit events (chain of custody).
"""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from casework import selectors, services
from casework.audit_actions import LETTER_DOWNLOADED
from casework.deadlines import case_deadlines, overdue_cases
from casework.forms import CaseFilterForm, CaseRegisterForm
from casework.letters import letter_get_for_user, letter_is_stuck, letter_list_for_case, letter_retry
from casework.models import Case, CaseReport, ExaminationReport, ExaminationTeamMember, Letter
from casework.permissions import can_register_case, can_view_cases, sees_agency_cases
from core.audit import audit_record
from core.decorators import role_required
from core.errors import DomainError
from core.models import AuditEvent
from core.timeline import TimelineEntry
from violations.permissions import is_intake_officer
from violations.selectors import report_list_for_user

PAGE_SIZE = 25


def _back(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("triage:queue")


@role_required(can_register_case)
@require_POST
def case_register(request: HttpRequest) -> HttpResponse:
    form = CaseRegisterForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(_back(request, request.POST.get("next", "")))
    back = _back(request, form.cleaned_data["next"])
    ids = form.cleaned_data["reports"]
    reports = list(report_list_for_user(user=request.user).filter(pk__in=ids))
    if len(reports) != len(ids):
        raise Http404  # a report of another agency, or none at all: not found, as everywhere
    try:
        case = services.case_register(actor=request.user, reports=reports, summary=form.cleaned_data["summary"])
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    messages.success(
        request,
        _("Case %(number)s was registered; every reporter now sees that it is in process.") % {"number": case.number},
    )
    return redirect("casework:case-detail", case_id=case.pk)


def _mine(user: Any) -> Q:
    assigned = Case.assigned_examiners.through.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)
    on_team = ExaminationTeamMember.objects.filter(team__case_id=OuterRef("pk"), user_id=user.pk)
    return Q(Exists(assigned)) | Q(Exists(on_team))


def _filtered(cases: QuerySet[Case], data: dict[str, Any]) -> QuerySet[Case]:
    if data.get("nip"):
        cases = cases.filter(accused_nip__startswith=data["nip"])
    if data.get("name"):
        cases = cases.filter(accused_name__icontains=data["name"])
    if data.get("unit"):
        cases = cases.filter(accused__unit=data["unit"])
    if data.get("status"):
        cases = cases.filter(status=data["status"])
    if data.get("violation"):
        code = data["violation"]
        in_report = CaseReport.objects.filter(case_id=OuterRef("pk"), report__violation_type__code=code)
        in_lhp = ExaminationReport.objects.filter(case_id=OuterRef("pk"), violation_types__code=code)
        cases = cases.filter(Q(Exists(in_report)) | Q(Exists(in_lhp)))
    if data.get("election"):
        cases = cases.filter(
            Exists(CaseReport.objects.filter(case_id=OuterRef("pk"), report__election=data["election"]))
        )
    if data.get("overdue"):
        cases = overdue_cases(cases)
    return cases


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_list(request: HttpRequest) -> HttpResponse:
    """The "My cases" tab (assigned to me or on my team) and, for intake officers and administrators, all cases."""
    agency_wide = sees_agency_cases(request.user)
    form = CaseFilterForm(request.GET or None, agency_id=getattr(request.user, "agency_id", None))
    data = form.cleaned_data if form.is_valid() else {}
    tab = data.get("tab") or (CaseFilterForm.TAB_ALL if agency_wide else CaseFilterForm.TAB_MINE)
    if not agency_wide:
        tab = CaseFilterForm.TAB_MINE
    cases = selectors.case_list_for_user(user=request.user)
    if tab == CaseFilterForm.TAB_MINE:
        cases = cases.filter(_mine(request.user))
    cases = (
        _filtered(cases, data)
        .select_related("accused__unit")
        .prefetch_related(Prefetch("assigned_examiners", to_attr="examiners"))
        .order_by("-registered_at", "-id")
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "tab": tab,
        "agency_wide": agency_wide,
        "filtered": any(value for key, value in data.items() if key != "tab"),
    }
    return render(request, "casework/case_list.html", context)


def _case_or_404(request: HttpRequest, case_id: int) -> Case:
    case = selectors.case_get_for_user(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    return case


def case_timeline(case: Case) -> QuerySet[AuditEvent]:
    """The case's audit events, oldest first (newest last)."""
    return (
        AuditEvent.objects.filter(target_type=Case._meta.label_lower, target_id=case.pk)
        .select_related("actor")
        .order_by("occurred_at", "id")
    )


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_or_404(request, case_id)
    # A reverse one-to-one that does not exist raises an AttributeError subclass: getattr's default applies.
    team = getattr(case, "examination_team", None)
    letters = list(letter_list_for_case(case=case))
    context = {
        "case": case,
        "user": request.user,
        "reports": selectors.case_reports(case=case),
        "superior": case.accused.direct_superior if case.accused else None,
        "tracks": case.tracks.order_by("track"),
        "team": team,
        "team_members": team.members.select_related("user") if team else [],
        "examiners": case.assigned_examiners.order_by("first_name", "last_name", "username"),
        "summonses": case.summonses.order_by("number"),
        "examination": getattr(case, "examination", None),
        "examination_report": getattr(case, "examination_report", None),
        "evidence": selectors.case_evidence_list(case=case),
        "letters": [(letter, letter_is_stuck(letter)) for letter in letters],
        "letters_pending": any(letter.status in PENDING_LETTER for letter in letters),
        "deadlines": case_deadlines(case),
        "timeline": [TimelineEntry.of(event) for event in case_timeline(case)],
        "can_open_reports": is_intake_officer(request.user),
    }
    return render(request, "casework/case_detail.html", context)


PENDING_LETTER = frozenset({Letter.Status.REQUESTED, Letter.Status.RENDERING})


def _attachment_headers(response: FileResponse) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    # Opened directly in a browser anyway, the file runs in a sandbox: no script, no same-origin access.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_evidence_download(request: HttpRequest, case_id: int, evidence_id: int) -> FileResponse:
    """A file (or screenshot) of the case's evidence; the selector writes the download to the audit trail."""
    case = _case_or_404(request, case_id)
    with transaction.atomic():
        evidence = selectors.case_evidence_open_for_user(user=request.user, evidence_id=evidence_id)
        if evidence is None or evidence.case_id != case.pk or not evidence.file:
            raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name or f"evidence-{evidence.pk}",
        content_type=evidence.content_type or "application/octet-stream",
    )
    return _attachment_headers(response)


def _letter_or_404(request: HttpRequest, letter_id: int) -> Letter:
    letter = letter_get_for_user(user=request.user, letter_id=letter_id)
    if letter is None:
        raise Http404
    return letter


@role_required(can_view_cases)
@require_http_methods(["GET"])
def letter_download(request: HttpRequest, letter_id: int) -> FileResponse:
    """The PDF of an issued letter; every download is an audit event on its case."""
    letter = _letter_or_404(request, letter_id)
    if not letter.is_issued:
        raise Http404
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    with transaction.atomic():
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=LETTER_DOWNLOADED,
            target=letter.case,
            from_status=letter.case.status,
            to_status=letter.case.status,
            data={"letter": letter.pk, "number": letter.number, "sha256": letter.sha256},
        )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{letter.kind}-{letter.verification_code}.pdf",
        content_type="application/pdf",
    )
    return _attachment_headers(response)


@role_required(can_view_cases)
@require_http_methods(["GET"])
def letter_status(request: HttpRequest, letter_id: int) -> JsonResponse:
    """The letter's status, for the case page to notice when a letter being prepared is ready."""
    letter = _letter_or_404(request, letter_id)
    response = JsonResponse({"status": letter.status})
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_view_cases)
@require_POST
def letter_retry_view(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = _letter_or_404(request, letter_id)
    back = reverse("casework:case-detail", kwargs={"case_id": letter.case_id}) + "#letters"
    try:
        letter_retry(letter=letter, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    messages.success(request, _("Letter %(number)s is being prepared again.") % {"number": letter.number})
    return redirect(back)
