"""Celery entry points of figures. Each takes ids (or nothing), calls one service and is safe to run twice.

The export and report tasks live with their services (figures.exports.tasks, figures.reports.tasks); importing
them here registers them with Celery's autodiscovery under their names."""

from celery import shared_task

from figures.exports.running import exports_expire
from figures.exports.tasks import run_export
from figures.refresh import figures_rebuild, figures_refresh
from figures.reports.requesting import monthly_reports_request
from figures.reports.tasks import render_summary_report

__all__ = [
    "delete_expired_exports",
    "rebuild_figures",
    "refresh_figures",
    "render_summary_report",
    "request_monthly_reports",
    "run_export",
]


@shared_task(name="figures.refresh_figures", acks_late=True, soft_time_limit=240, time_limit=300)
def refresh_figures() -> dict[str, object]:
    """The beat job every few seconds: the summary tables follow the audit trail (cheap when nothing changed)."""
    run = figures_refresh()
    return {"events": run.events, "cases": run.cases, "agencies": run.agencies, "skipped": run.skipped}


@shared_task(name="figures.rebuild_figures", acks_late=True, soft_time_limit=3000, time_limit=3300)
def rebuild_figures() -> dict[str, object]:
    """The nightly full rebuild (figures.refresh.figures_rebuild)."""
    run = figures_rebuild()
    return {"cases": run.cases, "agencies": run.agencies, "skipped": run.skipped}


@shared_task(name="figures.delete_expired_exports", acks_late=True, soft_time_limit=240, time_limit=300)
def delete_expired_exports() -> int:
    """Hourly: delete export files past their retention."""
    return exports_expire()


@shared_task(name="figures.request_monthly_reports", acks_late=True, soft_time_limit=600, time_limit=660)
def request_monthly_reports() -> list[str]:
    """On the first of the month: last month's summary report for every agency's leadership."""
    return [report.number for report in monthly_reports_request()]
