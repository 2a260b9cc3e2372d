"""Asking for an export (docs/statistics.md, "Exports"): the only write path that creates an ExportJob.

`export_request` records the request (and its audit event) and either hands back the job to stream at once (up to
NETRA_FIGURES_EXPORT_ASYNC_ROWS rows; its download is audited with it) or enqueues the Celery task `run_export`
after the commit (figures.exports.running writes the file). `export_download_record` audits every download.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core import clock
from core.audit import audit_record
from core.errors import DomainError, PermissionDenied
from core.transactions import on_commit_delay
from figures.audit_actions import EXPORT_DOWNLOADED, EXPORT_REQUESTED
from figures.exports.columns import export_rows
from figures.exports.tasks import run_export
from figures.filters import Filters
from figures.models import ExportJob
from figures.permissions import can_export

_K = ExportJob.Kind
_S = ExportJob.Status


@transaction.atomic
def export_request(*, user: Actor, kind: str, export_format: str, filters: Filters) -> ExportJob:
    """Record an export request. Small ones come back `streamed` (the caller streams them now: the download is
    audited here); large ones `queued`, the task enqueued after the commit. Refused with nothing written when the
    user may not export this kind or the format is unknown."""
    if kind not in _K.values or export_format not in ExportJob.Format.values:
        raise DomainError("figures_export_unknown", _("There is no such export."))
    if not can_export(user, kind) or filters.agency_id != user.agency_id:
        raise PermissionDenied("figures_export_denied", _("You may not export these figures."))
    _headings, _rows, count = export_rows(user=user, kind=kind, filters=filters)
    large = count > settings.NETRA_FIGURES_EXPORT_ASYNC_ROWS
    job = ExportJob.objects.create(
        user=user,
        agency_id=filters.agency_id,
        kind=kind,
        format=export_format,
        filters=filters.params(),
        language=translation.get_language() or settings.LANGUAGE_CODE,
        status=_S.QUEUED if large else _S.STREAMED,
        rows_total=count,
        requested_at=clock.now(),
    )
    data = {"kind": kind, "format": export_format, "rows": count, "filters": job.filters}
    audit_record(actor=user, action=EXPORT_REQUESTED, target=job, data=data)
    if large:
        on_commit_delay(run_export, job.pk)
    else:
        audit_record(actor=user, action=EXPORT_DOWNLOADED, target=job, data=data)
    return job


@transaction.atomic
def export_download_record(*, user: Actor, job: ExportJob) -> None:
    """Audit one download of a ready export (the view checked it is the user's own)."""
    audit_record(actor=user, action=EXPORT_DOWNLOADED, target=job, data={"kind": job.kind, "format": job.format})
