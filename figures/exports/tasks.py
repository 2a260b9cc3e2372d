"""The Celery task that writes a large export ("figures.run_export"; figures.tasks imports it so autodiscovery
finds it). It takes the job's id, calls figures.exports.running and is safe to run twice."""

from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from figures.exports.running import export_mark_failed, export_run

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, OSError, SoftTimeLimitExceeded)


class ExportTask(Task):
    """Marks the job failed (with the error) when the task gives up."""

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        job_id = int(kwargs["job_id"] if "job_id" in (kwargs or {}) else args[0])
        export_mark_failed(job_id=job_id, error=f"{type(exc).__name__}: {exc}")


@shared_task(
    base=ExportTask,
    name="figures.run_export",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    max_retries=2,
    retry_backoff=10,
    soft_time_limit=1500,
    time_limit=1560,
)
def run_export(job_id: int) -> str:
    """Write one large export; returns the job's status afterwards."""
    job = export_run(job_id=job_id)
    return job.status if job is not None else "missing"
