"""Letters that read right (issue 9), casework's half: the builders every letter's text comes from (the provisions
breached, the regulations in order, the drafter's clauses, the copies, the heading), and every casework letter (summons
I and II, the team decree, the BAP, the non-appearance record, the LHP) made through its service for a PNS and a PPPK,
with and without a team, rendered through the Celery task's path (casework.letters.letter_pdf_bytes) and read back."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from accounts.models import Agency, CivilServant, LetterCopyRecipient
from accounts.tests.factories import CivilServantFactory, UnitFactory
from casework import letters, services
from casework.letter_snapshots import clause, clauses, letter_copies, norms, statutes_in_order, tidy
from casework.letter_snapshots.statutes import cited, expand_references, statute
from casework.letters.letterhead import decree_letterhead, issuing_office, letterhead
from casework.models import Case, Letter
from casework.services import TeamMemberInput
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory
from casework.tests.letter_checks import (
    PNS,
    PP94,
    PP94_FOR_PPPK,
    LetterText,
    doubled_punctuation,
    expected_norm,
)
from core.testing import png_bytes
from violations.models import Report, ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2024, 11, 20)
BKN6 = (
    "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan Pemerintah Nomor "
    "94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
)


def _violations(*codes: str) -> list[ViolationType]:
    return [ViolationType.objects.select_related("repeat_kind").get(code=code) for code in codes]


# --- the regulations: full titles, statutory order ------------------------------------------------------------------


UU_ASN = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
PP42 = "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil"
PERBUP = "Peraturan Bupati Lebong Nomor 12 Tahun 2023 tentang Tambahan Penghasilan Pegawai"
SKB = (
    "Keputusan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Menteri Dalam Negeri, Kepala "
    "Badan Kepegawaian Negara, Ketua Komisi Aparatur Sipil Negara, dan Ketua Badan Pengawas Pemilihan Umum Nomor 2 "
    "Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022, Nomor 30 Tahun 2022, Nomor 1447.1/PM.01/K.1/09/2022 "
    "tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan "
    "Pemilihan Umum dan Pemilihan"
)


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("PP 94/2021 tentang Disiplin Pegawai Negeri Sipil", PP94),
        ("PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS", PP42),
        (UU_ASN, UU_ASN),
        ("Perpres 92/2024 tentang BKN", "Peraturan Presiden Nomor 92 Tahun 2024 tentang BKN"),
        (
            "PP 11/2026 tentang Manajemen ASN",
            "Peraturan Pemerintah Nomor 11 Tahun 2026 tentang Manajemen Aparatur Sipil Negara",
        ),
        (PERBUP, PERBUP),
        ("SKB MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu 2022 tentang Pedoman", SKB),
    ],
)
def test_a_regulation_written_briefly_or_in_full_is_cited_by_its_full_title(written, full):
    assert cited(written) == full


def test_mengingat_lists_each_regulation_once_in_statutory_order_and_never_a_repealed_law():
    written = [
        "Peraturan Bupati Lebong Nomor 12 Tahun 2023 tentang Tambahan Penghasilan Pegawai",
        "SKB 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN",
        BKN6,
        "Perpres 21/2023 tentang Hari Kerja",
        "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil",
        "PP 79/2021 tentang Upaya Administratif",
        "PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS",
        "UU 5/2014 tentang Aparatur Sipil Negara (dilanjutkan UU 20/2023)",
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
        PP94,
        "Catatan yang bukan peraturan.",
    ]

    ordered = statutes_in_order(written, on=ON)

    assert [line.split(" tentang ")[0] for line in ordered] == [
        "Undang-Undang Nomor 20 Tahun 2023",
        "Peraturan Pemerintah Nomor 42 Tahun 2004",
        "Peraturan Pemerintah Nomor 79 Tahun 2021",
        "Peraturan Pemerintah Nomor 94 Tahun 2021",
        "Peraturan Presiden Nomor 21 Tahun 2023",
        "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022",
        "Keputusan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Menteri Dalam Negeri, "
        "Kepala Badan Kepegawaian Negara, Ketua Komisi Aparatur Sipil Negara, dan Ketua Badan Pengawas Pemilihan Umum "
        "Nomor 2 Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022, Nomor 30 Tahun 2022, Nomor "
        "1447.1/PM.01/K.1/09/2022",
        "Catatan yang bukan peraturan",
        "Peraturan Bupati Lebong Nomor 12 Tahun 2023",
    ]


def test_the_repealed_asn_law_is_cited_only_for_a_decision_taken_while_it_was_in_force():
    law = "UU 5/2014 tentang Aparatur Sipil Negara"

    assert statutes_in_order([law], on=datetime.date(2023, 10, 30)) == [
        "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"
    ]
    assert statutes_in_order([law], on=datetime.date(2023, 10, 31)) == []


def test_brief_references_inside_a_citation_are_written_out_by_number():
    assert expand_references("Pasal 8 ayat (4) huruf c PP 94/2021 jo. Pasal 14 UU 20/2023") == (
        "Pasal 8 ayat (4) huruf c Peraturan Pemerintah Nomor 94 Tahun 2021 juncto Pasal 14 Undang-Undang Nomor 20 "
        "Tahun 2023"
    )
    assert statute("Surat Bawaslu Kabupaten Lebong") is None


# --- the provisions breached: the one builder of c.norms ---------------------------------------------------------


@pytest.mark.parametrize("code", [f"N{number:02d}" for number in range(1, 14)])
@pytest.mark.parametrize("pppk", [False, True], ids=["PNS", "PPPK"])
def test_every_violation_of_the_catalogue_is_cited_as_its_data_says_and_never_by_its_code(code, pppk):
    [norm] = norms(_violations(code), pppk=pppk)

    assert f"{norm['wording']} sebagaimana dimaksud dalam {norm['citation']}" == expected_norm(code, pppk=pppk)
    assert norm["names"] == [ViolationType.objects.get(code=code).name]
    assert code not in norm["citation"]
    if pppk:
        assert PNS not in norm["citation"]


@pytest.mark.parametrize("code", ["N01", "N04", "N07"])
def test_on_the_ethics_track_the_code_of_ethics_is_cited_pasal_11_huruf_c_of_pp_42_2004(code):
    [norm] = norms(_violations(code), track="ethics")
    [for_pppk] = norms(_violations(code), track="ethics", pppk=True)

    assert f"{norm['wording']} sebagaimana dimaksud dalam {norm['citation']}" == expected_norm(code, track="ethics")
    assert for_pppk["citation"].startswith("Pasal 11 huruf c Peraturan Pemerintah Nomor 42 Tahun 2004 juncto")
    assert PNS not in for_pppk["citation"]


def test_violations_under_one_provision_are_cited_once_with_each_act_named():
    cited_norms = norms(_violations("N04", "N05", "N10"))

    assert [(norm["citation"], len(norm["names"])) for norm in cited_norms] == [
        (f"Pasal 5 huruf n {PP94}", 2),
        (f"Pasal 5 huruf n angka 6 juncto Pasal 14 {PP94}", 1),
    ]


def test_a_changed_catalogue_row_changes_the_citation():
    """An administrator records the angka the official text gives (the catalogue has no field of its own for it)."""
    n04 = ViolationType.objects.get(code="N04")
    n04.level_basis = "PP 94/2021 Pasal 5 huruf n angka 5 jo. Pasal 14 huruf f"
    n04.save(update_fields=["level_basis"])

    [norm] = norms(_violations("N04"), pppk=True)

    assert norm["citation"] == f"Pasal 5 huruf n angka 5 juncto Pasal 14 huruf f {PP94_FOR_PPPK}"


# --- what the drafter typed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Bahwa yang bersangkutan mengulangi perbuatannya.", "yang bersangkutan mengulangi perbuatannya"),
        ("bahwa bahwa unggahan dihapus;;", "unggahan dihapus"),
        ("  Hal yang memberatkan :  akun publik ,, banyak;", "hal yang memberatkan: akun publik, banyak"),
        ("Bawaslu Kabupaten Lebong meneruskan laporan.", "Bawaslu Kabupaten Lebong meneruskan laporan"),
        ("Rahmat Hidayat mengakui perbuatannya", "Rahmat Hidayat mengakui perbuatannya"),
        ("ASN tersebut menyesal", "ASN tersebut menyesal"),
    ],
)
def test_a_typed_consideration_becomes_a_clause_without_a_doubled_word_or_mark(typed, printed):
    assert clause(typed) == printed
    assert doubled_punctuation(f"bahwa {clause(typed)};") == []


def test_the_same_consideration_typed_twice_is_printed_once():
    assert clauses("Bahwa unggahan dihapus.\n\nunggahan dihapus\nbahwa akun publik") == [
        "unggahan dihapus",
        "akun publik",
    ]
    assert tidy("Nomor  045 ,  tanggal 10.. Oktober") == "Nomor 045, tanggal 10. Oktober"


# --- the copies: the administrators' table ------------------------------------------------------------------------


def test_the_copies_of_a_decision_are_the_four_the_brief_lists_loaded_by_the_data_migration(agency):
    assert letter_copies(agency, "decision") == [
        "Atasan langsung yang bersangkutan",
        "Pimpinan unit kerja yang bersangkutan",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        "Arsip",
    ]
    assert letter_copies(agency, "moral_statement", track="ethics") == letter_copies(agency, "decision")
    assert not any("Bawaslu" in copy for copy in letter_copies(agency, "decision"))
    assert letter_copies(agency, "non_appearance_record") == []


def test_rows_for_a_track_replace_the_rows_for_every_track(agency):
    LetterCopyRecipient.objects.create(letter_kind="decision", track="ethics", order=1, recipient="Inspektur {region}")

    assert letter_copies(agency, "decision", track="ethics") == ["Inspektur Kabupaten Lebong"]
    assert len(letter_copies(agency, "decision", track="discipline")) == 4


def test_a_recipient_with_an_unknown_placeholder_is_refused():
    row = LetterCopyRecipient(letter_kind="decision", order=9, recipient="Kepala {dinas}")

    with pytest.raises(ValidationError) as refused:
        row.full_clean()

    assert "recipient" in refused.value.message_dict
    assert not LetterCopyRecipient.objects.filter(order=9).exists()


# --- the heading: the issuing authority's, with its emblem --------------------------------------------------------


def test_a_decree_carries_the_agencys_heading_and_its_emblem_as_a_data_uri(agency):
    assert decree_letterhead(agency)["emblem"] == ""  # none uploaded: the text heading alone
    agency.decree_heading = "Pemerintah Kabupaten Lebong"
    agency.emblem.save("garuda.png", ContentFile(png_bytes()), save=True)

    head = decree_letterhead(Agency.objects.get(pk=agency.pk))

    assert head["emblem"].startswith("data:image/png;base64,iVBORw0KGgo")
    assert (head["government"], head["office"], head["address"], head["office_code"]) == (
        "Pemerintah Kabupaten Lebong",
        "",
        "",
        "BKPSDM",
    )
    assert "emblem" not in letterhead(agency)  # the personnel office's kop has none
    agency.emblem.delete(save=False)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"GIF89a not an emblem", "emblem_not_an_image"),
        (png_bytes()[:8] + b"\0" * (256 * 1024), "emblem_too_large"),
    ],
)
def test_an_emblem_that_is_not_a_small_png_or_jpeg_is_refused_and_nothing_is_kept(agency, content, code):
    agency.emblem = ContentFile(content, name="emblem.bin")

    with pytest.raises(ValidationError) as refused:
        agency.full_clean()

    assert [error.code for error in refused.value.error_dict["emblem"]] == [code]
    assert not Agency.objects.get(pk=agency.pk).emblem


def test_the_issuing_office_of_a_decree_is_its_government(agency):
    decree = Letter(context={"letterhead": decree_letterhead(agency)})
    kop = Letter(context={"letterhead": letterhead(agency)})

    assert (issuing_office(decree), issuing_office(kop)) == (
        "Pemerintah Kabupaten Lebong",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
    )


# --- every casework letter, made through its service, for a PNS and a PPPK ------------------------------------------


def _accused(superior: CivilServant, employee_type: str) -> CivilServant:
    if employee_type == "pns":
        return CivilServant.objects.get(nip="197805122003121003")
    return CivilServantFactory.create(
        nip="199103152022212004",
        name="Sri Wahyuni, S.Pd.",
        employee_type=CivilServant.EmployeeType.PPPK,
        position_title="Guru Ahli Pertama Matematika",
        rank="IX",
        unit=UnitFactory(code="smpn-2", name="SMP Negeri 2 Lebong"),
        direct_superior=superior,
    )


def _case(officer: Any, accused: CivilServant) -> Case:
    report = ReportFactory.create(
        status=Report.Status.IN_PROCESS, violation_type=ViolationType.objects.get(code="N04"), accused=accused
    )
    return CaseFactory.create(
        agency=officer.agency,
        accused=accused,
        accused_name=accused.name,
        accused_nip=accused.nip,
        registered_by=officer,
        reports=[report],
    )


def _team(case: Case, officer: Any, examiner_user: Any, travel: Any) -> None:
    travel(2024, 10, 14)
    services.examination_team_form(
        case=case,
        actor=officer,
        members=[
            TeamMemberInput(
                role="direct_superior",
                name="Drs. Syamsul Bahri, M.Pd.",
                nip="196903111994031005",
                position_title="Kepala Dinas Pendidikan dan Kebudayaan",
                is_chair=True,
            ),
            TeamMemberInput(role="inspectorate", name="Rina Marlina, S.E.", position_title="Auditor Inspektorat"),
            TeamMemberInput(role="bkpsdm", name="Hendra Saputra", user=examiner_user),
        ],
    )


def _absent_twice(case: Case, officer: Any, travel: Any) -> None:
    first = services.summons_issue(
        case=case,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
    travel(2024, 10, 28, 13)
    services.summons_record_absence(summons=first, actor=officer)
    second = services.summons_issue(
        case=case,
        actor=officer,
        number=2,
        scheduled_at=at(2024, 11, 11),
        sent_on=datetime.date(2024, 10, 30),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
    travel(2024, 11, 11, 13)
    services.summons_record_absence(summons=second, actor=officer, note="Tidak ada pemberitahuan.")


def _examined(case: Case, officer: Any, travel: Any) -> None:
    summons = services.summons_issue(
        case=case,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
    travel(2024, 10, 28, 13)
    services.summons_record_attendance(summons=summons, actor=officer)
    services.examination_record(
        case=case,
        actor=officer,
        held_at=at(2024, 10, 28, 9, 30),
        examiners=[officer],
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        place="Ruang pemeriksaan BKPSDM",
    )


def _reported(case: Case, officer: Any, travel: Any, *, team: bool) -> None:
    travel(2024, 11, 14)
    services.examination_report_submit(
        case=case,
        actor=officer,
        violation_types=_violations("N04") if team else _violations("N08"),
        act_time="7 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor",
        proven=True,
        recommended_sanction_code="B1" if team else "S1",
    )


@pytest.mark.parametrize("employee_type", ["pns", "pppk"])
@pytest.mark.parametrize("team", [True, False], ids=["with a team", "without a team"])
@pytest.mark.parametrize("absent", [True, False], ids=["absent twice", "examined"])
def test_every_casework_letter_reads_right(
    officer, superior, principal, examiner_user, travel, employee_type, team, absent
):
    accused = _accused(superior, employee_type)
    case = _case(officer, accused)
    services.case_start_review(
        case=case, actor=officer, probable_level="heavy" if team else "moderate", tracks=["discipline"]
    )
    if team:
        _team(case, officer, examiner_user, travel)
    (_absent_twice if absent else _examined)(case, officer, travel)
    _reported(case, officer, travel, team=team)
    pppk = employee_type == "pppk"

    kinds = {letter.kind: letter for letter in Letter.objects.filter(case=case)}
    expected = {"summons_1", "examination_report", "summons_2" if absent else "examination_record"}
    expected |= {"non_appearance_record"} if absent else set()
    expected |= {"examination_team_decision"} if team else set()
    assert set(kinds) == expected
    for kind, letter in sorted(kinds.items()):
        read = LetterText.of(letters.letter_pdf_bytes(letter))
        signer = letter.context["signatory"]["name"] if "signatory" in letter.context else ""
        norm = expected_norm("N08" if kind == "examination_report" and not team else "N04", pppk=pppk)
        assert read.problems(norm=norm, pppk=pppk, signatory=signer) == [], kind
        assert "Tubei, " in read.last_page or "Ditetapkan di Tubei" in read.last_page, kind  # with its signature
        assert ("Tim Pemeriksa" in read.body) == (team or kind == "examination_team_decision"), kind
        if pppk:
            assert "Pegawai Pemerintah dengan Perjanjian Kerja" in read.text, kind


def test_the_team_decree_signed_by_the_ppk_carries_the_regencys_heading_not_the_personnel_offices(
    officer, principal, examiner_user, travel
):
    case = _case(officer, principal)
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    _team(case, officer, examiner_user, travel)
    decree = Letter.objects.get(case=case, kind="examination_team_decision")

    read = LetterText.of(letters.letter_pdf_bytes(decree))

    heading = read.text.split("KEPUTUSAN BUPATI LEBONG")[0]
    assert heading.strip() == "PEMERINTAH KABUPATEN LEBONG"
    for part in [
        "KEPUTUSAN BUPATI LEBONG NOMOR",
        "TENTANG PEMBENTUKAN TIM PEMERIKSA",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI LEBONG,",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "Menetapkan",
        "KESATU",
        "Ditetapkan di Tubei",
        "Tembusan",
    ]:
        assert part in read.body, part
    assert "Mengingat Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; " + PP94 + "; " + BKN6 + "." in (
        read.body
    )


def test_the_checks_find_what_a_person_would_object_to():
    """The reading rules themselves catch each defect (a check that cannot fail checks nothing)."""
    text = (
        "Menimbang bahwa bahwa Pegawai Negeri Sipil atas nama Sri Wahyuni, S.Pd., terbukti melanggar N04 (heavy);; "
        "tentang Lebong.; Kode verifikasi: B1B1-S3S3-N04X http://x/verify/B1B1/ Nomor 1 Halaman 1 dari 1"
    )
    read = LetterText(text=text, last_page=text, pages=1)

    assert read.problems(norm=expected_norm("N04"), pppk=True, signatory="Kopli Ansori") == [
        f"norm not cited: {expected_norm('N04')}",
        "internal code: N04",
        "internal code: heavy",
        "doubled word: bahwa bahwa",
        "doubled punctuation: (heavy);;",
        "doubled punctuation: Lebong.;",
        "a PPPK called a Pegawai Negeri Sipil",
        "signature not on the last page: Kopli Ansori",
    ]
    assert LetterText(text="Sri Wahyuni, S.Pd., NIP 1", last_page="", pages=1).problems() == []
