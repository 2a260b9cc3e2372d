"""What the decision letters say, read back from the PDF (scenario 1: the Bupati signs B1 on 2024-11-20)."""

import datetime
import re
from typing import Any

import pytest

from casework.letters import format_verification_code, letter_render, letter_request, letter_verify, requesting
from casework.models import Letter
from casework.templatetags.letter_format import letter_date
from casework.tests.letter_helpers import pdf_text, scenario_context
from sanctions.models import Decision
from sanctions.services import decision_correct
from sanctions.tests.decision_helpers import World, build_world, forwarded_case, signed

pytestmark = pytest.mark.django_db

# A decision and the moral statement are the Bupati's: the government's heading, not the BKPSDM's kop (issue 9).
KOP = ["PEMERINTAH KABUPATEN LEBONG"]
BKPSDM_KOP = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
PP94 = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
PP42 = "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil"
IDENTITY = ["Drs. Rahmat Hidayat", "197805122003121003", "Pembina (IV/a)", "Kepala SMP Negeri 1 Lebong"]


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: Any) -> None:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)


@pytest.fixture
def world() -> World:
    return build_world()


def _text(letter: Letter) -> str:
    issued = letter_render(letter_id=letter.pk)
    assert issued.status == Letter.Status.ISSUED
    with issued.pdf.open("rb") as stored:
        # Long numbers wrap after a slash; the extracted text then has a space there.
        return pdf_text(stored.read()).replace("/ ", "/")


def _scenario_1(world: World) -> Decision:
    case = forwarded_case(world, number="0001/KASUS/LEBONG/2024")
    lhp = letter_request(
        case=case, kind="examination_report", actor=world.examiner, context=scenario_context("examination_report")
    )
    assert lhp.number.startswith("800/0001/BKPSDM/")
    return signed(
        case,
        world,
        on=datetime.date(2024, 11, 20),
        considerations=(
            "yang bersangkutan membagikan dan menyukai tiga unggahan kampanye pasangan calon Bupati Lebong pada "
            "akun Facebook pribadinya pada tanggal 7 Oktober 2024\n"
            "hal yang memberatkan: akun publik dengan banyak pengikut; hal yang meringankan: unggahan dihapus pada "
            "9 Oktober 2024 dan merupakan pelanggaran pertama"
        ),
    )


