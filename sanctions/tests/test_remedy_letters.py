"""Every letter on an objection or appeal, for both employee types, read back from the PDF: the statement that a late
objection is inadmissible, the Keputusan on an objection (each outcome), the PPK's response to the BPASN. Each cites
PP 79/2021 in full, names the employee by type (never "Pegawai Negeri Sipil" for a PPPK), prints no internal code and
no doubled word."""

import re

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.models import Case, Letter
from sanctions.services.appeals import appeal_respond
from sanctions.services.objections import objection_decide, objection_file
from sanctions.tests.after_helpers import D, decision, issued_pdf_text, render
from sanctions.tests.decision_helpers import World, build_world, forwarded_case
from sanctions.tests.factories import sanction

pytestmark = pytest.mark.django_db

PNS = "Pegawai Negeri Sipil"
PPPK = "Pegawai Pemerintah dengan Perjanjian Kerja"
PP79 = (
    "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif dan Badan Pertimbangan Aparatur Sipil Negara"
)
INTERNAL_CODES = ("N04", "R1", "S1", "S2", "S3", "B1", "B3", "PK-", "D11", "D12", "D13", "D14")
DOUBLED = re.compile(r"\b(\w+) \1\b|([,;:.])\s*[,;:.]")


@pytest.fixture
def world() -> World:
    return build_world()


def _accused(world: World, employee_type: str) -> CivilServant:
    if employee_type == "pns":
        return world.principal
    return CivilServantFactory.create(
        nip="199103152022212004", name="Sri Wahyuni, S.Pd.", employee_type=CivilServant.EmployeeType.PPPK,
        position_title="Guru Ahli Pertama Matematika", position_kind=CivilServant.PositionKind.FUNCTIONAL,
        functional_level=CivilServant.FunctionalLevel.FIRST_EXPERT, unit=world.principal.unit,
        direct_superior=world.principal,
    )  # fmt: skip


# The copy table's defaults for the letters on an objection (accounts migration 0005), as for the decision.
DECISION_COPIES = (
    " Atasan langsung yang bersangkutan; Pimpinan unit kerja yang bersangkutan; Kepala Badan Kepegawaian dan"
    " Pengembangan Sumber Daya Manusia Kabupaten Lebong; Arsip."
)


def _code(employee_type: str, code: str) -> str:
    return code if employee_type == "pns" else f"PK-{code}"


def _delivered(world: World, employee_type: str, code: str) -> object:
    case = forwarded_case(world, _accused(world, employee_type), bawaslu=False, status=Case.Status.DECIDED)
    made = decision(world, case=case, code=_code(employee_type, code), decision_date=D("2026-07-01"),
                    received_on=D("2026-07-06"))  # fmt: skip
    assert made.letter is not None
    render(made.letter)
    return made


def _file(world: World, made, filed_on: str):
    return objection_file(decision=made, actor=world.officer, filed_on=D(filed_on), filed_by_name="Kuasa Terlapor",
                          grounds="Keberatan atas hukuman.")  # fmt: skip


def _read(letter: Letter) -> str:
    return " ".join(issued_pdf_text(letter).replace("/ ", "/").split())


def _check(text: str, employee_type: str) -> None:
    assert PP79 in text
    assert (PPPK if employee_type == "pppk" else PNS) in text
    if employee_type == "pppk":
        assert PNS not in text
    for code in INTERNAL_CODES:
        end = r"\w" if code.endswith("-") else r"(?![\w-])"
        assert re.search(rf"(?<![\w-]){re.escape(code)}{end}", text) is None, code
    # An academic title keeps its stop before a mark ("Sri Wahyuni, S.Pd., NIP …", "… S.Pd.;").
    assert DOUBLED.search(text.replace("S.Pd.", "S.Pd")) is None


@pytest.mark.parametrize("employee_type", ["pns", "pppk"])
def test_the_statement_that_a_late_objection_is_inadmissible(world, employee_type):
    made = _delivered(world, employee_type, "S3")
    objection = _file(world, made, "2026-07-27")

    text = _read(objection.letter)

    _check(text, employee_type)
    assert "tidak dapat diterima" in text and "paling lambat diajukan pada tanggal 24 Juli 2026 (14 hari kerja" in text
    assert text.split("Tembusan:")[1].startswith(DECISION_COPIES)


@pytest.mark.parametrize("employee_type", ["pns", "pppk"])
@pytest.mark.parametrize(
    ("outcome", "wording"),
    [("upheld", "menguatkan Keputusan"), ("changed", "mengubah hukuman disiplin"), ("annulled", "membatalkan")],
)
def test_the_keputusan_on_an_objection(world, employee_type, outcome, wording):
    made = _delivered(world, employee_type, "S3")
    objection = _file(world, made, "2026-07-20")

    decided = objection_decide(
        objection=objection, actor=world.bupati, outcome=outcome, decided_on=D("2026-08-10"),
        reason="Bahwa yang bersangkutan baru pertama kali melanggar.",
        sanction=sanction(_code(employee_type, "S1")) if outcome == "changed" else None,
    )  # fmt: skip

    text = _read(decided.letter)
    _check(text, employee_type)
    assert wording in text
    assert "bahwa yang bersangkutan baru pertama kali melanggar;" in text
    label = PPPK if employee_type == "pppk" else PNS
    assert f"TENTANG PENYELESAIAN KEBERATAN ATAS HUKUMAN DISIPLIN {label.upper()} ATAS NAMA" in text
    assert text.split("Tembusan:")[1].startswith(DECISION_COPIES)


@pytest.mark.parametrize("employee_type", ["pns", "pppk"])
def test_the_ppks_response_to_the_bpasn(world, employee_type):
    made = _delivered(world, employee_type, "B3")
    appeal = _file(world, made, "2026-07-27")  # late: the letter states the window, BPASN rules on it

    response = "Pelanggaran terbukti.\nTim Pemeriksa telah memeriksa yang bersangkutan."
    responded = appeal_respond(objection=appeal, actor=world.bupati, responded_on=D("2026-08-10"), response=response)

    text = _read(responded.response_letter)
    _check(text, employee_type)
    assert "Yth. Ketua Badan Pertimbangan Aparatur Sipil Negara" in text
    assert "batas waktu pengajuan banding administratif berakhir pada tanggal 24 Juli 2026" in text
    assert text.split("Tembusan:")[1].startswith(
        " Kepala Badan Kepegawaian Negara selaku Sekretariat Badan Pertimbangan Aparatur Sipil Negara;"
        " Yang bersangkutan; Arsip."
    )
