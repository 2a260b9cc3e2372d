"""Reads of cases, scoped by who asks."""

from typing import Any

from django.db.models import F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery

from casework.models import Case
from violations.models import Report
from violations.permissions import is_intake_officer


def _in_case(case: Any) -> Q:
    # A report is in a case when it was registered with it, or when it is a duplicate of a report that was
    # (a duplicate linked after registration follows its original; see violations.services.report_mark_duplicate).
    return Q(case_report__case=case) | Q(merged_into__case_report__case=case)


def case_list_for_user(*, user: Any) -> QuerySet[Case]:
    if not is_intake_officer(user):
        return Case.objects.none()
    reports_count = (
        Report.objects.filter(_in_case(OuterRef("pk")))
        .order_by()
        .annotate(total=Func(F("id"), function="COUNT"))
        .values("total")
    )
    return Case.objects.filter(agency_id=user.agency_id).annotate(
        reports_count=Subquery(reports_count, output_field=IntegerField())
    )


def case_get_for_user(*, user: Any, case_id: int) -> Case | None:
    return case_list_for_user(user=user).select_related("accused__unit", "registered_by").filter(pk=case_id).first()


def case_reports(*, case: Case) -> QuerySet[Report]:
    """Every report the case covers, including duplicates linked to them later, oldest first."""
    return (
        Report.objects.filter(_in_case(case))
        .distinct()
        .select_related("violation_type", "forwarding__office", "merged_into")
        .order_by("received_at", "id")
    )
