"""Intake's work items and the reporter's status e-mails: a new report waits in every intake officer's inbox until
triaged; a named reporter with an address gets one e-mail per public status change, nothing for other changes."""

import datetime

import pytest
from django.core import mail

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent, Notification
from violations import services
from violations.models import Report
from violations.services import ReporterInput, ReportInput, report_submit
from violations.services.status_mail import report_status_email_send

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def officers(agency):
    return [
        IntakeOfficerFactory(username="verifikator", agency=agency),
        IntakeOfficerFactory(username="kasubbid", agency=agency),
    ]


def _submit(email="siti@example.id", anonymous=False):
    reporter = ReporterInput(anonymous=True) if anonymous else ReporterInput(name="Siti Aminah", email=email)
    data = ReportInput(
        accused_name="Drs. Rahmat Hidayat", incident_date=datetime.date(2024, 10, 7), description="Tiga unggahan."
    )
    return report_submit(data=data, reporter=reporter).report


def _open(report):
    items = Notification.objects.filter(work_key=f"report:{report.pk}:triage", resolved_at__isnull=True)
    return sorted(items.values_list("user__username", flat=True))


def test_a_new_report_waits_for_every_intake_officer_until_one_reviews_it(
    agency, officers, django_capture_on_commit_callbacks
):
    UserFactory(username="pemeriksa", agency=agency)  # no intake role: not told
    with django_capture_on_commit_callbacks(execute=True):
        report = _submit(email="")

    assert _open(report) == ["kasubbid", "verifikator"]
    assert sorted(m.to[0] for m in mail.outbox) == ["kasubbid@example.go.id", "verifikator@example.go.id"]
    assert mail.outbox[0].body.startswith(f"Laporan {report.tracking_code} diterima dan menunggu")

    services.report_start_review(report=report, actor=officers[0])

    assert _open(report) == []
    assert Notification.objects.filter(work_key=f"report:{report.pk}:triage").count() == 2


def test_the_reporter_gets_one_email_per_public_status_change(agency, officers, django_capture_on_commit_callbacks):
    report = _submit()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_start_review(report=report, actor=officers[0])
        services.report_start_review(report=report, actor=officers[0])  # idempotent: no change, no e-mail

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["siti@example.id"], f"Netra: status laporan {report.tracking_code} berubah")
    ]
    body = mail.outbox[0].body
    assert f"Status laporan Anda {report.tracking_code} sekarang: Sedang ditelaah." in body
    assert "/report/status/ " in body
    assert "Siti" not in body and "Rahmat" not in body

    # Asking for information changes the status, not the public status: only the request's own e-mail goes out.
    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_information(report=report, actor=officers[0], message="Kirim tangkapan layar.")
    assert len(mail.outbox) == 2 and "informasi" in mail.outbox[1].subject.lower()


def test_the_status_email_task_is_safe_to_run_twice_and_passes_only_ids(
    agency, officers, django_capture_on_commit_callbacks
):
    report = _submit()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_reject(report=report, actor=officers[0], reason="Bukan ASN.")
    entry = Report.objects.get(pk=report.pk).timeline.order_by("-id").first()
    enqueued = [c.args for c in callbacks if getattr(c, "args", ()) and c.args[0] is report_status_email_send]
    assert enqueued == [(report_status_email_send, report.pk, entry.pk)]  # ids, never the reporter

    mail.outbox.clear()
    assert report_status_email_send(report.pk, entry.pk) is True
    assert report_status_email_send(report.pk, entry.pk) is False
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(action="reporter_status_emailed", target_id=report.pk).count() == 1


def test_an_anonymous_reporter_or_one_without_address_gets_nothing(
    agency, officers, django_capture_on_commit_callbacks
):
    reports = [_submit(anonymous=True), _submit(email="")]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for report in reports:
            services.report_start_review(report=report, actor=officers[0])

    assert mail.outbox == []
    assert AuditEvent.objects.filter(action="reporter_status_emailed").count() == 0
