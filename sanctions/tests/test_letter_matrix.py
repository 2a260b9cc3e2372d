"""Letters that read right (issue 9), the decisions' half: every letter kind a decision leads to, for every sanction
type of the catalogue on both tracks, both employee types and the dismissal (not proven), built by the real snapshot
builders (sanctions.letter_contents, and the objection letters through the objection services) and rendered through
the Celery task's path (casework.letters.letter_pdf_bytes), then read back as a person would: the exact norm, no
internal code, no doubled word or punctuation, no "Pegawai Negeri Sipil" for a PPPK, the signature whole on the last
page; a decree under its authority's heading, its parts in order, Mengingat in statutory order, each document once,
the copies of the administrators' table, the day set for the decision."""

import datetime
import re
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import CivilServant, LetterCopyRecipient
from casework.letter_snapshots import case_context
from casework.letters import letter_pdf_bytes, letter_request, requesting
from casework.models import Case, Letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_checks import PNS, LetterText, expected_norm
from core import clock
from core.models import DeadlineRule
from core.testing import png_bytes
from sanctions.letter_contents.bawaslu_reply import bawaslu_reply_context
from sanctions.letter_contents.decision import decision_letter_context, moral_statement_context
from sanctions.models import Decision, SanctionType
from sanctions.services.decision_contents import default_references
from sanctions.services.objections import objection_decide, objection_file
from sanctions.tests.decision_helpers import World, build_world, terms_for
from sanctions.tests.factories import DecisionFactory, sanction
from sanctions.tests.test_statutory_and_pppk_letters import _pppk_teacher
from violations.models import BawasluForwarding, Report, ViolationType
from violations.tests.factories import ForwardingFactory, ReportFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2024, 11, 20)
SIGNATORY = "Kopli Ansori"
HEADING = "PEMERINTAH KABUPATEN LEBONG"
PNS_CODES = ("M1", "M2", "R1", "R2", "R3", "S1", "S2", "S3", "B1", "B2", "B3", "PTDH")
PPPK_CODES = tuple(f"PK-{code}" for code in PNS_CODES)
COPIES = (
    "Tembusan: Atasan langsung yang bersangkutan; Pimpinan unit kerja yang bersangkutan; Kepala Badan Kepegawaian dan "
    "Pengembangan Sumber Daya Manusia Kabupaten Lebong; Arsip."
)
PARTS = [
    "KEPUTUSAN BUPATI LEBONG",
    "NOMOR",
    "TENTANG",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "BUPATI LEBONG,",
    "Menimbang",
    "Mengingat",
    "Memperhatikan",
    "MEMUTUSKAN",
    "Menetapkan",
    "KESATU",
    "KEDUA",
    "KETIGA",
    "Ditetapkan di Tubei",
    "pada tanggal 20 November 2024",
    "BUPATI LEBONG,",
    SIGNATORY,
    "Tembusan",
]
# The kinds of regulation in the order of the hierarchy of laws, as Mengingat must list them.
HIERARCHY = [
    "Undang-Undang Nomor",
    "Peraturan Pemerintah Nomor",
    "Peraturan Presiden Nomor",
    "Peraturan Badan",
    "Keputusan Bersama",
    "Peraturan Bupati",
]


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: Any) -> None:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)


@pytest.fixture
def world() -> World:
    return build_world()


def _accused(world: World, pppk: bool) -> CivilServant:
    return _pppk_teacher(world) if pppk else world.principal


