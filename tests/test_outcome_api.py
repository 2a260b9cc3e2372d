"""Scenario 1 end to end after the decision, as outsiders see it: Bawaslu Lebong's API shows the outcome once the
decision takes effect (another office gets 404), and the parent's status page shows `decided`, then `closed`."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework.models import Case
from casework.services import case_mark_decided, case_register
from sanctions.services.delivery import decision_record_delivery
from sanctions.services.execution import decisions_take_effect_due, executions_complete_due
from sanctions.tests.after_helpers import D, Lebong, decision
from sanctions.tests.factories import StaffingAuthorityFactory, sanctioning_official
from violations import services
from violations.models import BawasluForwarding, Report, ViolationType
from violations.services.triage import report_mark_decided

pytestmark = pytest.mark.django_db

NIP = "197805122003121003"
REGISTER_NUMBER = "003/Reg/TM/PB/Kab/07.04/X/2024"
PATH = f"/api/v1/bawaslu/forwardings/{quote(REGISTER_NUMBER, safe='')}/"
B1_LABEL = "Penurunan jabatan setingkat lebih rendah selama 12 bulan"


def _at(month: int, day: int, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2024, month, day, hour, 0))


def _facts(**extra) -> services.ReportInput:
    return services.ReportInput(
        incident_date=datetime.date(2024, 10, 7),
        description="Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati di Facebook.",
        violation_type=ViolationType.objects.get(code="N04"),
        election_text="Pilkada 2024 Kabupaten Lebong",
        **extra,
    )


def _client(token: str | None = None, pin: str | None = None) -> APIClient:
    client = APIClient()
    headers = {"HTTP_ACCEPT_LANGUAGE": "en"}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Token {token}"
    if pin:
        headers["HTTP_X_ACCESS_PIN"] = pin
    client.credentials(**headers)
    return client


@pytest.fixture
def scenario():
    agency = AgencyFactory()
    principal = CivilServantFactory(
        nip=NIP,
        name="Drs. Rahmat Hidayat",
        position_title="Kepala SMP Negeri 1 Lebong",
        unit=UnitFactory(agency=agency, code="smpn-1", name="SMP Negeri 1 Lebong"),
    )
    officer = IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso")
    bupati = sanctioning_official("bupati", first_name="Kopli", last_name="Ansori", position_title="Bupati Lebong")
    StaffingAuthorityFactory(user=bupati, title="Bupati Lebong")
    lebong = services.bawaslu_office_create(name="Bawaslu Kabupaten Lebong", agency=agency, username="bawaslu-lebong")
    other = services.bawaslu_office_create(name="Bawaslu Provinsi Bengkulu", agency=agency, username="bawaslu-bengkulu")
    citizen = services.report_submit(
        data=_facts(accused_name="Pak Rahmat, Kepala SMPN 1", accused_nip=NIP),
        reporter=services.ReporterInput(name="Siti Aminah", email="siti.aminah@example.id"),
        received_at=_at(10, 8, 19),
    )
    forwarding = services.forwarding_submit(
        office=lebong.office,
        reference_number=REGISTER_NUMBER,
        origin=BawasluForwarding.Origin.FINDING,
        data=_facts(accused_name="RAHMAT HIDAYAT", accused_nip=NIP),
        recommendation="Diteruskan kepada BKPSDM Kabupaten Lebong untuk diproses sesuai ketentuan disiplin PNS.",
        fingerprint=services.forwarding_fingerprint(payload={"reference_number": REGISTER_NUMBER}, evidence=[]),
        received_at=_at(10, 10, 9),
    ).forwarding
    case = case_register(actor=officer, reports=[citizen.report, forwarding.report], summary="N04.")
    Case.objects.filter(pk=case.pk).update(status=Case.Status.FORWARDED_FOR_DECISION)
    case.refresh_from_db()
    examiner_world = Lebong(agency=agency, bupati=bupati, officer=officer, examiner=officer, principal=principal)
    return {
        "case": case,
        "world": examiner_world,
        "citizen": citizen,
        "lebong_token": lebong.token,
        "other_token": other.token,
    }


def _sign(scenario):
    """What H1's signing does for the outside world: the case and its reports become `decided`."""
    world, case = scenario["world"], scenario["case"]
    made = decision(world, case=case, decision_date=D("2024-11-20"))
    case_mark_decided(case=case, actor=world.bupati, decision_number=made.number)
    for report in Report.objects.filter(case_report__case=case):
        report_mark_decided(report=report, actor=world.bupati, decision_number=made.number)
    return made


def test_the_outcome_reaches_the_forwarding_office_only_and_the_citizen_sees_decided_then_closed(scenario):
    citizen = scenario["citizen"]
    status_path = f"/api/v1/public/reports/{citizen.report.tracking_code}/"
    bawaslu, stranger = _client(scenario["lebong_token"]), _client(scenario["other_token"])
    parent = _client(pin=citizen.access_pin)

    made = _sign(scenario)
    signed = bawaslu.get(PATH)
    assert (signed.status_code, signed.json()["status"], signed.json()["outcome"]) == (200, "decided", None)
    assert parent.get(status_path).json()["status"] == "decided"

    decision_record_delivery(decision=made, actor=scenario["world"].officer, delivered_on=D("2024-11-25"))
    assert decisions_take_effect_due(today=D("2024-12-16")) == []
    assert bawaslu.get(PATH).json()["outcome"] is None
    assert decisions_take_effect_due(today=D("2024-12-17")) == [made.pk]

    seen = bawaslu.get(PATH)
    assert seen.status_code == 200
    assert seen.json()["status"] == "decided"
    assert seen.json()["outcome"] == {
        "proven": True,
        "sanction_type": "B1",
        "sanction_label": B1_LABEL,
        "decided_at": "2024-11-20",
        "decision_number": made.number,
    }
    assert stranger.get(PATH).status_code == 404
    body = parent.get(status_path).json()
    assert body["status"] == "decided"
    assert "outcome" not in body and B1_LABEL not in str(body)

    assert executions_complete_due(today=D("2025-12-17")) == [made.pk]
    closed = parent.get(status_path).json()
    assert (closed["status"], closed["timeline"][-1]["status"]) == ("closed", "closed")
    assert closed["timeline"][-1]["note"] == "The case is closed: the decision was carried out."
    assert bawaslu.get(PATH).json()["status"] == "closed"
    assert bawaslu.get(PATH).json()["outcome"]["decision_number"] == made.number
