"""A widget as a page (or the PDF report) shows it: its chart, and each row with the link it drills down to."""

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

from figures.charts import chart_svg_for_page
from figures.filters import Filters
from figures.widgets import CACHE_SECONDS, dashboard_widgets
from figures.widgets.base import Row, Widget


@dataclass(frozen=True)
class RowView:
    row: Row
    href: str | None


@dataclass(frozen=True)
class WidgetView:
    widget: Widget
    svg: str
    rows: list[RowView]


def drilldown_href(filters: Filters, *, to_cases: bool) -> Callable[[Row], str | None]:
    """Where a row leads: the case list behind it for those who may see cases, else the dashboard narrowed to it."""
    base = reverse("figures:cases" if to_cases else "figures:dashboard")

    def href(row: Row) -> str | None:
        return f"{base}?{filters.query(row.link)}" if row.link is not None else None

    return href


def widget_view(widget: Widget, href: Callable[[Row], str | None]) -> WidgetView:
    rows = [RowView(row, href(row)) for row in widget.rows]
    return WidgetView(widget=widget, svg=chart_svg_for_page(widget, href), rows=rows)


def dashboard_views(filters: Filters, *, to_cases: bool) -> list[WidgetView]:
    """The dashboard's widgets with their charts drawn, kept in the shared cache as long as their figures are
    (figures.widgets.dashboard_widgets): drawing seventeen charts is most of a page's time."""
    widgets = dashboard_widgets(filters)
    digest = hashlib.sha256(pickle.dumps(widgets)).hexdigest()[:24]
    key = f"figures:views:v1:{filters.agency_id}:{to_cases}:{filters.query()}:{digest}:{get_language()}"
    views = cache.get(key)
    if views is None:
        href = drilldown_href(filters, to_cases=to_cases)
        views = [widget_view(widget, href) for widget in widgets]
        cache.set(key, views, CACHE_SECONDS)
    return views