def _case(world: World, accused: CivilServant, code: str, *, forwardings: int = 1) -> Case:
    """A case over a citizen report and `forwardings` reports forwarded by Bawaslu Lebong in one letter."""
    violation = ViolationType.objects.get(code=code)
    reports = [ReportFactory.create(status=Report.Status.IN_PROCESS, violation_type=violation, accused=accused)]
    office = None
    for number in range(forwardings):
        forwarding: BawasluForwarding = ForwardingFactory.create(
            letter_number="045/PM.00.02/K.BE-07/10/2024",
            reference_number=f"00{number + 3}/Reg/TM/PB/Kab/07.04/X/2024",
            **({"office": office} if office else {"office__name": "Bawaslu Kabupaten Lebong"}),
            report__status=Report.Status.IN_PROCESS,
            report__violation_type=violation,
            report__received_at=timezone.make_aware(datetime.datetime(2024, 10, 10, 10, 0)),
        )
        office = forwarding.office
        reports.append(forwarding.report)
    case = CaseFactory.create(
        agency=world.agency,
        status=Case.Status.FORWARDED_FOR_DECISION,
        accused=accused,
        accused_name=accused.name,
        accused_nip=accused.nip,
        registered_by=world.officer,
        reports=reports,
    )
    _examination_report_letter(case, world)
    return case


def _examination_report_letter(case: Case, world: World) -> Letter:
    context = case_context(
        case,
        letter_kind="examination_report",
        held_at="2024-10-28T09:00:00+07:00",
        act_time="7 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor",
        proven=True,
        recommended_sanction={"code": "", "label": "", "level": "", "level_label": ""},
        signatory={
            "name": "Drs. Syamsul Bahri, M.Pd.",
            "nip": "196903111994031005",
            "role": "direct_superior",
            "position": "Kepala Dinas Pendidikan dan Kebudayaan",
        },
        letter_date=datetime.date(2024, 11, 4),
    )
    return letter_request(case=case, kind="examination_report", actor=world.examiner, context=context)


def _violation_for(row: SanctionType | None) -> str:
    if row is not None and row.track == SanctionType.Track.STATUTORY:
        return "N09"
    if row is not None and row.level in ("moderate", "light"):
        return "N08"
    return "N04"


def _decision(world: World, case: Case, code: str, *, track: str = "discipline", **fields: Any) -> Decision:
    """A decision signed by the Bupati on ON, made as the drafting service leaves it (its Memperhatikan the case's)."""
    row = sanction(code) if code else None
    values: dict[str, Any] = {
        "case": case,
        "track": track,
        "outcome": Decision.Outcome.SANCTION if code else Decision.Outcome.DISMISSAL,
        "sanction_type": row,
        "status": Decision.Status.SIGNED,
        "drafted_by": world.examiner,
        "competent_official": world.bupati,
        "competent_official_title": "Bupati Lebong",
        "signed_by": world.bupati,
        "signed_at": clock.now(),
        "decision_date": ON,
        "references": default_references(case),
        "violation_types": [report.violation_type for report in case.reports.all()][:1],
        **(terms_for(code) if code else {}),
    }
    made = DecisionFactory.create(**{**values, **fields})
    made.letter = letter_request(case=case, kind="decision", actor=world.bupati, context=decision_letter_context(made))
    made.save(update_fields=["letter"])
    return made


def _read(letter: Letter) -> LetterText:
    return LetterText.of(letter_pdf_bytes(letter))


def _in_order(text: str, parts: list[str]) -> list[str]:
    """The parts missing or out of order (empty when each follows the one before)."""
    position, wrong = 0, []
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            wrong.append(part)
        else:
            position = found + len(part)
    return wrong


def _mengingat(text: str) -> str:
    return text.split("Mengingat", 1)[1].split("Memperhatikan", 1)[0].split("MEMUTUSKAN", 1)[0]


def _check_decree(read: LetterText, *, norm: str, pppk: bool) -> None:
    assert read.problems(norm=norm, pppk=pppk, signatory=SIGNATORY) == []
    assert read.body.split("KEPUTUSAN BUPATI LEBONG", 1)[0].strip() == HEADING  # not the BKPSDM's kop
    parts = [part for part in PARTS if part != "KETIGA" or "KETIGA" in read.body]
    assert _in_order(read.body, parts) == []
    kinds = [kind for kind in HIERARCHY if kind in _mengingat(read.body)]
    assert sorted(kinds, key=lambda kind: _mengingat(read.body).index(kind)) == kinds
    assert read.body.count("Surat Bawaslu Kabupaten Lebong Nomor 045/PM.00.02/K.BE-07/10/2024") == 1
    assert read.body.count("Laporan Hasil Pemeriksaan Nomor") == 1
    assert COPIES in read.body
    assert "Bawaslu" not in read.body.split("Tembusan:")[1]
    assert "Tembusan" in read.last_page and "Ditetapkan di Tubei" in read.last_page


