"""Reads scoped to who asks: the queue, the reporter's identity, duplicate suggestions, evidence; none writes.

Recording who saw an identity or downloaded evidence is tested with its services in test_audited_reads.py.
"""

import datetime
import io

import pytest

from accounts.roles import Role
from accounts.tests.factories import (
    AgencyFactory,
    BawasluUserFactory,
    CivilServantFactory,
    IntakeOfficerFactory,
    UnitFactory,
    UserFactory,
)
from core.models import AuditEvent
from core.testing import png_bytes
from violations import selectors
from violations.evidence import validate_evidence_files
from violations.models import Report
from violations.services import (
    ReporterInput,
    ReportInput,
    report_identity_view,
    report_mark_duplicate,
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


@pytest.fixture
def other_agency():
    return AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)


# --- the queue ------------------------------------------------------------------------------------------


def test_report_list_for_user_holds_every_channel_of_the_officers_agency_only(officer, other_agency):
    citizen = ReportFactory()
    forwarded = ForwardingFactory().report
    internal = ReportFactory(channel="diskominfo", source="staff")
    ReportFactory(agency=other_agency)

    listed = set(selectors.report_list_for_user(user=officer))

    assert listed == {citizen, forwarded, internal}


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_report_list_for_user_is_empty_for_other_roles(role):
    ReportFactory()

    assert list(selectors.report_list_for_user(user=UserFactory(roles=[role]))) == []


def test_report_list_for_user_is_empty_for_an_officer_without_agency():
    ReportFactory()
    officer = IntakeOfficerFactory(agency=None)

    assert list(selectors.report_list_for_user(user=officer)) == []


def test_report_list_for_user_is_empty_for_an_inactive_officer(officer):
    ReportFactory()
    officer.is_active = False
    officer.save()

    assert list(selectors.report_list_for_user(user=officer)) == []


def test_report_get_for_user_does_not_find_another_agencys_report(officer, other_agency):
    foreign = ReportFactory(agency=other_agency)

    assert selectors.report_get_for_user(user=officer, report_id=foreign.pk) is None


# --- the reporter's identity ------------------------------------------------------------------------------


def test_reporter_identity_is_read_for_the_agencys_intake_officer_and_the_read_writes_nothing(officer):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890"})

    reporter = selectors.reporter_identity_for_user(user=officer, report=report)

    assert (reporter.name, reporter.phone) == ("Siti Aminah", "081234567890")
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_reporter_identity_is_never_shown_to_other_roles_and_nothing_is_audited(role):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "0812"})

    assert selectors.reporter_identity_for_user(user=UserFactory(roles=[role]), report=report) is None
    assert _identity_events() == []


def test_reporter_identity_is_not_shown_to_a_bawaslu_office():
    report = ForwardingFactory().report

    assert selectors.reporter_identity_for_user(user=BawasluUserFactory(), report=report) is None
    assert _identity_events() == []


def test_reporter_identity_is_not_shown_to_an_officer_of_another_agency(other_agency):
    report = ReportFactory()
    stranger = IntakeOfficerFactory(agency=other_agency)

    assert selectors.reporter_identity_for_user(user=stranger, report=report) is None
    assert _identity_events() == []


# --- duplicate suggestions ----------------------------------------------------------------------------------


def test_duplicate_matches_say_why_each_candidate_matched(officer, other_agency):
    nip = "197805122005011003"
    report = ReportFactory(
        accused_nip=nip, accused_name="Rahmat", accused_agency="Dinas Pendidikan", links=["https://fb.com/p/1"]
    )
    same_nip = ReportFactory(accused_nip=nip, accused_name="R. Hidayat", accused_agency="SMPN 1")
    same_name_unit = ReportFactory(accused_nip="", accused_name="RAHMAT", accused_agency="dinas pendidikan")
    same_link = ReportFactory(accused_name="Orang lain", accused_agency="", links=["https://www.fb.com/p/1/"])
    everything = ReportFactory(
        accused_nip=nip, accused_name="Rahmat", accused_agency="Dinas Pendidikan", links=["http://fb.com/p/1"]
    )
    ReportFactory(accused_name="Rahmat", accused_agency="Dinas Kesehatan")  # same name, other unit
    ReportFactory(accused_nip=nip, status=Report.Status.REJECTED)
    ReportFactory(accused_nip=nip, agency=other_agency)

    matches = {match.report: match.reasons for match in selectors.duplicate_matches(report=report)}

    assert matches == {
        same_nip: ("nip",),
        same_name_unit: ("name_unit",),
        same_link: ("link",),
        everything: ("nip", "name_unit", "link"),
    }


