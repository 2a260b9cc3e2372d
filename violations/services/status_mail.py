"""The e-mail a named reporter with an address gets when their report's public status changes.

One message per public status change (one timeline entry), in Indonesian, saying no more than the status page:
the tracking code, the new status and the page's address. A Celery task taking the report's and the entry's ids
(never the reporter's identity) sends it after commit; an audit event on the report records that it went out, so a
second run sends nothing (registered as "violations.report_status_email_send"; violations.tasks imports it).
"""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.models import AuditEvent
from violations.audit_actions import REPORTER_STATUS_EMAILED
from violations.models import Report, Reporter, TimelineEntry


def status_email_wanted(reporter: Reporter | None) -> bool:
    return reporter is not None and not reporter.anonymous and bool(reporter.email)


@transaction.atomic
def report_status_email_deliver(*, report_id: int, entry_id: int) -> bool:
    """Send the status e-mail of timeline entry `entry_id` once; returns whether it went out."""
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    entry = TimelineEntry.objects.filter(pk=entry_id, report_id=report_id).first()
    reporter = Reporter.objects.filter(report_id=report_id).first()
    if report is None or entry is None or not status_email_wanted(reporter):
        return False
    assert reporter is not None
    sent = AuditEvent.objects.filter(
        action=REPORTER_STATUS_EMAILED.code, target_type="violations.report", target_id=report.pk, data__entry=entry_id
    )
    if sent.exists():
        return False
    values = {
        "code": report.tracking_code,
        "status": str(Report.Status(entry.public_status).label),
        "url": settings.NETRA_SITE_URL.rstrip("/") + reverse("public:report-status"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Netra: the status of report %(code)s changed") % values
        body = (
            _(
                "The status of your report %(code)s is now: %(status)s.\n\n"
                "To see it, open %(url)s and enter your tracking code and PIN.\n"
                "Netra never sends your PIN by e-mail. Do not reply to this message."
            )
            % values
        )
    send_mail(subject, body, None, [reporter.email])
    audit_record(
        actor=None, action=REPORTER_STATUS_EMAILED, target=report, data={"entry": entry_id, "status": entry.status}
    )
    return True


@shared_task(
    name="violations.report_status_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
def report_status_email_send(report_id: int, entry_id: int) -> bool:
    return report_status_email_deliver(report_id=report_id, entry_id=entry_id)