def test_the_matrix_covers_every_sanction_type_of_the_catalogue():
    in_force = SanctionType.objects.in_force(ON)
    assert sorted(row.code for row in in_force if "pns" in row.employee_types) == sorted(PNS_CODES)
    assert sorted(row.code for row in in_force if "pppk" in row.employee_types) == sorted(PPPK_CODES)


@pytest.mark.parametrize("code", [*PNS_CODES, *PPPK_CODES])
def test_the_decision_for_every_sanction_type_reads_right(world, code):
    row = sanction(code)
    pppk = code.startswith("PK-")
    violation = _violation_for(row)
    case = _case(world, _accused(world, pppk), violation)
    track = "ethics" if row.track == SanctionType.Track.ETHICS else "discipline"

    decision = _decision(world, case, code, track=track)
    read = _read(decision.letter)

    _check_decree(read, norm=expected_norm(violation, track=track, pppk=pppk), pppk=pppk)
    assert (row.operative_wording if row.track == SanctionType.Track.STATUTORY else row.name) in read.body
    if row.names_new_position:
        assert f"menjadi {decision.new_position}." in read.body
    if row.names_dismissal_date:
        assert "berlaku terhitung mulai tanggal" in read.body or "terhitung mulai tanggal" in read.body
    employee = "Pegawai Pemerintah dengan Perjanjian Kerja" if pppk else PNS
    assert f"{employee} atas nama {case.accused_name}" in read.body


@pytest.mark.parametrize("code", ["M1", "M2", "PK-M1", "PK-M2"])
def test_the_moral_statement_reads_right_and_goes_only_to_those_the_brief_lists(world, code):
    pppk = code.startswith("PK-")
    case = _case(world, _accused(world, pppk), "N04")
    decision = _decision(world, case, code, track="ethics")
    statement = letter_request(
        case=case, kind="moral_statement", actor=world.bupati, context=moral_statement_context(decision)
    )

    read = _read(statement)

    assert read.problems(norm=expected_norm("N04", track="ethics", pppk=pppk), pppk=pppk, signatory=SIGNATORY) == []
    manner = "TERBUKA" if code.endswith("M2") else "TERTUTUP"
    assert read.body.startswith(f"{HEADING} PERNYATAAN SANKSI MORAL SECARA {manner}")
    assert f"Tubei, 20 November 2024 BUPATI LEBONG, {SIGNATORY} {COPIES}" in read.body


@pytest.mark.parametrize("track", ["discipline", "ethics"])
@pytest.mark.parametrize("pppk", [False, True], ids=["PNS", "PPPK"])
def test_the_dismissal_of_an_unproven_case_reads_right(world, track, pppk):
    case = _case(world, _accused(world, pppk), "N04")

    read = _read(_decision(world, case, "", track=track).letter)

    _check_decree(read, norm=expected_norm("N04", track=track, pppk=pppk), pppk=pppk)
    assert "tidak terbukti, sehingga kepada yang bersangkutan tidak dijatuhkan" in read.body


@pytest.mark.parametrize("pppk", [False, True], ids=["PNS", "PPPK"])
def test_the_bawaslu_office_gets_its_reply_under_the_deciding_officials_heading(world, pppk):
    world.agency.address = "Kompleks Perkantoran Pemerintah Kabupaten Lebong, Tubei"
    world.agency.save(update_fields=["address"])
    case = _case(world, _accused(world, pppk), "N04")
    decision = _decision(world, case, "PK-B1" if pppk else "B1")
    forwardings = list(BawasluForwarding.objects.filter(report__case_report__case=case))
    reply = letter_request(
        case=case, kind="bawaslu_reply", actor=world.bupati, context=bawaslu_reply_context(decision, forwardings)
    )

    read = _read(reply)

    assert read.problems(pppk=pppk, signatory=SIGNATORY) == []
    assert read.body.startswith(f"{HEADING} Kompleks Perkantoran Pemerintah Kabupaten Lebong, Tubei Nomor:")
    assert "Ketua Bawaslu" not in _read(decision.letter).body  # the decree goes to Bawaslu only through the reply
    assert "Yth. Ketua Bawaslu Kabupaten Lebong" in read.body
    assert "RAHASIA" not in read.text
    assert read.body.split("Tembusan:")[1].startswith(
        " Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong; Arsip."
    )


