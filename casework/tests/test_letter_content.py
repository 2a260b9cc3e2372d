"""What each letter says, read back from the PDF text (scenario 1: Drs. Rahmat Hidayat, examined 2024-10-28)."""

from typing import Any

import pytest
from django.db import transaction

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import letters
from casework.letters import format_verification_code, letter_render, letter_request, requesting
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import pdf_text, scenario_context

IDENTITY = ["Drs. Rahmat Hidayat", "197805122003121003", "Pembina (IV/a)", "Kepala SMP Negeri 1 Lebong"]
LEGAL_BASIS = "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n (N04: Membuat posting, comment, share, like"
KOP = ["PEMERINTAH KABUPATEN LEBONG", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"]

EXPECTED: dict[str, list[str]] = {
    "summons_1": [
        "SURAT PANGGILAN I ",
        "Hari, tanggal : Senin, 28 Oktober 2024",
        "Pukul : 09.00 WIB",
        "Tempat : Ruang Rapat BKPSDM Kabupaten Lebong",
        "Tubei, 16 Oktober 2024",
        "Drs. Syamsul Bahri, M.Pd.",
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
        "PEMBENTUKAN TIM PEMERIKSA",
        "Menimbang",
        "Mengingat",
        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
        "MEMUTUSKAN",
        "KESATU",
        "Rina Marlina, S.E., M.Ak.",
        "Unsur pengawasan (Inspektorat)",
        "Hendra Saputra, S.H.",
        "Ditetapkan di Tubei pada tanggal 14 Oktober 2024",
        "Bupati Lebong",
    ],
    "examination_record": [
        "BERITA ACARA PEMERIKSAAN",
        "Pada hari ini Senin, tanggal 28 Oktober 2024, pukul 09.00 WIB",
        "Keputusan Nomor 800/0001/KEP/BKPSDM/2024 tanggal 14 Oktober 2024",
        "Pertanyaan nomor 9?",
        "Jawaban nomor 9.",
        "Pemeriksaan selesai pada pukul 11.30 WIB",
        "Yang diperiksa",
    ],
    "non_appearance_record": [
        "BERITA ACARA KETIDAKHADIRAN",
        "Panggilan I 16 Oktober 2024 Senin, 28 Oktober 2024 pukul 09.00 WIB Tidak hadir",
        "Panggilan II 29 Oktober 2024 Rabu, 6 November 2024 pukul 09.00 WIB Tidak hadir",
        "Tidak ada pemberitahuan dari yang bersangkutan.",
    ],
    "examination_report": [
        "LAPORAN HASIL PEMERIKSAAN",
        "Yth. Bupati Lebong",
        "pemeriksaan yang dilakukan pada tanggal 28 Oktober 2024",
        "Hal-hal yang memberatkan Tiga unggahan dibagikan; akun publik dengan banyak pengikut.",
        "Hal-hal yang meringankan Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
        "terbukti",
        "penurunan jabatan setingkat lebih rendah selama 12 bulan (B1)",
        "Tubei, 4 November 2024",
    ],
}


@pytest.fixture
def a_case(db: Any) -> Any:
    agency = AgencyFactory()
    officer = IntakeOfficerFactory(username="verifikator-isi", agency=agency)
    return CaseFactory(agency=agency, registered_by=officer)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_the_pdf_carries_number_names_dates_legal_basis_and_verification_code(a_case, kind, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    with transaction.atomic():
        letter = letter_request(case=a_case, kind=kind, actor=a_case.registered_by, context=scenario_context(kind))
    issued = letter_render(letter_id=letter.pk)

    with issued.pdf.open("rb") as stored:
        text = pdf_text(stored.read())

    for expected in [*KOP, issued.number, *IDENTITY, LEGAL_BASIS, *EXPECTED[kind]]:
        assert expected in text, expected
    assert f"Kode verifikasi: {format_verification_code(issued.verification_code)}" in text
    assert f"/verify/{issued.verification_code}/" in text
    assert "RAHASIA" in text  # every one is a discipline document
    assert "Halaman 1 dari" in text


@pytest.mark.django_db
def test_an_examinee_who_refused_to_sign_is_noted_and_the_record_stays_valid(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("examination_record")
    context.update(examinee_signed=False, refusal_note="menyatakan tidak sependapat")
    letter = letter_request(case=a_case, kind="examination_record", actor=a_case.registered_by, context=context)

    text = pdf_text(letters.letter_pdf_bytes(letter))

    assert "menolak menandatangani Berita Acara Pemeriksaan ini (menyatakan tidak sependapat)" in text
    assert "tetap dijadikan dasar dalam penjatuhan hukuman disiplin" in text


@pytest.mark.django_db
def test_a_report_that_finds_nothing_proven_recommends_no_sanction(a_case, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    context = scenario_context("examination_report")
    context.update(proven=False, recommended_sanction={})
    letter = letter_request(case=a_case, kind="examination_report", actor=a_case.registered_by, context=context)

    text = pdf_text(letters.letter_pdf_bytes(letter))

    assert "tidak terbukti" in text
    assert "merekomendasikan" not in text
