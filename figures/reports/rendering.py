"""A summary report's PDF, from its snapshot only: the same pygal charts as the dashboard (in pygal's own style),
the tables, the narrative, and on every page the number and the verification code with its QR code. WeasyPrint
fetches nothing but inline `data:` URIs."""

import base64

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from casework.letters.rendering import qr_data_uri
from casework.letters.verification_codes import format_verification_code
from figures.charts import chart_svg_for_pdf
from figures.models import SummaryReport
from figures.reports.content import widget_from_snapshot


def verification_url(code: str) -> str:
    return settings.NETRA_SITE_URL.rstrip("/") + reverse("figures:report-verify", args=[code])


def _chart_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else ""


def report_html(report: SummaryReport) -> str:
    widgets = [widget_from_snapshot(data) for data in report.content.get("widgets", [])]
    url = verification_url(report.verification_code)
    with translation.override("id"):
        return render_to_string(
            "figures/summary_report.html",
            {
                "report": report,
                "c": report.content,
                "widgets": [(widget, _chart_uri(chart_svg_for_pdf(widget))) for widget in widgets],
                "verification_code": format_verification_code(report.verification_code),
                "verification_url": url,
                "qr_code": qr_data_uri(url),
            },
        )


def report_pdf_bytes(report: SummaryReport) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    return bytes(HTML(string=report_html(report), url_fetcher=fetcher).write_pdf())
