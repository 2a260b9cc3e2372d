"""What each letter says, read back from the PDF text (scenario 1: Drs. Rahmat Hidayat, examined 2024-10-28): the
real signatory, the team's decree cited where there is a team, the team named only then, and no internal code."""

import re
from typing import Any

import pytest
from django.db import transaction

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import letters
from casework.letter_snapshots import norms
from casework.letters import format_verification_code, letter_render, letter_request, requesting
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import pdf_text, scenario_context
from violations.models import ViolationType

IDENTITY = ["Drs. Rahmat Hidayat", "197805122003121003", "Pembina (IV/a)", "Kepala SMP Negeri 1 Lebong"]
# The norm breached, cited exactly (issue 9: not the catalogue's "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n").
LEGAL_BASIS = (
    "larangan sebagaimana dimaksud dalam Pasal 5 huruf n Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin "
    "Pegawai Negeri Sipil (Membuat posting, comment, share, like"
)
KOP = ["PEMERINTAH KABUPATEN LEBONG", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"]
DECREE = "Keputusan Bupati Lebong Nomor 800/0001/KEP/BKPSDM/2024 tanggal 14 Oktober 2024"
CASEWORK_KINDS = ["summons_1", "summons_2", "examination_team_decision", "examination_record", "non_appearance_record"]
CASEWORK_KINDS += ["examination_report"]
SUPERIOR = {
    "name": "Drs. Syamsul Bahri, M.Pd.",
    "nip": "196903111994031005",
    "position": "Kepala Dinas Pendidikan dan Kebudayaan",
    "role": "direct_superior",
}
# Internal codes: violation (N04), sanction (B1), level and role codes of the snapshot.
INTERNAL_CODE = re.compile(r"\b(N\d\d|[RSB]\d|heavy|moderate|light|team_chair|direct_superior|ppk)\b")

EXPECTED: dict[str, list[str]] = {
    "summons_1": [
        "SURAT PANGGILAN I ",
        f"untuk menghadap kepada Tim Pemeriksa yang dibentuk dengan {DECREE}, pada:",
        "Hari, tanggal : Senin, 28 Oktober 2024",
        "Pukul : 09.00 WIB",
        "Tempat : Ruang Rapat BKPSDM Kabupaten Lebong",
        "dugaan pelanggaran larangan sebagaimana dimaksud dalam",
        "Tubei, 16 Oktober 2024 Ketua Tim Pemeriksa, Drs. Syamsul Bahri, M.Pd. NIP. 196903111994031005",
        "perkara Nomor 0001/KASUS/LEBONG/2024",
    ],
    "summons_2": [
        "SURAT PANGGILAN II ",
        "Hari, tanggal : Rabu, 6 November 2024",
        "tidak memenuhi panggilan pertama pada tanggal 28 Oktober 2024",
        "tanpa dilakukan pemeriksaan",
        "Tubei, 29 Oktober 2024",
    ],
    "examination_team_decision": [
        "KEPUTUSAN BUPATI LEBONG",
        "PEMBENTUKAN TIM PEMERIKSA",
        "Menimbang",
        "Mengingat",
        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
        "MEMUTUSKAN",
        "KESATU",
        "Rina Marlina, S.E., M.Ak.",
        "Unsur pengawasan (Inspektorat)",
        "Hendra Saputra, S.H.",
        "Ketua merangkap anggota",
        "Ditetapkan di Tubei pada tanggal 14 Oktober 2024",
        "Bupati Lebong, Kopli Ansori",
    ],
    "examination_record": [
        "BERITA ACARA PEMERIKSAAN",
        "Pada hari ini Senin, tanggal 28 Oktober 2024, pukul 09.00 WIB",
        f"Tim Pemeriksa yang dibentuk dengan {DECREE}",
        "Pertanyaan nomor 9?",
        "Jawaban nomor 9.",
        "Pemeriksaan selesai pada pukul 11.30 WIB",
        "Yang diperiksa",
    ],
    "non_appearance_record": [
        "BERITA ACARA KETIDAKHADIRAN",
        f"selaku Ketua Tim Pemeriksa yang dibentuk dengan {DECREE}",
        "tidak memenuhi panggilan yang sah",
        "Panggilan I 16 Oktober 2024 Senin, 28 Oktober 2024 pukul 09.00 WIB Tidak hadir",
        "Panggilan II 29 Oktober 2024 Rabu, 6 November 2024 pukul 09.00 WIB Tidak hadir",
        "Tidak ada pemberitahuan dari yang bersangkutan.",
        "Ketua Tim Pemeriksa, Drs. Syamsul Bahri, M.Pd.",
    ],
    "examination_report": [
        "LAPORAN HASIL PEMERIKSAAN",
        "Yth. Bupati Lebong",
        f"pemeriksaan yang dilakukan pada tanggal 28 Oktober 2024 oleh Tim Pemeriksa yang dibentuk dengan {DECREE}",
        "Hal-hal yang memberatkan Tiga unggahan dibagikan; akun publik dengan banyak pengikut.",
        "Hal-hal yang meringankan Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
        "terbukti",
        "Tim Pemeriksa merekomendasikan penjatuhan hukuman disiplin tingkat berat berupa penurunan jabatan setingkat "
        "lebih rendah selama 12 bulan.",
        "Tubei, 4 November 2024 Ketua Tim Pemeriksa, Drs. Syamsul Bahri, M.Pd.",
    ],
}


@pytest.fixture
def a_case(db: Any) -> Any:
    agency = AgencyFactory()
    officer = IntakeOfficerFactory(username="verifikator-isi", agency=agency)
    return CaseFactory(agency=agency, registered_by=officer)


def _text(case: Any, kind: str, context: dict[str, Any]) -> str:
    letter = letter_request(case=case, kind=kind, actor=case.registered_by, context=context)
    return _joined(pdf_text(letters.letter_pdf_bytes(letter)))


def _joined(text: str) -> str:
    """A number broken at a line's end after a slash ("800/0001/KEP/ BKPSDM/2024") read as one."""
    return text.replace("/ ", "/")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_the_pdf_carries_number_names_dates_legal_basis_and_verification_code(a_case, kind, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    with transaction.atomic():
        letter = letter_request(case=a_case, kind=kind, actor=a_case.registered_by, context=scenario_context(kind))
    issued = letter_render(letter_id=letter.pk)

    with issued.pdf.open("rb") as stored:
        text = _joined(pdf_text(stored.read()))

    for expected in [*KOP, issued.number, *IDENTITY, LEGAL_BASIS, *EXPECTED[kind]]:
        assert expected in text, expected
    assert f"Kode verifikasi: {format_verification_code(issued.verification_code)}" in text
    assert f"/verify/{issued.verification_code}/" in text
    assert "RAHASIA" in text  # every one is a discipline document
    assert "Halaman 1 dari" in text


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CASEWORK_KINDS)
@pytest.mark.parametrize("team", [True, False], ids=["with a team", "without a team"])
def test_no_internal_code_is_printed_and_the_team_is_named_only_when_there_is_one(a_case, kind, team, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context(kind)
    if not team and kind != "examination_team_decision":
        context.pop("team_decision")
        context["signatory"] = SUPERIOR

    text = _text(a_case, kind, context)
    body = text.split("Kode verifikasi:")[0]  # the footer's random code may hold any letters

    assert not INTERNAL_CODE.search(body), INTERNAL_CODE.search(body)
    if not team and kind != "examination_team_decision":
        assert "Tim Pemeriksa" not in text
        assert "Keputusan" not in text


@pytest.mark.django_db
def test_a_summons_without_a_team_is_to_appear_before_the_direct_superior_who_signs_it(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("summons_1")
    context.pop("team_decision")
    context["signatory"] = SUPERIOR

    text = _text(a_case, "summons_1", context)

    assert (
        "untuk menghadap kepada atasan langsung Saudara, Drs. Syamsul Bahri, M.Pd., Kepala Dinas Pendidikan dan "
        "Kebudayaan, pada:"
    ) in text
    assert "Tubei, 16 Oktober 2024 Kepala Dinas Pendidikan dan Kebudayaan, Drs. Syamsul Bahri, M.Pd." in text


@pytest.mark.django_db
def test_a_summons_allowed_outside_the_notice_rules_says_so_and_threatens_nothing(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("summons_2")
    context.update(notice_respected=False, notice_override_reason="atas permintaan terlapor")

    text = _text(a_case, "summons_2", context)

    assert "surat panggilan ini disampaikan di luar tenggang waktu pemanggilan" in text
    assert "untuk penjadwalan ulang pemeriksaan atas kesepakatan (atas permintaan terlapor)" in text
    assert "tidak dihitung sebagai ketidakhadiran atas panggilan yang sah" in text
    assert "tanpa dilakukan pemeriksaan" not in text  # never printed as a valid basis for deciding on the evidence


@pytest.mark.django_db
def test_a_team_decree_signed_by_a_designated_official_cites_the_designation(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("examination_team_decision")
    context["signatory"] = {
        "name": "Drs. H. Ahmad Fauzi, M.Si.",
        "nip": "197001011995031001",
        "position": "Kepala BKPSDM Kabupaten Lebong",
        "role": "designated_official",
        "designation_basis": "Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024 tentang Penunjukan Pejabat",
    }

    text = _text(a_case, "examination_team_decision", context)

    assert "KEPUTUSAN KEPALA BKPSDM KABUPATEN LEBONG" in text
    assert "Memperhatikan Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024 tentang Penunjukan Pejabat;" in text
    assert "Kepala BKPSDM Kabupaten Lebong, Drs. H. Ahmad Fauzi, M.Si. NIP. 197001011995031001" in text


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CASEWORK_KINDS)
def test_a_pppk_is_never_called_a_pegawai_negeri_sipil(a_case, kind, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context(kind)
    context["accused"] = {**context["accused"], "employee_type": "pppk",
                          "employee_term": "Pegawai Pemerintah dengan Perjanjian Kerja"}  # fmt: skip
    context["norms"] = norms([ViolationType.objects.get(code="N04")], pppk=True)

    text = _text(a_case, kind, context)

    assert "Pegawai Negeri Sipil" not in text
    assert "Pegawai Pemerintah dengan Perjanjian Kerja" in text


@pytest.mark.django_db
def test_an_examinee_who_refused_to_sign_is_noted_and_the_record_stays_valid(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("examination_record")
    context.update(examinee_signed=False, refusal_note="menyatakan tidak sependapat")

    text = _text(a_case, "examination_record", context)

    assert "menolak menandatangani Berita Acara Pemeriksaan ini (menyatakan tidak sependapat)" in text
    assert "tetap dijadikan dasar dalam penjatuhan hukuman disiplin" in text


@pytest.mark.django_db
def test_a_report_that_finds_nothing_proven_recommends_no_sanction(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("examination_report")
    context.update(proven=False, recommended_sanction={})

    text = _text(a_case, "examination_report", context)

    assert "tidak terbukti" in text
    assert "merekomendasikan" not in text