def _delivered(world: World, accused: CivilServant, *, forwardings: int) -> Decision:
    """S3 (PK-S3) decided 2026-07-01, received 2026-07-06 (docs/scenarios.md, scenario 3)."""
    case = _case(world, accused, "N08", forwardings=forwardings)
    pppk = accused.employee_type == CivilServant.EmployeeType.PPPK
    return _decision(
        world,
        case,
        "PK-S3" if pppk else "S3",
        decision_date=datetime.date(2026, 7, 1),
        status=Decision.Status.DELIVERED,
        received_on=datetime.date(2026, 7, 6),
        delivered_on=datetime.date(2026, 7, 6),
        delivery_method=Decision.Delivery.IN_PERSON,
    )


def _objection_letters(world: World, pppk: bool) -> list[Letter]:
    accused = _accused(world, pppk)
    late = objection_file(
        decision=_delivered(world, accused, forwardings=1),
        actor=world.officer,
        filed_on=datetime.date(2026, 7, 27),
        filed_by_name=accused.name,
        grounds="Mohon keringanan.",
    )
    decided = _delivered(world, accused, forwardings=0)
    objection = objection_file(
        decision=decided,
        actor=world.officer,
        filed_on=datetime.date(2026, 7, 20),
        filed_by_name=accused.name,
        grounds="Mohon keringanan.",
    )
    upheld = objection_decide(
        objection=objection,
        actor=world.bupati,
        outcome="upheld",
        decided_on=datetime.date(2026, 8, 19),
        reason="Bahwa keberatan tidak beralasan.",
    )
    assert late.letter is not None and upheld.letter is not None
    return [late.letter, upheld.letter]


@pytest.mark.parametrize("pppk", [False, True], ids=["PNS", "PPPK"])
def test_the_objection_letters_read_right(world, pppk):
    """Built by the objection services (another engineer's files, being changed while this was written)."""
    for letter in _objection_letters(world, pppk):
        read = _read(letter)
        assert read.problems(pppk=pppk, signatory=SIGNATORY) == [], letter.kind


# --- the rules one at a time -------------------------------------------------------------------------------------


def test_the_effective_date_clause_is_worded_as_the_rule_d10_says(world):
    DeadlineRule.objects.filter(code="D10").update(unit=DeadlineRule.Unit.CALENDAR_DAYS, count=15)
    case = _case(world, world.principal, "N04")

    read = _read(_decision(world, case, "B1").letter)

    assert (
        "Keputusan ini mulai berlaku pada hari ke-15 (lima belas) setelah tanggal keputusan ini diterima" in read.body
    )
    assert "hari kerja ke-15" not in read.body


def test_the_decision_carries_the_day_set_for_it_whenever_it_is_rendered(world, monkeypatch):
    case = _case(world, world.principal, "N04")
    decision = _decision(world, case, "B1")
    later = clock.at(datetime.date(2025, 3, 3), 10)
    monkeypatch.setattr(clock, "now", lambda: later)

    read = _read(decision.letter)

    assert "Ditetapkan di Tubei pada tanggal 20 November 2024" in read.body
    assert "3 Maret 2025" not in read.body


