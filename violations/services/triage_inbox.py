"""The intake officers' work items (core.work_items): a new report or forwarding waits for triage in the inbox of
every intake officer of its agency, until one of them moves it on (review, rejection, duplicate, a case)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from accounts.roles import Role
from core.work_items import work_item_open, work_item_resolve
from violations.models import Report

NOTIFY_REPORT_RECEIVED = gettext_noop("Report %(code)s was received and awaits triage.")


def triage_work_key(report: Report) -> str:
    return f"report:{report.pk}:triage"


def intake_officers(agency_id: int) -> list[Actor]:
    """The agency's active intake officers, in a stable order."""
    return list(
        get_user_model()
        .objects.filter(agency_id=agency_id, is_active=True, groups__name=str(Role.INTAKE_OFFICER))
        .order_by("id")
    )


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
