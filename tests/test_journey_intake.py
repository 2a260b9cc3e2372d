"""Scenario 1 of docs/scenarios.md, intake part: Lebong, Pilkada 2024, a school principal shares a candidate's
posts. Three channels report the same posts; the intake officer links them and registers one case; every reporter
(and Bawaslu) sees `in_process`."""

import datetime
import io
from dataclasses import fields
from typing import IO

import pytest
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import (
    AgencyFactory,
    BawasluOfficeFactory,
    CivilServantFactory,
    IntakeOfficerFactory,
    UnitFactory,
    UserFactory,
)
from casework import selectors as case_selectors
from casework.services import case_register
from core.audit import audit_verify
from core.models import AuditEvent
from core.testing import png_bytes
from violations import selectors, services
from violations.evidence import validate_evidence_files
from violations.models import BawasluForwarding, Channel, Report, ViolationType

pytestmark = pytest.mark.django_db

NIP = "197203151998031004"  # born 1972-03-15, appointed March 1998, male, sequence 004
POST = "https://www.facebook.com/rahmat.hidayat.72/posts/pfbid02Xk"
REGISTER_NUMBER = "003/Reg/TM/PB/Kab/07.04/X/2024"


def _at(day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2024, 10, day, hour, minute))


def _screenshots(*names: str) -> list:
    files: list[tuple[IO[bytes], str]] = [
        (io.BytesIO(png_bytes(color=(index * 40, 90, 160))), name) for index, name in enumerate(names)
    ]
    return validate_evidence_files(files)


def _facts(**extra) -> services.ReportInput:
    return services.ReportInput(
        incident_date=datetime.date(2024, 10, 7),
        description="Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati di Facebook.",
        violation_type=ViolationType.objects.get(code="N04"),
        election_text="Pilkada 2024 Kabupaten Lebong",
        election_stage="campaign",
        platform="Facebook",
        **extra,
    )


@pytest.fixture
def lebong():
    agency = AgencyFactory(code="lebong", name="Pemerintah Kabupaten Lebong")
    school = UnitFactory(agency=agency, code="smpn-1", name="SMP Negeri 1 Lebong")
    principal = CivilServantFactory(
        nip=NIP, name="Drs. Rahmat Hidayat", position_title="Kepala SMP Negeri 1 Lebong", unit=school
    )
    return {
        "agency": agency,
        "principal": principal,
        "office": BawasluOfficeFactory(name="Bawaslu Kabupaten Lebong", agency=agency),
        "monitor": UserFactory(
            username="diskominfo", first_name="Rina", last_name="Marlina", roles=[Role.INTERNAL_REPORTER]
        ),
        "officer": IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso"),
    }


def _three_reports(lebong):
    """Scenario 1's three reports of the same posts, each through its own channel, on their own dates."""
    # 2024-10-07: Diskominfo's monitoring team records the posts with screenshots, the same day.
    finding = services.report_submit(
        data=_facts(accused_name="Drs. Rahmat Hidayat", accused_nip=NIP, links=[POST]),
        reporter=services.ReporterInput(organisation="Tim Pemantau Media Sosial Diskominfo", name="Rina Marlina"),
        evidence=[
            services.CapturedEvidence(
                **{field.name: getattr(item, field.name) for field in fields(item)},
                source_url=POST,
                captured_at=_at(7, 16, 5),
            )
            for item in _screenshots("unggahan-1.png", "unggahan-2.png", "unggahan-3.png")
        ],
        channel=Channel.DISKOMINFO,
        source=Report.Source.STAFF,
        agency=lebong["agency"],
        submitted_by=lebong["monitor"],
        received_at=_at(7, 16, 30),
    )
    # 2024-10-08: a parent reports the same post (not anonymously), without knowing the NIP.
    citizen = services.report_submit(
        data=_facts(accused_name="Pak Rahmat, Kepala SMPN 1", accused_agency="SMPN 1 Lebong", links=[POST + "/"]),
        reporter=services.ReporterInput(name="Siti Aminah", email="siti.aminah@example.id", phone="081234567890"),
        evidence=_screenshots("ss1.png", "ss2.png"),
        received_at=_at(8, 19, 12),
    )
    # 2024-10-10: Bawaslu Kabupaten Lebong forwards its own finding on the same posts.
    payload = {"reference_number": REGISTER_NUMBER, "accused_nip": NIP}
    forwarding = services.forwarding_submit(
        office=lebong["office"],
        reference_number=REGISTER_NUMBER,
        origin=BawasluForwarding.Origin.FINDING,
        data=_facts(accused_name="RAHMAT HIDAYAT", accused_nip=NIP, accused_agency="Dinas Pendidikan"),
        recommendation="Diteruskan kepada BKPSDM Kabupaten Lebong untuk diproses sesuai ketentuan disiplin PNS.",
        fingerprint=services.forwarding_fingerprint(payload=payload, evidence=[]),
        received_at=_at(10, 9, 0),
    ).forwarding
    return finding, citizen, forwarding.report


