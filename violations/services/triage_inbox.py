"""The intake officers' work items (core.work_items): a new report or forwarding waits for triage in the inbox of
every intake officer of its agency, until one of them moves it on (review, rejection, duplicate, a case)."""

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.work_items import work_item_open, work_item_resolve
from violations.models import Report
from violations.selectors import intake_officers

NOTIFY_REPORT_RECEIVED = gettext_noop("Report %(code)s was received and awaits triage.")


def triage_work_key(report: Report) -> str:
    return f"report:{report.pk}:triage"


def notify_report_received(report: Report) -> None:
    work_item_open(
        users=intake_officers(report.agency_id),
        work_key=triage_work_key(report),
        message=NOTIFY_REPORT_RECEIVED,
        params={"code": report.tracking_code},
        url=reverse("triage:report-detail", args=[report.pk]),
    )


def resolve_triage_work(report: Report) -> None:
    work_item_resolve(work_key=triage_work_key(report))
