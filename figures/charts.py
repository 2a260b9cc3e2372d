"""The widgets' charts: pygal draws them on the server as SVG, the same chart for the page and for the PDF report.

Colour-blind-safe (Okabe–Ito palette). On the page the chart works under the strict CSP: pygal's inline <style>
and <script> are left out and static/figures/charts.css styles its classes instead; its links (a chart element's
drill-down) stay, but out of the tab order and hidden from assistive technology, because the table under the
chart holds the same figures and the same links. In the PDF the chart keeps pygal's own style.
"""

from collections.abc import Callable
from xml.etree import ElementTree

import pygal
from pygal.style import Style

from figures.widgets.base import Row, Widget

# Okabe & Ito (2008), the palette of the colour-universal design: distinct for every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1d2330",
    foreground_strong="#1d2330",
    foreground_subtle="#5b6475",
    colors=PALETTE,
    font_family="DejaVu Sans, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=14,
    legend_font_size=14,
    title_font_size=16,
    opacity=".9",
    opacity_hover="1",
)
Href = Callable[[Row], str | None]
_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
ElementTree.register_namespace("", _SVG)
ElementTree.register_namespace("xlink", _XLINK)


def _chart(widget: Widget, href: Href) -> pygal.graph.graph.Graph | None:
    kind = {"bar": pygal.Bar, "hbar": pygal.HorizontalBar, "line": pygal.Line}.get(widget.chart)
    rows = [row for row in widget.rows if any(isinstance(row.values[i], int | float) for i in widget.charted)]
    if kind is None or not rows:
        return None
    if widget.chart == "hbar":
        rows.reverse()  # pygal draws the first label at the bottom; the table's first row goes on top
    height = max(200, 70 + 32 * len(rows)) if widget.chart == "hbar" else 360
    chart = kind(
        style=STYLE,
        width=700,
        height=min(height, 900),
        js=[],
        disable_xml_declaration=True,
        show_legend=len(widget.charted) > 1,
        legend_at_bottom=True,
        truncate_label=48,
        truncate_legend=40,
        x_label_rotation=30 if widget.chart != "hbar" and len(rows) > 6 else 0,
        print_values=False,
        margin=12,
        no_prefix=True,
        value_formatter=lambda value: f"{value:g}",
    )
    chart.x_labels = [row.label for row in rows]
    chart.y_labels = _ticks(max((float(row.values[i] or 0) for row in rows for i in widget.charted), default=0))
    for index in widget.charted:
        chart.add(widget.columns[index + 1], [_point(row, index, href) for row in rows])
    return chart


def _ticks(top: float) -> list[float]:
    """Round ticks from 0 past `top`: whole numbers for counts, never more than seven."""
    step = 1.0
    while top / step > 6:
        step *= 2.5 if str(int(step)).startswith("2") else 2
    ticks, value = [], 0.0
    while value < top + step:
        ticks.append(value)
        value += step
    return ticks


def _point(row: Row, index: int, href: Href) -> dict[str, object] | None:
    value = row.values[index]
    if not isinstance(value, int | float):
        return None
    point: dict[str, object] = {"value": value, "label": row.label}
    url = href(row)
    if url:
        point["xlink"] = {"href": url, "target": "_top"}
    return point


def chart_svg_for_page(widget: Widget, href: Href) -> str:
    """The chart as inline SVG for the page (no style or script of its own), or "" when there is nothing to draw."""
    chart = _chart(widget, href)
    if chart is None:
        return ""
    root = ElementTree.fromstring(chart.render(is_unicode=True))  # noqa: S314  (pygal's own output)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{_SVG}}}style", f"{{{_SVG}}}script"):
                parent.remove(child)
    for element in root.iter():
        element.attrib.pop("style", None)
        if element.tag == f"{{{_SVG}}}a":
            element.set("tabindex", "-1")
            element.set("focusable", "false")
    for title in root.findall(f"{{{_SVG}}}title"):
        title.text = widget.title
    root.set("aria-hidden", "true")
    root.set("focusable", "false")
    root.set("class", "pygal-chart figures-svg")
    root.attrib.pop("id", None)
    return ElementTree.tostring(root, encoding="unicode")


def chart_svg_for_pdf(widget: Widget) -> str:
    """The chart as a complete SVG document in pygal's own style (no links: paper has nowhere to go)."""
    chart = _chart(widget, lambda row: None)
    return chart.render(is_unicode=True) if chart is not None else ""
