"""Issuing a summary report (the Celery task's service) and recording its downloads.

`summary_report_render` renders the PDF from the report's snapshot once and stores it with its SHA-256 under the
row lock (a second delivery of the task finds it issued and does nothing), audits the issue and notifies whoever
asked for it (the agency's leadership for a monthly report).
"""

import hashlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from accounts.roles import Role
from core import clock
from core.audit import audit_record
from core.notifications import notification_send
from figures.audit_actions import SUMMARY_REPORT_DOWNLOADED, SUMMARY_REPORT_ISSUED
from figures.models import SummaryReport
from figures.reports.rendering import report_pdf_bytes

ISSUED_MESSAGE = gettext_noop("Summary report %(number)s (%(period)s) is ready.")


def summary_report_render(*, report_id: int) -> SummaryReport:
    """Render and store the PDF once (a no-op for an issued report)."""
    report = SummaryReport.objects.get(pk=report_id)
    if report.status == SummaryReport.Status.ISSUED:
        return report
    content = report_pdf_bytes(report)
    return _store(report_id, content)


@transaction.atomic
def _store(report_id: int, content: bytes) -> SummaryReport:
    report = SummaryReport.objects.select_for_update().get(pk=report_id)
    if report.status == SummaryReport.Status.ISSUED:
        return report
    report.pdf.save(f"{report.pk}.pdf", ContentFile(content), save=False)
    report.sha256 = hashlib.sha256(content).hexdigest()
    report.status = SummaryReport.Status.ISSUED
    report.issued_at = clock.now()
    report.attempts += 1
    report.save(update_fields=["pdf", "sha256", "status", "issued_at", "attempts"])
    audit_record(actor=None, action=SUMMARY_REPORT_ISSUED, target=report, data={"sha256": report.sha256})
    transaction.on_commit(lambda: _notify(report))
    return report


def _recipients(report: SummaryReport) -> list[Actor]:
    if report.requested_by is not None:
        return [report.requested_by]
    return list(
        get_user_model()
        .objects.filter(agency_id=report.agency_id, groups__name=str(Role.LEADERSHIP), is_active=True)
        .order_by("pk")
    )


def _notify(report: SummaryReport) -> None:
    for user in _recipients(report):
        notification_send(
            user=user,
            message=ISSUED_MESSAGE,
            params={"number": report.number, "period": report.content.get("period", "")},
            url=reverse("figures:report-download", args=[report.pk]),
            dedup_key=f"figures-report-issued:{report.pk}:{user.pk}",
        )


@transaction.atomic
def summary_report_mark_failed(*, report_id: int, error: str) -> None:
    SummaryReport.objects.filter(pk=report_id).exclude(status=SummaryReport.Status.ISSUED).update(
        status=SummaryReport.Status.FAILED, last_error=error[:2000]
    )


@transaction.atomic
def summary_report_download_record(*, user: Actor, report: SummaryReport) -> None:
    audit_record(actor=user, action=SUMMARY_REPORT_DOWNLOADED, target=report, data={"number": report.number})
