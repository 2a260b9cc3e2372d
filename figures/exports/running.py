"""Writing a large export (the Celery task's service) and deleting expired ones (docs/statistics.md, "Exports").

`export_run` claims the job (a second delivery of the task finds it claimed or done and stops; one left running by
a dead worker is claimed again), writes the file with bounded memory while updating the progress, stores it under
the row lock with its SHA-256, marks it ready and notifies the user. `exports_expire` deletes files past their
retention (the rows stay, expired; audited).
"""

import datetime
import hashlib
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import clock
from core.audit import audit_record
from core.notifications import notification_send
from figures.audit_actions import EXPORT_EXPIRED
from figures.describe import filters_sentence
from figures.exports import writers
from figures.exports.columns import export_rows
from figures.filters import Filters
from figures.models import ExportJob

_K = ExportJob.Kind
_S = ExportJob.Status
READY_MESSAGE = gettext_noop("Your export “%(kind)s” (%(rows)s rows) is ready to download until %(until)s.")


def _claim(job_id: int) -> tuple[ExportJob | None, str]:
    """Take the job for this run: a queued job, or one left running by a run that died (its claim is replaced)."""
    token = uuid.uuid4().hex
    taken = ExportJob.objects.filter(pk=job_id, status__in=[_S.QUEUED, _S.RUNNING]).update(
        status=_S.RUNNING, claim=token, rows_done=0
    )
    return (ExportJob.objects.get(pk=job_id) if taken else None), token


def _progress(job_id: int, token: str) -> writers.Progress:
    def report(rows: int) -> None:
        ExportJob.objects.filter(pk=job_id, claim=token).update(rows_done=rows)

    return report


def _write(job: ExportJob, path: Path, token: str) -> int:
    filters = Filters.from_query(job.filters, agency_id=job.agency_id)
    progress = _progress(job.pk, token)
    with translation.override(job.language):
        headings, rows, _count = export_rows(user=job.user, kind=job.kind, filters=filters)
        if job.format == ExportJob.Format.XLSX:
            info = [(_("Filters"), filters_sentence(filters)), (_("Exported at"), clock.now().isoformat())]
            return writers.write_xlsx(path, headings, rows, info, progress)  # type: ignore[arg-type]
        if connection.vendor == "postgresql" and not isinstance(rows, list):
            key = "case_id" if job.kind == _K.CASES else "id"
            return writers.copy_csv(path, headings, rows, key, progress)  # type: ignore[arg-type]
        return writers.write_csv(path, headings, rows, progress)  # type: ignore[arg-type]


def export_run(*, job_id: int) -> ExportJob | None:
    """Write, store and hand over one queued export (see the module docstring); safe to run twice."""
    job, token = _claim(job_id)
    if job is None:
        return ExportJob.objects.filter(pk=job_id).first()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / job.file_name
        written = _write(job, path, token)
        digest = _sha256(path)
        return _store(job.pk, token, path, written, digest)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@transaction.atomic
def _store(job_id: int, token: str, path: Path, written: int, digest: str) -> ExportJob | None:
    job = ExportJob.objects.select_for_update().filter(pk=job_id, claim=token, status=_S.RUNNING).first()
    if job is None:  # another run took it over meanwhile; that run stores its own file
        return ExportJob.objects.filter(pk=job_id).first()
    with path.open("rb") as source:
        job.file.save(job.file_name, File(source), save=False)
    job.status, job.rows_done, job.rows_total, job.sha256 = _S.READY, written, written, digest
    job.finished_at = clock.now()
    job.expires_at = job.finished_at + datetime.timedelta(hours=settings.NETRA_FIGURES_EXPORT_TTL_HOURS)
    job.save(update_fields=["file", "status", "rows_done", "rows_total", "sha256", "finished_at", "expires_at"])
    _notify(job)
    return job


def _notify(job: ExportJob) -> None:
    until = clock.local_date(job.expires_at) if job.expires_at else clock.today()
    notification_send(
        user=job.user,
        message=READY_MESSAGE,
        params={"kind": job.get_kind_display(), "rows": job.rows_total, "until": until.isoformat()},
        url=reverse("figures:export-detail", args=[job.pk]),
        dedup_key=f"figures-export-ready:{job.pk}",
    )


@transaction.atomic
def export_mark_failed(*, job_id: int, error: str) -> None:
    ExportJob.objects.filter(pk=job_id).exclude(status__in=[_S.READY, _S.EXPIRED]).update(
        status=_S.FAILED, error=error[:2000], finished_at=clock.now()
    )


def exports_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete the files of exports past their retention; each job becomes expired (audited). Returns how many."""
    now = now or clock.now()
    expired = 0
    for job_id in ExportJob.objects.filter(status=_S.READY, expires_at__lte=now).values_list("pk", flat=True):
        expired += _expire(job_id, now)
    return expired


@transaction.atomic
def _expire(job_id: int, now: datetime.datetime) -> int:
    job = ExportJob.objects.select_for_update().filter(pk=job_id, status=_S.READY, expires_at__lte=now).first()
    if job is None:
        return 0
    if job.file:
        job.file.delete(save=False)
    job.status = _S.EXPIRED
    job.save(update_fields=["file", "status"])
    audit_record(actor=None, action=EXPORT_EXPIRED, target=job, data={"expired_at": now.isoformat()})
    return 1