def test_a_letter_forwarded_twice_and_the_lhp_typed_by_the_drafter_are_each_considered_once(world):
    case = _case(world, world.principal, "N04", forwardings=2)
    lhp = Letter.objects.get(case=case, kind="examination_report")
    references = [*default_references(case), {"label": "Laporan Hasil Pemeriksaan.", "number": lhp.number}]
    assert len(references) == 3

    read = _read(_decision(world, case, "B1", references=references).letter)

    memperhatikan = read.body.split("Memperhatikan", 1)[1].split("MEMUTUSKAN", 1)[0]
    assert memperhatikan.count("Surat Bawaslu Kabupaten Lebong") == 1
    assert memperhatikan.count("Laporan Hasil Pemeriksaan") == 1
    assert f"Laporan Hasil Pemeriksaan Nomor {lhp.number} tanggal 4 November 2024." in memperhatikan


def test_a_consideration_that_already_opens_with_bahwa_is_printed_once(world):
    case = _case(world, world.principal, "N04")
    typed = "Bahwa yang bersangkutan mengakui perbuatannya.\nbahwa unggahan telah dihapus;;"

    read = _read(_decision(world, case, "B1", considerations=typed).letter)

    assert "bahwa yang bersangkutan mengakui perbuatannya; bahwa unggahan telah dihapus;" in read.body
    assert read.problems() == []


def test_the_decree_carries_the_agencys_emblem_and_the_personnel_office_letters_do_not(world):
    world.agency.emblem.save("lambang.png", ContentFile(png_bytes(16, 16)), save=True)
    case = _case(world, world.principal, "N04")

    decision = _decision(world, case, "B1")
    decree_pages = _images(decision.letter)
    lhp_pages = _images(Letter.objects.get(case=case, kind="examination_report"))

    assert decision.letter.context["letterhead"]["emblem"].startswith("data:image/png;base64,")
    assert (decree_pages[0], sum(lhp_pages)) == (1, 0)
    world.agency.emblem.delete(save=False)


def _images(letter: Letter) -> list[int]:
    import io

    from pypdf import PdfReader

    return [len(page.images) for page in PdfReader(io.BytesIO(letter_pdf_bytes(letter))).pages]


def test_an_administrator_changes_the_copies_of_a_decision_in_the_table(world):
    LetterCopyRecipient.objects.create(
        letter_kind="decision", track="discipline", order=1, recipient="Inspektur {region}"
    )
    LetterCopyRecipient.objects.create(letter_kind="decision", track="discipline", order=2, recipient="Arsip")
    case = _case(world, world.principal, "N04")

    read = _read(_decision(world, case, "B1").letter)

    assert "Tembusan: Inspektur Kabupaten Lebong; Arsip." in read.body
    assert "Atasan langsung yang bersangkutan" not in read.body


def test_the_decree_lists_the_copies_its_drafter_settled_and_the_moral_statement_the_tables(world):
    case = _case(world, world.principal, "N04")

    decision = _decision(world, case, "M2", track="ethics", copies=["Inspektur Kabupaten Lebong", "Arsip"])
    statement = letter_request(
        case=case, kind="moral_statement", actor=world.bupati, context=moral_statement_context(decision)
    )

    assert "Tembusan: Inspektur Kabupaten Lebong; Arsip." in _read(decision.letter).body
    assert (
        "Tembusan: Atasan langsung yang bersangkutan; Pimpinan unit kerja yang bersangkutan;" in _read(statement).body
    )


def test_a_decision_by_a_head_of_unit_carries_the_units_heading(world):
    case = _case(world, world.principal, "N08")
    decision = _decision(
        world,
        case,
        "R2",
        competent_official=world.kadis_user,
        signed_by=world.kadis_user,
        competent_official_title="Kepala Dinas Pendidikan dan Kebudayaan",
    )

    read = _read(decision.letter)

    assert read.body.startswith(
        "PEMERINTAH KABUPATEN LEBONG DINAS PENDIDIKAN DAN KEBUDAYAAN KEPUTUSAN KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN"
    )
    assert re.search(
        r"Ditetapkan di Tubei pada tanggal 20 November 2024 KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN, "
        r"Drs\. Syamsul Bahri, M\.Pd\.",
        read.body,
    )
