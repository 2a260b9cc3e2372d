"""The case list ("My cases" and the agency's), one case's page, and registering a case from triage."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.actors import AuthenticatedRequest, Viewer
from casework import selectors, services
from casework.deadlines import case_deadlines, cases_by_next_due
from casework.forms import CaseFilterForm, CaseRegisterForm
from casework.letters import letter_is_stuck, letter_list_for_case
from casework.models import Case, Letter
from casework.permissions import (
    EXAMINATION_RECORD_KINDS,
    can_read_examination_records,
    can_record_recommendation,
    can_register_case,
    can_view_cases,
    can_work_on_case,
    sees_agency_cases,
)
from casework.querysets import case_list_filtered
from casework.views.lookups import case_or_404
from core.decorators import role_required
from core.errors import DomainError
from core.timeline import TimelineEntry
from violations.permissions import is_intake_officer
from violations.selectors import report_list_for_user

PAGE_SIZE = 25
PENDING_LETTER = frozenset({Letter.Status.REQUESTED, Letter.Status.RENDERING})


def _back(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("triage:queue")


@role_required(can_register_case)
@require_POST
def case_register(request: AuthenticatedRequest) -> HttpResponse:
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


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    """The "My cases" tab (assigned to me or on my team) and, for intake officers and administrators, all cases."""
    agency_wide = sees_agency_cases(request.user)
    form = CaseFilterForm(request.GET or None, agency_id=request.user.agency_id)
    data = form.cleaned_data if form.is_valid() else {}
    tab = data.get("tab") or (CaseFilterForm.TAB_ALL if agency_wide else CaseFilterForm.TAB_MINE)
    if not agency_wide:
        tab = CaseFilterForm.TAB_MINE
    if tab == CaseFilterForm.TAB_MINE:
        cases = selectors.case_list_mine(user=request.user)
    else:
        cases = selectors.case_list_for_user(user=request.user)
    cases = (
        case_list_filtered(cases, data)
        .select_related("accused__unit")
        .prefetch_related(Prefetch("assigned_examiners", to_attr="examiners"))
        .order_by("-registered_at", "-id")
    )
    # "What is due first" (an examiner's start page): their own cases by next deadline; the agency's list by date.
    due_first = tab == CaseFilterForm.TAB_MINE and request.GET.get("order") == "due"
    listed = cases_by_next_due(cases) if due_first else cases
    context = {
        "page": Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page")),
        "due_first": due_first,
        "form": form,
        "tab": tab,
        "agency_wide": agency_wide,
        "filtered": any(value for key, value in data.items() if key != "tab"),
    }
    return render(request, "casework/case_list.html", context)


def _letters(case: Case, user: Viewer) -> dict[str, object]:
    letters = list(letter_list_for_case(case=case))
    reads_records = can_read_examination_records(user, case)
    return {
        "letters": [
            (letter, letter_is_stuck(letter), reads_records or letter.kind not in EXAMINATION_RECORD_KINDS)
            for letter in letters
        ],
        "letters_pending": any(letter.status in PENDING_LETTER for letter in letters),
    }


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_detail(request: AuthenticatedRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request.user, case_id)
    # A reverse one-to-one that does not exist raises an AttributeError subclass: getattr's default applies.
    team = getattr(case, "examination_team", None)
    context = {
        "case": case,
        "user": request.user,
        "reports": selectors.case_reports(case=case),
        "superior": case.accused.direct_superior if case.accused else None,
        "tracks": case.tracks.order_by("track"),
        "team": team,
        "team_members": team.members.select_related("user") if team else [],
        "examiners": case.assigned_examiners.order_by("first_name", "last_name", "username"),
        "summonses": case.summonses.order_by("number", "id"),
        "examinations": case.examinations.order_by("id"),
        "examination_report": getattr(case, "examination_report", None),
        "evidence": selectors.case_evidence_list(case=case),
        **_letters(case, request.user),
        "deadlines": case_deadlines(case),
        "timeline": [TimelineEntry.of(event) for event in selectors.case_timeline(case=case)],
        "can_open_reports": is_intake_officer(request.user),
        "can_identify_accused": can_work_on_case(request.user, case) and selectors.case_accused_changeable(case=case),
        "can_record_recommendation": can_record_recommendation(request.user, case),
        "waiting_on": selectors.case_waiting_on(case=case),
    }
    return render(request, "casework/case_detail.html", context)
