"""The Celery task that renders a summary report ("figures.render_summary_report"; figures.tasks imports it so
autodiscovery finds it). It takes the report's id, calls figures.reports.issuing and is safe to run twice."""

from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from figures.reports.issuing import summary_report_mark_failed, summary_report_render

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, OSError, SoftTimeLimitExceeded)


class ReportTask(Task):
    """Marks the report failed (with the error) when the task gives up."""

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        report_id = int(kwargs["report_id"] if "report_id" in (kwargs or {}) else args[0])
        summary_report_mark_failed(report_id=report_id, error=f"{type(exc).__name__}: {exc}")


@shared_task(
    base=ReportTask,
    name="figures.render_summary_report",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    max_retries=3,
    retry_backoff=5,
    soft_time_limit=120,
    time_limit=150,
)
def render_summary_report(report_id: int) -> str:
    return summary_report_render(report_id=report_id).status
