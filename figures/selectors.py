"""Reads of figures, scoped by who asks: the dashboard's filters (always the user's own agency), the cases behind a
figure (only those casework.selectors lets the user see), the user's own exports and the agency's summary reports."""

from django.db.models import QuerySet
from django.http import QueryDict

from accounts.actors import Actor, Viewer, is_account
from casework.models import Case
from casework.querysets import case_list_filtered
from casework.selectors import case_list_for_user
from figures.filters import Filters
from figures.models import ExportJob, RefreshState, SummaryReport
from figures.permissions import can_open_dashboard


def dashboard_filters(*, user: Actor, query: QueryDict | dict[str, str]) -> Filters:
    """The filters of a request, bound to the user's agency whatever the query says."""
    assert user.agency_id is not None
    return Filters.from_query(query, agency_id=user.agency_id)


def figures_as_of() -> RefreshState | None:
    return RefreshState.objects.filter(pk=1).first()


def drilldown_cases(*, user: Viewer, filters: Filters) -> QuerySet[Case]:
    """The cases behind a figure that `user` may see, newest first (none for anyone casework shows none)."""
    cases = case_list_for_user(user=user).filter(pk__in=filters.cases().values("case_id"))
    if filters.overdue:
        cases = case_list_filtered(cases, {"overdue": True})
    return cases.order_by("-registered_at", "-id")


def export_jobs_for_user(*, user: Viewer) -> QuerySet[ExportJob]:
    """The user's own exports (nobody sees another's), newest first."""
    if not is_account(user):
        return ExportJob.objects.none()
    return ExportJob.objects.filter(user_id=user.pk).order_by("-requested_at", "-id")


def summary_reports_for_user(*, user: Viewer) -> QuerySet[SummaryReport]:
    """The summary reports of the user's agency, for those who may open its dashboard."""
    if not can_open_dashboard(user) or user.agency_id is None:
        return SummaryReport.objects.none()
    return SummaryReport.objects.filter(agency_id=user.agency_id).order_by("-requested_at", "-id")
