"""Reads that leave a trace: every showing of a reporter's identity and every evidence download is audited once,
and a refused one writes nothing."""

import datetime
import io

import pytest

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from core.errors import PermissionDenied
from core.models import AuditEvent
from core.testing import png_bytes
from violations.evidence import validate_evidence_files
from violations.models import Report
from violations.services import (
    ReporterInput,
    ReportInput,
    report_evidence_download_record,
    report_identity_view,
    report_submit,
)
from violations.tests.factories import ForwardingFactory, ReportFactory

pytestmark = pytest.mark.django_db

OTHER_ROLES = [Role.EXAMINER, Role.SANCTIONING_OFFICIAL, Role.LEADERSHIP, Role.ADMINISTRATOR, Role.INTERNAL_REPORTER]


def _identity_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="reporter_identity_viewed"))


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator")


# --- the reporter's identity ------------------------------------------------------------------------------


def test_reporter_identity_is_shown_to_the_agencys_intake_officer_and_each_read_is_audited(officer):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890"})

    first = report_identity_view(actor=officer, report=report)
    second = report_identity_view(actor=officer, report=report)

    assert (first.name, second.phone) == ("Siti Aminah", "081234567890")
    events = _identity_events()
    assert len(events) == 2
    assert {(event.actor, event.target_type, event.target_id) for event in events} == {
        (officer, "violations.report", report.pk)
    }


def test_opening_an_anonymous_report_that_gave_no_identity_records_no_identity_view(officer):
    report = ReportFactory(reporter={"anonymous": True, "name": ""})

    reporter = report_identity_view(actor=officer, report=report)

    assert reporter is not None and reporter.anonymous
    assert _identity_events() == []


def test_an_anonymous_reporter_who_left_a_contact_is_still_audited_when_shown(officer):
    report = ReportFactory(reporter={"anonymous": True, "name": "", "email": "pelapor@example.id"})

    report_identity_view(actor=officer, report=report)

    assert len(_identity_events()) == 1


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_reporter_identity_is_never_shown_to_other_roles_and_nothing_is_audited(role):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "0812"})

    assert report_identity_view(actor=UserFactory(roles=[role]), report=report) is None
    assert _identity_events() == []


def test_reporter_identity_is_not_shown_to_a_bawaslu_office_nor_another_agencys_officer():
    forwarded = ForwardingFactory().report
    stranger = IntakeOfficerFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    assert report_identity_view(actor=BawasluUserFactory(), report=forwarded) is None
    assert report_identity_view(actor=stranger, report=ReportFactory()) is None
    assert _identity_events() == []


# --- evidence downloads ---------------------------------------------------------------------------------------


def _report_with_evidence() -> Report:
    AgencyFactory()
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")])
    return report_submit(
        data=ReportInput(accused_name="Rahmat", incident_date=datetime.date(2024, 10, 7), description="Membagikan."),
        reporter=ReporterInput(name="Siti"),
        evidence=evidence,
    ).report


def test_an_evidence_download_is_audited_with_the_files_hash(officer):
    report = _report_with_evidence()
    evidence = report.evidence.get()

    report_evidence_download_record(actor=officer, report=report, evidence=evidence)

    event = AuditEvent.objects.get(action="evidence_downloaded")
    assert (event.actor, event.target_id, event.data) == (
        officer,
        report.pk,
        {"evidence": evidence.pk, "sha256": evidence.sha256},
    )


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_an_evidence_download_by_another_role_is_refused_without_audit(role):
    report = _report_with_evidence()

    with pytest.raises(PermissionDenied):
        report_evidence_download_record(actor=UserFactory(roles=[role]), report=report, evidence=report.evidence.get())

    assert not AuditEvent.objects.filter(action="evidence_downloaded").exists()


def test_a_download_of_another_reports_file_is_refused_without_audit(officer):
    report = _report_with_evidence()

    with pytest.raises(PermissionDenied):
        report_evidence_download_record(actor=officer, report=ReportFactory(), evidence=report.evidence.get())

    assert not AuditEvent.objects.filter(action="evidence_downloaded").exists()
