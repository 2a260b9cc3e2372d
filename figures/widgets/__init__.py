"""The dashboard's widgets, in the order the page shows them (docs/statistics.md lists what each counts).

Each is a function of the filters returning a figures.widgets.base.Widget; every count is an aggregate query over
the case facts or the reports of one agency, never a loop over rows (the overdue widget asks casework.deadlines,
which computes each overdue case's deadlines). `dashboard_widgets` keeps each result in the shared cache until the
summary tables or the day change."""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language

from core import clock
from figures.filters import Filters
from figures.models import RefreshState
from figures.widgets import breakdowns, follow_through, funnel, sanctions, timing, volume
from figures.widgets.base import Row, Widget

WIDGETS: dict[str, Callable[[Filters], Widget]] = {
    "received_closed": volume.received_and_closed,
    "open_by_status": volume.open_by_status,
    "open_by_age": volume.open_by_age,
    "funnel": funnel.funnel,
    "by_unit": breakdowns.by_unit,
    "by_position_kind": breakdowns.by_position_kind,
    "by_violation": breakdowns.by_violation,
    "by_channel": breakdowns.by_channel,
    "by_election": breakdowns.by_election,
    "by_stage": breakdowns.by_stage,
    "sanctions_by_level": sanctions.sanctions_by_level,
    "sanctions_by_type": sanctions.sanctions_by_type,
    "sanctions_by_employee_type": breakdowns.by_employee_type,
    "objections": sanctions.objections,
    "durations": timing.durations,
    "overdue_by_official": timing.overdue_by_official,
    "follow_through": follow_through.follow_through,
}


CACHE_SECONDS = 10 * 60


def _cache_key(key: str, filters: Filters, version: int) -> str:
    digest = hashlib.sha256(filters.query().encode()).hexdigest()[:16]
    return f"figures:widget:v1:{key}:{filters.agency_id}:{digest}:{version}:{clock.today()}:{get_language()}"


def dashboard_widgets(filters: Filters, *, cached: bool = True) -> list[Widget]:
    """Every widget for these filters. A widget's figures change only when the summary tables do (the audit
    trail's state they were refreshed to) or the day does, so each is kept in the shared cache until then."""
    if not cached:
        return [compute(filters) for compute in WIDGETS.values()]
    version = RefreshState.objects.filter(pk=1).values_list("last_event_id", flat=True).first() or 0
    keys = {key: _cache_key(key, filters, version) for key in WIDGETS}
    found = cache.get_many(list(keys.values()))
    widgets = []
    for key, compute in WIDGETS.items():
        widget = found.get(keys[key])
        if widget is None:
            widget = compute(filters)
            cache.set(keys[key], widget, CACHE_SECONDS)
        widgets.append(widget)
    return widgets


__all__ = ["WIDGETS", "Row", "Widget", "dashboard_widgets"]