def test_duplicate_matches_find_the_same_post_under_another_form_of_its_address(officer):
    report = ReportFactory(accused_name="A", accused_agency="", links=["https://www.facebook.com/share/p/abc/"])
    same_post = ReportFactory(accused_name="B", accused_agency="", links=["https://m.facebook.com/share/p/abc"])

    [match] = selectors.duplicate_matches(report=report)

    assert (match.report, match.reasons) == (same_post, ("link",))


def test_duplicate_matches_recognise_the_same_civil_servant_of_the_register(officer):
    servant = CivilServantFactory()
    report = ReportFactory(accused=servant, accused_nip="", accused_agency="")
    other = ReportFactory(accused=servant, accused_nip="", accused_agency="", accused_name="Nama lain")

    [match] = selectors.duplicate_matches(report=report)

    assert (match.report, match.reasons) == (other, ("register",))


def test_duplicate_matches_are_oldest_first_and_exclude_the_report_itself(officer):
    nip = "197805122005011003"
    older = ReportFactory(accused_nip=nip)
    report = ReportFactory(accused_nip=nip)
    newer = ReportFactory(accused_nip=nip)

    assert [match.report for match in selectors.duplicate_matches(report=report)] == [older, newer]


def test_duplicate_matches_include_reports_already_linked_or_in_process(officer):
    nip = "197805122005011003"
    report = ReportFactory(accused_nip=nip)
    root = ReportFactory(accused_nip=nip, status=Report.Status.IN_PROCESS)
    merged = ReportFactory(accused_nip=nip)
    report_mark_duplicate(report=merged, original=root, actor=officer)

    assert {match.report for match in selectors.duplicate_matches(report=report)} == {root, merged}


# --- evidence and audit trail -------------------------------------------------------------------------------


def _report_with_evidence() -> Report:
    AgencyFactory()
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")])
    return report_submit(
        data=ReportInput(accused_name="Rahmat", incident_date=datetime.date(2024, 10, 7), description="Membagikan."),
        reporter=ReporterInput(name="Siti"),
        evidence=evidence,
    ).report


def test_evidence_get_for_user_returns_the_file_and_writes_nothing(officer):
    report = _report_with_evidence()
    evidence = report.evidence.get()
    events = AuditEvent.objects.count()

    assert selectors.evidence_get_for_user(user=officer, report=report, evidence_id=evidence.pk) == evidence
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_evidence_get_for_user_refuses_other_roles(role):
    report = _report_with_evidence()

    opened = selectors.evidence_get_for_user(
        user=UserFactory(roles=[role]), report=report, evidence_id=report.evidence.get().pk
    )

    assert opened is None


def test_evidence_get_for_user_does_not_find_another_reports_file(officer):
    report = _report_with_evidence()
    other = ReportFactory()

    assert selectors.evidence_get_for_user(user=officer, report=other, evidence_id=report.evidence.get().pk) is None


def test_report_audit_events_are_the_reports_own_oldest_first(officer):
    report, other = ReportFactory(), ReportFactory()
    report_identity_view(actor=officer, report=other)
    report_identity_view(actor=officer, report=report)
    report_mark_duplicate(report=report, original=other, actor=officer)

    actions = [event.action for event in selectors.report_audit_events(report=report)]

    assert actions == ["reporter_identity_viewed", "report_merged"]


# --- the civil-servant register ---------------------------------------------------------------------------


def test_civil_servant_for_nip_finds_only_the_agencys_register_entry(officer, other_agency):
    servant = CivilServantFactory()
    foreign = CivilServantFactory(unit=UnitFactory(agency=other_agency))

    assert selectors.civil_servant_for_nip(agency_id=officer.agency_id, nip=servant.nip) == servant
    assert selectors.civil_servant_for_nip(agency_id=officer.agency_id, nip=foreign.nip) is None
    assert selectors.civil_servant_for_nip(agency_id=officer.agency_id, nip="") is None