def test_scenario_1_the_bupati_signs_b1_and_the_decision_says_so(world):
    decision = _scenario_1(world)
    assert decision.competent_official == world.bupati

    text = _text(decision.letter)

    expected = [
        *KOP,
        *IDENTITY,
        "RAHASIA",
        "KEPUTUSAN BUPATI LEBONG",
        f"NOMOR {decision.number}",
        "TENTANG PENJATUHAN HUKUMAN DISIPLIN TINGKAT BERAT KEPADA PEGAWAI NEGERI SIPIL ATAS NAMA DRS. RAHMAT HIDAYAT",
        "BUPATI LEBONG,",
        "Menimbang",
        # The norm breached is a prohibition ("larangan"), cited with its article (issue 9: not "kewajiban").
        f"terbukti melakukan pelanggaran larangan sebagaimana dimaksud dalam Pasal 5 huruf n {PP94} (Membuat posting,",
        "perkara Nomor 0001/KASUS/LEBONG/2024",
        "bahwa yang bersangkutan membagikan dan menyukai tiga unggahan kampanye",
        "Mengingat",
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
        # Mengingat with full titles, in statutory order (issue 9: not "PP 94/2021 …").
        f"Mengingat Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; {PP94}; Peraturan Badan "
        "Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan Pemerintah Nomor 94 Tahun 2021 "
        "tentang Disiplin Pegawai Negeri Sipil; Keputusan Bersama Menteri Pendayagunaan Aparatur Negara",
        "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022",
        "Memperhatikan",
        "Surat Bawaslu Kabupaten Lebong Nomor 045/PM.00.02/K.BE-07/10/2024 tanggal 10 Oktober 2024",
        "MEMUTUSKAN",
        "Menetapkan",
        "KESATU",
        "Menjatuhkan hukuman disiplin berupa",
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan, yang merupakan hukuman disiplin tingkat berat, "
        f"sebagaimana dimaksud dalam Pasal 8 ayat (4) huruf a {PP94}, kepada:",
        "dijalani selama 12 (dua belas) bulan terhitung sejak keputusan ini berlaku, dengan menurunkan jabatan yang "
        "bersangkutan menjadi Guru Ahli Pertama pada SMP Negeri 1 Lebong.",
        "hukuman disiplin tingkat berat",
        "Pasal 8 ayat (4) huruf a",
        "KEDUA",
        "hari kerja ke-15 (lima belas) setelah tanggal keputusan ini diterima",
        "KETIGA",
        "keberatan secara tertulis dalam jangka waktu 14 (empat belas) hari kerja",
        "KEEMPAT",
        "Ditetapkan di Tubei pada tanggal 20 November 2024",
        "Kopli Ansori",
        # The copies the administrators' table lists (issue 9: the Bawaslu office gets its reply, not the decree).
        "Tembusan: Atasan langsung yang bersangkutan; Pimpinan unit kerja yang bersangkutan; Kepala Badan "
        "Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong; Arsip.",
        f"Kode verifikasi: {format_verification_code(decision.letter.verification_code)}",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    lhp = Letter.objects.get(kind="examination_report")
    assert f"Laporan Hasil Pemeriksaan Nomor {lhp.number}" in text
    assert "menggantikan" not in text
    assert decision.sanction_type.name in text
    # No internal code (whole words: a verification code may hold "B1").
    assert re.findall(r"\b(?:N04|B1)\b", text) == []
    assert BKPSDM_KOP not in text.split("KEPUTUSAN BUPATI LEBONG")[0]
    assert "Ketua Bawaslu" not in text and "Kepala Badan Kepegawaian Negara di Jakarta" not in text


def test_an_allowance_cut_states_its_percentage_and_duration_from_the_catalogue(world):
    case = forwarded_case(world, codes=("N08",), bawaslu=False)
    decision = signed(case, world, sanction_code="S3")

    text = _text(decision.letter)

    assert "TENTANG PENJATUHAN HUKUMAN DISIPLIN TINGKAT SEDANG" in text
    assert (
        "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan, yang merupakan hukuman disiplin tingkat sedang"
        in text
    )
    assert "Pasal 8 ayat (3) huruf c" in text
    assert (
        "dijalani selama 12 (dua belas) bulan terhitung sejak keputusan ini berlaku, dengan pemotongan tunjangan "
        "kinerja sebesar 25% (dua puluh lima persen) setiap bulan."
    ) in text
    # No internal code in a letter: the catalogue's names (whole words: a verification code may hold "S3").
    assert re.findall(r"\b(?:N08|S3)\b", text) == []
    assert "Melakukan pendekatan ke partai politik/masyarakat sebagai bakal calon" in text
    assert "Memperhatikan" not in text  # no forwarding, no LHP letter on this case


def test_a_dismissal_from_the_civil_service_is_challenged_by_appeal(world):
    decision = signed(forwarded_case(world, bawaslu=False), world, sanction_code="B3")

    text = _text(decision.letter)

    assert "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS" in text
    tmt = letter_date(decision.dismissal_date.isoformat())
    assert f"Pemberhentian tersebut berlaku terhitung mulai tanggal {tmt}." in text
    assert "diberikan hak pensiun apabila telah memenuhi syarat masa kerja dan usia pensiun" in text
    assert "mengajukan banding administratif kepada Badan Pertimbangan Aparatur Sipil Negara secara tertulis" in text
    assert re.findall(r"\bB3\b", text) == []


def test_a_not_proven_case_gets_a_dismissal_decision(world):
    decision = signed(forwarded_case(world, bawaslu=False), world, outcome="dismissal", sanction_code="")

    text = _text(decision.letter)

    assert "TENTANG PENGHENTIAN PEMERIKSAAN ATAS DUGAAN PELANGGARAN DISIPLIN PEGAWAI NEGERI SIPIL" in text
    assert "dugaan pelanggaran tersebut tidak terbukti" in text
    assert "tidak terbukti, sehingga kepada yang bersangkutan tidak dijatuhkan hukuman disiplin" in text
    assert "Menjatuhkan" not in text
    assert "KESATU" in text and "KETIGA" in text and "KEEMPAT" not in text
    assert "RAHASIA" in text


@pytest.mark.parametrize(("code", "manner", "article"), [("M1", "TERTUTUP", "huruf a"), ("M2", "TERBUKA", "huruf b")])
def test_the_moral_sanction_decision_and_statement(world, code, manner, article):
    decision = signed(forwarded_case(world), world, track="ethics", sanction_code=code)

    decision_text = _text(decision.letter)
    statement = Letter.objects.get(case=decision.case, kind="moral_statement")
    statement_text = _text(statement)

    assert "TENTANG PENJATUHAN SANKSI MORAL KEPADA PEGAWAI NEGERI SIPIL ATAS NAMA DRS. RAHMAT HIDAYAT" in decision_text
    assert "Menjatuhkan sanksi moral berupa" in decision_text
    # The ethics track cites PP 42/2004: the provision breached (Pasal 11 huruf c) and the sanction's article.
    norm = "Pasal 11 huruf c Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik"
    assert norm in decision_text and norm in statement_text
    codes = re.compile(rf"\b(?:{code}|N04)\b")  # whole words: a verification code may hold the same letters
    assert codes.findall(decision_text) == [] and codes.findall(statement_text) == []
    assert f"Pasal 15 ayat (3) {article} {PP42}" in decision_text
    assert f"pernyataan secara {manner.lower()}" in decision_text
    assert "Keputusan ini mulai berlaku pada tanggal ditetapkan." in decision_text
    assert "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022" not in decision_text
    for fragment in [
        *KOP,
        *IDENTITY,
        f"PERNYATAAN SANKSI MORAL SECARA {manner}",
        f"Nomor: {statement.number}",
        f"Keputusan Bupati Lebong Nomor {decision.number}",
        f"Pasal 15 ayat (3) {article}",
        f"secara {manner.lower()}",
        "Tubei, ",
        "Kopli Ansori",
    ]:
        assert fragment in statement_text, fragment
    assert "Ditetapkan di" not in statement_text


def test_a_correction_issues_a_new_version_and_the_old_one_stays_verifiable_as_superseded(world):
    old = _scenario_1(world)
    _text(old.letter)  # issued
    Decision.objects.filter(pk=old.pk).update(
        status=Decision.Status.DELIVERED,
        received_on=datetime.date(2024, 11, 25),
        delivered_on=datetime.date(2024, 11, 25),
    )
    old.refresh_from_db()

    new = decision_correct(
        decision=old, actor=world.bupati, reason="Jenis hukuman salah tulis", sanction_code="B2",
        expected_version=old.version, new_position="Pengadministrasi Sekolah pada SMP Negeri 1 Lebong",
    )  # fmt: skip

    old.refresh_from_db()
    assert old.status == Decision.Status.SUPERSEDED
    assert (new.status, new.previous, new.version_number, new.sanction_type.code) == (
        Decision.Status.DELIVERED, old, 2, "B2",
    )  # fmt: skip
    assert (new.received_on, new.signed_by, new.correction_reason) == (
        datetime.date(2024, 11, 25), world.bupati, "Jenis hukuman salah tulis",
    )  # fmt: skip
    assert new.letter != old.letter
    assert new.letter.number != old.number

    text = _text(new.letter)
    assert f"Keputusan ini menggantikan Keputusan Nomor {old.number} tanggal 20 November 2024." in text
    assert "Versi 2." in text
    assert "Alasan: Jenis hukuman salah tulis" in text
    assert "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan" in text
    assert "membebaskan yang bersangkutan dari jabatannya menjadi Pengadministrasi Sekolah pada SMP Negeri 1" in text

    old.letter.refresh_from_db()
    assert old.letter.superseded_by == new.letter
    old_check = letter_verify(old.letter.verification_code)
    new_check = letter_verify(new.letter.verification_code)
    assert (old_check.number, old_check.superseded) == (old.number, True)
    assert (new_check.number, new_check.superseded) == (new.number, False)
    from core.models import AuditEvent

    actions = list(AuditEvent.objects.filter(target_id=old.case_id, target_type="casework.case").values_list(
        "action", flat=True).order_by("id"))[-5:]  # fmt: skip
    assert actions == [
        "letter_requested", "decision_superseded", "decision_corrected", "letter_superseded", "letter_issued",
    ]  # fmt: skip
    # Twice is once.
    again = decision_correct(decision=old, actor=world.bupati, reason="Jenis hukuman salah tulis")
    assert again == new
    assert Decision.objects.filter(case=old.case).count() == 2