def test_three_channels_one_case_every_reporter_sees_in_process(lebong, monkeypatch):
    finding, citizen, bawaslu = _three_reports(lebong)
    reports = {"finding": finding.report, "citizen": citizen.report, "bawaslu": bawaslu}

    # 2024-10-11: the intake officer triages.
    monkeypatch.setattr(timezone, "now", lambda: _at(11, 9, 30))
    officer = lebong["officer"]
    queue = list(selectors.report_list_for_user(user=officer).order_by("received_at"))
    assert queue == [reports["finding"], reports["citizen"], reports["bawaslu"]]
    # Netra suggests the internal finding for each: by the post's link, and by the NIP.
    suggested = {
        name: {match.report: match.reasons for match in selectors.duplicate_matches(report=reports[name])}
        for name in ("citizen", "bawaslu")
    }
    assert suggested["citizen"] == {reports["finding"]: ("link",)}
    assert suggested["bawaslu"] == {reports["finding"]: ("nip",)}
    assert reports["finding"].accused == lebong["principal"]

    services.report_start_review(report=reports["finding"], actor=officer)
    services.report_mark_duplicate(report=reports["citizen"], original=reports["finding"], actor=officer)
    services.report_mark_duplicate(report=reports["bawaslu"], original=reports["finding"], actor=officer)
    case = case_register(actor=officer, reports=[reports["finding"]], summary="N04: tiga unggahan kampanye.")

    assert case.number == "0001/KASUS/LEBONG/2024"
    assert (case.status, case.accused, case.registered_at) == ("registered", lebong["principal"], _at(11, 9, 30))
    assert list(case_selectors.case_reports(case=case)) == [reports["finding"], reports["citizen"], reports["bawaslu"]]
    _assert_every_reporter_follows_the_case(lebong, (finding, citizen), reports)


def _assert_every_reporter_follows_the_case(lebong, submitted_with_pins, reports):
    # Every reporter follows the case: the parent and Diskominfo with their code and PIN, Bawaslu through its API.
    for submitted in submitted_with_pins:
        seen = selectors.report_get_by_tracking_code(
            tracking_code=submitted.report.tracking_code, pin=submitted.access_pin
        )
        assert seen is not None and seen.public_status == "in_process"
    seen_by_bawaslu = selectors.forwarding_get_for_office(office=lebong["office"], reference_number=REGISTER_NUMBER)
    assert seen_by_bawaslu.report.public_status == "in_process"
    assert [(entry.status, entry.at) for entry in reports["citizen"].timeline.order_by("at", "id")] == [
        ("received", _at(8, 19, 12)),
        ("merged", _at(11, 9, 30)),
        ("in_process", _at(11, 9, 30)),
    ]
    # The screenshots keep where and when they were captured; the audit trail holds every step, intact.
    assert {(item.source_url, item.captured_at) for item in reports["finding"].evidence.all()} == {
        (POST, _at(7, 16, 5))
    }
    assert list(
        AuditEvent.objects.filter(target_type="violations.report", target_id=reports["citizen"].pk).values_list(
            "action", "from_status", "to_status"
        )
    ) == [
        ("report_received", "", "received"),
        ("report_merged", "received", "merged"),
        ("report_case_registered", "merged", "in_process"),
    ]
    assert audit_verify() is None
