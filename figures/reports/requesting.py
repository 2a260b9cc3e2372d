"""Asking for summary reports (docs/statistics.md, "The PDF summary report"): the only write path that creates one.

`summary_report_request` numbers the report in its agency's register, freezes its content and enqueues the
render after the commit (figures.reports.issuing renders and stores it); `monthly_reports_request` asks for last
month's report of every agency with a leadership account (one per agency and month, whatever the retries).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Agency
from accounts.roles import Role
from core import clock
from core.audit import audit_record
from core.errors import PermissionDenied
from core.transactions import on_commit_delay
from figures.audit_actions import SUMMARY_REPORT_REQUESTED
from figures.filters import Filters
from figures.models import CaseFact, SummaryReport
from figures.permissions import can_open_dashboard
from figures.reports.content import report_content
from figures.reports.numbering import new_verification_code, next_sequence, report_number
from figures.reports.tasks import render_summary_report


def _period(filters: Filters) -> tuple[datetime.date, datetime.date]:
    """The report's period: the filters' dates, else from the agency's first case (or today) to today."""
    first = (
        CaseFact.objects.filter(agency_id=filters.agency_id)
        .order_by("registered_on")
        .values_list("registered_on", flat=True)
        .first()
    )
    return filters.date_from or first or clock.today(), filters.date_to or clock.today()


def _create(*, agency_id: int, kind: str, filters: Filters, actor: Actor | None) -> SummaryReport:
    start, end = _period(filters)
    year = clock.today().year
    sequence = next_sequence(agency_id, year)
    with translation.override("id"):
        content = report_content(filters=filters, start=start, end=end)
    report = SummaryReport.objects.create(
        agency_id=agency_id,
        kind=kind,
        period_start=start,
        period_end=end,
        filters=filters.params(),
        content=content,
        year=year,
        sequence=sequence,
        number=report_number(sequence, year),
        verification_code=new_verification_code(),
        requested_by=actor,
        requested_at=clock.now(),
    )
    audit_record(actor=actor, action=SUMMARY_REPORT_REQUESTED, target=report, data={"number": report.number})
    on_commit_delay(render_summary_report, report.pk)
    return report


@transaction.atomic
def summary_report_request(*, user: Actor, filters: Filters) -> SummaryReport:
    """Number and freeze a report of the dashboard as filtered; refused (nothing written) outside one's agency."""
    if not can_open_dashboard(user) or filters.agency_id != user.agency_id:
        raise PermissionDenied("figures_report_denied", _("You may not request this report."))
    return _create(agency_id=filters.agency_id, kind=SummaryReport.Kind.ON_REQUEST, filters=filters, actor=user)


def _last_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end


def monthly_reports_request(*, today: datetime.date | None = None) -> list[SummaryReport]:
    """Last month's report for every agency with an active leadership account; an existing one is kept."""
    start, end = _last_month(today or clock.today())
    leaders = get_user_model().objects.filter(groups__name=str(Role.LEADERSHIP), is_active=True)
    made = []
    for agency in Agency.objects.filter(pk__in=leaders.values("agency_id")).order_by("pk"):
        if SummaryReport.objects.filter(agency=agency, kind=SummaryReport.Kind.MONTHLY, period_start=start).exists():
            continue
        filters = Filters(agency_id=agency.pk, date_from=start, date_to=end)
        try:
            with transaction.atomic():
                made.append(_create(agency_id=agency.pk, kind=SummaryReport.Kind.MONTHLY, filters=filters, actor=None))
        except IntegrityError:  # another run made it first (the unique monthly constraint)
            continue
    return made
