"""What a summary report says: the dashboard's widgets for its period and scope, frozen when it is requested (the
PDF is rendered from this snapshot only, so a re-render says the same), and a short narrative of the main figures."""

import datetime
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from accounts.models import Agency
from core import clock
from figures.describe import filters_sentence
from figures.filters import Filters
from figures.widgets import dashboard_widgets
from figures.widgets.base import Row, Widget


def _rows(rows: list[Row]) -> list[dict[str, Any]]:
    return [{"label": row.label, "values": list(row.values)} for row in rows]


def widget_snapshot(widget: Widget) -> dict[str, Any]:
    return {
        "key": widget.key,
        "title": widget.title,
        "counted": widget.counted,
        "columns": list(widget.columns),
        "rows": _rows(widget.rows),
        "total": _rows([widget.total])[0] if widget.total else None,
        "chart": widget.chart,
        "charted": list(widget.charted),
        "note": widget.note,
        "extra": widget.extra,
    }


def widget_from_snapshot(data: dict[str, Any]) -> Widget:
    def row(item: dict[str, Any]) -> Row:
        return Row(item["label"], tuple(item["values"]))

    return Widget(
        key=data["key"],
        title=data["title"],
        counted=data["counted"],
        columns=tuple(data["columns"]),
        rows=[row(item) for item in data["rows"]],
        chart=data["chart"],
        charted=tuple(data["charted"]),
        total=row(data["total"]) if data["total"] else None,
        note=data["note"],
        extra=data["extra"],
    )


def _n(value: object) -> str:
    return number_format(value, decimal_pos=1 if isinstance(value, float) else None, force_grouping=True)  # type: ignore[arg-type]


def narrative(widgets: dict[str, Widget], period: str) -> list[str]:
    """Four or five sentences on the main figures, from the widgets themselves."""
    steps = [row.values[0] for row in widgets["funnel"].rows]
    reports, cases, decided = steps[0], steps[1], steps[3]
    timing = widgets["durations"].rows[0].values
    follow = widgets["follow_through"].rows
    sentences = [
        _("In the period %(period)s, %(reports)s reports were received and %(cases)s cases registered.")
        % {"period": period, "reports": _n(reports), "cases": _n(cases)},
        _("%(decided)s of these cases have been decided.") % {"decided": _n(decided)},
    ]
    if timing[1] is not None:
        sentences.append(
            _("From report to decision took a median of %(median)s working days (90th percentile: %(p90)s).")
            % {"median": _n(float(str(timing[1]))), "p90": _n(float(str(timing[2])))}
        )
    open_total = widgets["open_by_status"].total
    overdue = widgets["overdue_by_official"].total
    sentences.append(
        _("%(open)s cases are still open; %(overdue)s steps are overdue today.")
        % {"open": _n(open_total.values[0] if open_total else 0), "overdue": _n(overdue.values[0] if overdue else 0)}
    )
    if follow[0].values[0]:
        sentences.append(
            _(
                "Of %(received)s Bawaslu and BKN recommendations, %(executed)s ended in an executed sanction "
                "(%(rate)s%%)."
            )
            % {
                "received": _n(follow[0].values[0]),
                "executed": _n(follow[2].values[0]),
                "rate": _n(follow[2].values[1]),
            }
        )
    return sentences


def period_words(start: datetime.date, end: datetime.date) -> str:
    return _("%(start)s to %(end)s") % {"start": date_format(start, "j F Y"), "end": date_format(end, "j F Y")}


def report_content(*, filters: Filters, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """The snapshot a summary report is rendered from (in the active language: Indonesian for official papers)."""
    widgets = {widget.key: widget for widget in dashboard_widgets(filters)}
    period = period_words(start, end)
    agency = Agency.objects.get(pk=filters.agency_id)
    return {
        "agency": agency.name,
        "region": agency.region_name,
        "seat": agency.seat,
        "period": period,
        "filters": filters_sentence(filters),
        "as_of": clock.now().isoformat(),
        "narrative": narrative(widgets, period),
        "widgets": [widget_snapshot(widget) for widget in widgets.values()],
    }
