"""Volumes over time and the open cases: reports received and cases closed per month (or week), open cases by
status and by age band."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.models import Case
from core import clock
from figures import labels
from figures.filters import AGE_BANDS, Filters
from figures.models import PublicCell
from figures.refresh.fact_sql import NOT_OPEN_STATUSES
from figures.widgets.base import Row, Widget


def _bucket_start(day: datetime.date | datetime.datetime, bucket: str) -> datetime.date:
    day = day.date() if isinstance(day, datetime.datetime) else day
    return day - datetime.timedelta(days=day.weekday()) if bucket == "week" else day.replace(day=1)


def _bucket_end(start: datetime.date, bucket: str) -> datetime.date:
    if bucket == "week":
        return start + datetime.timedelta(days=6)
    following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def _bucket_label(start: datetime.date, bucket: str) -> str:
    if bucket == "week":
        return _("week of %(date)s") % {"date": date_format(start, "j M Y")}
    return date_format(start, "M Y")


MAX_BUCKETS = 260


def _buckets(starts: set[datetime.date], bucket: str) -> list[datetime.date]:
    """Every bucket from the first to the last one with a figure (empty ones too, so the chart keeps its scale)."""
    if not starts:
        return []
    current, last, out = min(starts), max(starts), []
    while current <= last:
        out.append(current)
        current = _bucket_end(current, bucket) + datetime.timedelta(days=1)
        if len(out) > MAX_BUCKETS:  # a very long span: only the buckets with a figure
            return sorted(starts)
    return out


def _counts(queryset, field: str, bucket: str, *, timestamp: bool = False) -> dict[datetime.date, int]:  # type: ignore[no-untyped-def]
    trunc = TruncWeek if bucket == "week" else TruncMonth
    expression = trunc(field, tzinfo=clock.JAKARTA) if timestamp else trunc(field)
    rows = queryset.order_by().annotate(b=expression).values("b").annotate(n=Count("pk")).values_list("b", "n")
    return {_bucket_start(start, bucket): count for start, count in rows if start is not None}


def _received(filters: Filters) -> dict[datetime.date, int]:
    """Reports by month or week; unfiltered by month, from the public cells the refresh keeps (the same count)."""
    plain = filters == Filters(agency_id=filters.agency_id)
    if not plain:
        return _counts(filters.reports(), "received_at", filters.bucket, timestamp=True)
    cells = PublicCell.objects.filter(agency_id=filters.agency_id, table="reports_by_month", value__gt=0)
    return {datetime.date.fromisoformat(f"{key}-01"): value for key, value in cells.values_list("key", "value")}


def received_and_closed(filters: Filters) -> Widget:
    received = _received(filters)
    ended = filters.cases(period=False).filter(ended_on__isnull=False)
    if filters.date_from:
        ended = ended.filter(ended_on__gte=filters.date_from)
    if filters.date_to:
        ended = ended.filter(ended_on__lte=filters.date_to)
    closed = _counts(ended, "ended_on", filters.bucket)
    rows = []
    for start in _buckets(set(received) | set(closed), filters.bucket):
        end = _bucket_end(start, filters.bucket)
        link = {"from": start.isoformat(), "to": end.isoformat()}
        rows.append(Row(_bucket_label(start, filters.bucket), (received.get(start, 0), closed.get(start, 0)), link))
    return Widget(
        key="received_closed",
        title=_("Reports received and cases closed"),
        counted=_(
            "Reports by the day they were received; cases by the day they ended (closed, not proven, dismissed or "
            "withdrawn). A row's link opens the cases registered in that period."
        ),
        columns=(_("Period"), _("Reports received"), _("Cases closed")),
        rows=rows,
        chart="line" if len(rows) > 12 else "bar",
        charted=(0, 1),
        total=Row(_("Total"), (sum(received.values()), sum(closed.values()))),
    )


def open_by_status(filters: Filters) -> Widget:
    counts = dict(
        filters.cases()
        .filter(is_open=True)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    rows = [
        Row(str(label), (counts[status],), {"status": status})
        for status, label in Case.Status.choices
        if status not in NOT_OPEN_STATUSES and counts.get(status)
    ]
    return Widget(
        key="open_by_status",
        title=_("Open cases by status"),
        counted=_("Cases registered in the period that have not ended, by their status today."),
        columns=(_("Status"), _("Cases")),
        rows=rows,
        chart="hbar",
        total=Row(_("Total"), (sum(counts.values()),)),
    )


def open_by_age(filters: Filters) -> Widget:
    today = clock.today()
    aggregates = {}
    for key, (low, high) in AGE_BANDS.items():
        band = Q(registered_on__lte=today - datetime.timedelta(days=low))
        if high is not None:
            band &= Q(registered_on__gte=today - datetime.timedelta(days=high))
        aggregates[key] = Count("pk", filter=band)
    counts = filters.cases().filter(is_open=True).aggregate(**aggregates)
    rows = [Row(labels.age_band(key), (counts[key],), {"age": key}) for key in AGE_BANDS]
    return Widget(
        key="open_by_age",
        title=_("Open cases by age"),
        counted=_("Open cases by the calendar days since they were registered."),
        columns=(_("Age"), _("Cases")),
        rows=rows,
        chart="bar",
        total=Row(_("Total"), (sum(counts.values()),)),
    )
