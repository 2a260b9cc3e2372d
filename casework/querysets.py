"""Reusable filters over cases, shared by the selectors, the web pages, the officer API and the services.

They narrow a queryset the caller already scoped (casework.selectors.case_list_for_user); none of them decides
who may see what.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.actors import Actor
from casework.deadlines import overdue_cases
from casework.models import OPEN_STATUSES, Case, CaseReport, ExaminationReport, ExaminationTeamMember


def worked_on_by(user: Actor) -> Q:
    """The cases `user` is assigned to or sits on the examination team of ("my cases")."""
    assigned = Case.assigned_examiners.through.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)
    on_team = ExaminationTeamMember.objects.filter(team__case_id=OuterRef("pk"), user_id=user.pk)
    return Q(Exists(assigned)) | Q(Exists(on_team))


def open_cases_of_officer(cases: QuerySet[Case], user: Actor) -> QuerySet[Case]:
    """The open cases of `cases` that `user` works on: what a handover moves to a successor."""
    return cases.filter(worked_on_by(user), status__in=OPEN_STATUSES)


def with_violation(cases: QuerySet[Case], code: str) -> QuerySet[Case]:
    """Cases with a report of violation `code`, or whose examination report (LHP) names it."""
    in_report = CaseReport.objects.filter(case_id=OuterRef("pk"), report__violation_type__code=code)
    in_lhp = ExaminationReport.objects.filter(case_id=OuterRef("pk"), violation_types__code=code)
    return cases.filter(Q(Exists(in_report)) | Q(Exists(in_lhp)))


def case_list_filtered(cases: QuerySet[Case], filters: dict[str, Any]) -> QuerySet[Case]:
    """The case list's search and filters (the cleaned data of casework.forms.CaseFilterForm; empty ones ignored)."""
    if filters.get("nip"):
        cases = cases.filter(accused_nip__startswith=filters["nip"])
    if filters.get("name"):
        cases = cases.filter(accused_name__icontains=filters["name"])
    if filters.get("unit"):
        cases = cases.filter(accused__unit=filters["unit"])
    if filters.get("status"):
        cases = cases.filter(status=filters["status"])
    if filters.get("violation"):
        cases = with_violation(cases, filters["violation"])
    if filters.get("election"):
        cases = cases.filter(
            Exists(CaseReport.objects.filter(case_id=OuterRef("pk"), report__election=filters["election"]))
        )
    if filters.get("overdue"):
        cases = overdue_cases(cases)
    return cases
