"""The examination record (BAP) and the examination report (LHP): what they record, who signs them, the dates they
may carry, and the sanction the LHP recommends from the catalogue (casework/tests/sanction_catalogue.py)."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from casework import letters, services
from casework.models import Case, CaseTrack, Examination, ExaminationReport, Letter
from casework.services import TeamMemberInput
from casework.tests.conftest import at
from casework.tests.letter_helpers import pdf_text
from core.errors import ConflictError, DomainError
from core.models import AuditEvent
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

QUESTIONS = [{"question": f"Pertanyaan {number}?", "answer": f"Jawaban {number}."} for number in range(1, 10)]


def _summon(case: Case, officer: Any) -> None:
    services.summons_issue(
        case=case,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )


@pytest.fixture
def summoned(case: Case, officer: Any) -> Case:
    """A moderate case without a team: the principal's direct superior summoned him for 28 October 2024."""
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["ethics", "discipline"])
    _summon(case, officer)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def summoned_by_team(case: Case, officer: Any, examiner_user: Any, travel: Any) -> Case:
    """Scenario 1: heavy, the team formed by the Bupati's decree of 14 October 2024, chaired by the superior."""
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["ethics", "discipline"])
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
    _summon(case, officer)
    travel(2024, 11, 4)
    return Case.objects.get(pk=case.pk)


def _record(case: Case, actor: Any, **overrides: Any) -> Examination:
    values: dict[str, Any] = {
        "held_at": at(2024, 10, 28, 9, 30),
        "examiners": [actor],
        "questions_answers": QUESTIONS,
        "examinee_signed": True,
        "place": "Ruang pemeriksaan tertutup BKPSDM",
    }
    values.update(overrides)
    return services.examination_record(case=case, actor=actor, **values)


def _lhp(case: Case, actor: Any, **overrides: Any) -> ExaminationReport:
    values: dict[str, Any] = {
        "violation_types": [ViolationType.objects.get(code="N04")],
        "act_time": "7 Oktober 2024",
        "act_place": "Akun Facebook pribadi terlapor",
        "aggravating": "Tiga unggahan; akun publik dengan banyak pengikut.",
        "mitigating": "Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
        "impact": "Mengganggu netralitas ASN di lingkungan sekolah.",
        "proven": True,
        "recommended_sanction_code": "B1",
    }
    values.update(overrides)
    return services.examination_report_submit(case=case, actor=actor, **values)


def _moderate_lhp(case: Case, actor: Any, **overrides: Any) -> ExaminationReport:
    moderate = {"violation_types": [ViolationType.objects.get(code="N08")], "recommended_sanction_code": "S1"}
    return _lhp(case, actor, **{**moderate, **overrides})


def _rows() -> tuple[int, int, int]:
    return (
        Examination.objects.count() + ExaminationReport.objects.count(),
        AuditEvent.objects.count(),
        Letter.objects.count(),
    )


# --- the BAP ---------------------------------------------------------------------------------------------------------


def test_the_bap_records_questions_examiners_and_signature_and_marks_the_summons_attended(summoned, officer):
    examination = _record(summoned, officer)

    assert (examination.held_at, examination.place, examination.examinee_signed, examination.examination_team) == (
        at(2024, 10, 28, 9, 30),
        "Ruang pemeriksaan tertutup BKPSDM",
        True,
        None,
    )
    assert examination.questions_answers == QUESTIONS
    assert list(examination.examiners.all()) == [officer]
    assert summoned.summonses.get().attendance == "attended"
    assert Case.objects.get(pk=summoned.pk).status == "examined"
    letter = Letter.objects.get(kind="examination_record")
    assert len(letter.context["questions_answers"]) == 9
    # Without a team, the direct superior who summoned him examines with the examiners named.
    assert [e["name"] for e in letter.context["examiners"]] == ["Drs. Syamsul Bahri, M.Pd.", "Yanti Oktaviani"]
    assert "team_decision" not in letter.context


def test_a_team_examines_and_its_members_sign_the_bap_citing_the_decree(summoned_by_team, officer):
    examination = _record(summoned_by_team, officer)

    team = summoned_by_team.examination_team
    assert examination.examination_team == team
    context = Letter.objects.get(kind="examination_record").context
    assert context["team_decision"] == {
        "number": "800/0001/KEP/BKPSDM/2024",
        "date": "2024-10-14",
        "issuer": "Bupati Lebong",
        "external": False,
    }
    assert [e["name"] for e in context["examiners"]] == [
        "Drs. Syamsul Bahri, M.Pd.",
        "Rina Marlina, S.E.",
        "Hendra Saputra",
    ]
    text = pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="examination_record")))
    assert (
        "Tim Pemeriksa yang dibentuk dengan Keputusan Bupati Lebong Nomor 800/0001/KEP/BKPSDM/2024 tanggal "
        "14 Oktober 2024"
    ) in text


def test_a_refusal_to_sign_is_noted_and_the_record_stays_valid(summoned, officer):
    examination = _record(
        summoned, officer, examinee_signed=False, refusal_note="Terperiksa menolak menandatangani BAP."
    )

    assert (examination.examinee_signed, examination.refusal_note) == (False, "Terperiksa menolak menandatangani BAP.")
    assert Case.objects.get(pk=summoned.pk).status == "examined"


def test_an_unsigned_record_without_the_refusal_noted_is_refused(summoned, officer):
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        _record(summoned, officer, examinee_signed=False)

    assert (refused.value.code, refused.value.field) == ("refusal_note_required", "refusal_note")
    assert (Examination.objects.count(), AuditEvent.objects.count()) == (0, events)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"questions_answers": []}, "questions_required"),
        ({"questions_answers": [{"question": " ", "answer": "Ya."}]}, "questions_required"),
        ({"examiners": []}, "examiners_required"),
        ({"place": ""}, "examination_place_required"),
    ],
)
def test_an_incomplete_record_is_refused(summoned, officer, overrides, code):
    with pytest.raises(DomainError) as refused:
        _record(summoned, officer, **overrides)

    assert refused.value.code == code
    assert Examination.objects.count() == 0


def test_no_bap_after_an_absence_from_the_last_summons(summoned, officer):
    services.summons_record_absence(summons=summoned.summonses.get(), actor=officer)

    with pytest.raises(ConflictError) as refused:
        _record(summoned, officer)

    assert refused.value.code == "examinee_absent"
    assert Examination.objects.count() == 0


def test_a_bap_on_the_day_of_its_summons_is_accepted(summoned, officer):
    assert _record(summoned, officer, held_at=at(2024, 10, 28, 8, 0)).held_at == at(2024, 10, 28, 8, 0)


@pytest.mark.parametrize(
    ("held_at", "code", "message"),
    [
        (
            at(2024, 10, 25, 9, 0),
            "examination_before_summons",
            "The examination is dated 25 October 2024 09:00, before the day summons I set for it (28 October 2024).",
        ),
        (
            at(2024, 10, 29, 9, 1),
            "examination_in_future",
            "The examination is dated 29 October 2024 09:01, a moment still to come: record it once it was held.",
        ),
    ],
)
def test_a_bap_that_cannot_be_true_is_refused_and_writes_nothing(summoned, officer, travel, held_at, code, message):
    travel(2024, 10, 29, 9, 0)
    before = _rows()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        _record(summoned, officer, held_at=held_at)

    assert (refused.value.code, refused.value.field, str(refused.value.message)) == (code, "held_at", message)
    assert _rows() == before
    assert Case.objects.get(pk=summoned.pk).status == "summoned"


# --- the LHP ---------------------------------------------------------------------------------------------------------


def test_the_lhp_records_the_findings_the_sanction_from_the_catalogue_and_its_signatory(summoned_by_team, officer):
    _record(summoned_by_team, officer)

    report = _lhp(summoned_by_team, officer)

    assert [v.code for v in report.violation_types.all()] == ["N04"]
    assert (report.proven, report.recommended_sanction_code, report.recommended_sanction_level) == (True, "B1", "heavy")
    assert report.recommended_sanction_label == "penurunan jabatan setingkat lebih rendah selama 12 bulan"
    assert (report.signatory_name, report.signatory_role, report.submitted_by) == (
        "Drs. Syamsul Bahri, M.Pd.",
        "team_chair",
        officer,
    )
    assert report.reported_on == datetime.date(2024, 11, 4)
    assert sorted(CaseTrack.objects.values_list("track", "status")) == [("discipline", "proven"), ("ethics", "proven")]
    context = Letter.objects.get(kind="examination_report").context
    assert context["legal_basis"] == [
        {
            "code": "N04",
            "name": "Membuat posting, comment, share, like, bergabung/follow grup atau akun pemenangan (bakal) calon",
            "regulation": ViolationType.objects.get(code="N04").regulation,
            "article": "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        }
    ]
    assert (context["recommended_sanction"], context["proven"], context["held_at"], context["letter_date"]) == (
        {
            "code": "B1",
            "label": "penurunan jabatan setingkat lebih rendah selama 12 bulan",
            "level": "heavy",
            "level_label": "berat",
        },
        True,
        "2024-10-28T09:30:00+07:00",
        "2024-11-04",
    )
    assert context["signatory"]["role"] == "team_chair"


def test_the_lhp_letter_names_the_sanction_by_its_catalogue_name_never_its_code(summoned_by_team, officer):
    _record(summoned_by_team, officer)
    _lhp(summoned_by_team, officer)

    text = pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="examination_report")))

    assert (
        "Tim Pemeriksa merekomendasikan penjatuhan hukuman disiplin tingkat berat berupa penurunan jabatan "
        "setingkat lebih rendah selama 12 bulan."
    ) in text
    assert "(B1)" not in text and "heavy" not in text
    assert (
        "pemeriksaan yang dilakukan pada tanggal 28 Oktober 2024 oleh Tim Pemeriksa yang dibentuk dengan Keputusan "
        "Bupati Lebong Nomor 800/0001/KEP/BKPSDM/2024 tanggal 14 Oktober 2024"
    ) in text.replace("/ ", "/")
    assert "Ketua Tim Pemeriksa, Drs. Syamsul Bahri, M.Pd." in text
    assert "Tubei, 4 November 2024" in text


def test_without_a_team_the_direct_superior_signs_the_lhp_of_a_moderate_sanction(summoned, officer):
    _record(summoned, officer)

    report = _moderate_lhp(summoned, officer)

    assert (report.recommended_sanction_level, report.signatory_name, report.signatory_role) == (
        "moderate",
        "Drs. Syamsul Bahri, M.Pd.",
        "direct_superior",
    )
    text = pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="examination_report")))
    assert "Kami merekomendasikan" in text and "Tim Pemeriksa" not in text


def test_a_sanction_the_catalogue_does_not_allow_is_refused_and_writes_nothing(summoned, officer):
    _record(summoned, officer)
    before = _rows()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        _moderate_lhp(summoned, officer, recommended_sanction_code="R1")

    assert (refused.value.code, refused.value.field) == ("sanction_not_allowed", "recommended_sanction_code")
    assert str(refused.value.message) == (
        "The catalogue's guidance does not allow this sanction for these violations. Choose one of: pemotongan "
        "tunjangan kinerja sebesar 25% selama 6 bulan; pemotongan tunjangan kinerja sebesar 25% selama 9 bulan; "
        "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan."
    )
    assert _rows() == before
    assert Case.objects.get(pk=summoned.pk).status == "examined"


def test_a_heavy_sanction_on_a_case_examined_without_a_team_is_refused_and_writes_nothing(summoned, officer):
    _record(summoned, officer)
    before = _rows()

    with pytest.raises(DomainError) as refused:
        _lhp(summoned, officer)

    assert (refused.value.code, refused.value.field) == ("heavy_sanction_needs_team", "recommended_sanction_code")
    assert _rows() == before
    assert (Case.objects.get(pk=summoned.pk).status, CaseTrack.objects.filter(status="proven").count()) == (
        "examined",
        0,
    )


def test_a_proven_lhp_needs_a_recommended_sanction(summoned, officer):
    _record(summoned, officer)

    with pytest.raises(DomainError) as refused:
        _moderate_lhp(summoned, officer, recommended_sanction_code="")

    assert refused.value.code == "sanction_required"
    assert (ExaminationReport.objects.count(), Case.objects.get(pk=summoned.pk).status) == (0, "examined")


def test_a_not_proven_lhp_leads_to_closing_the_case_not_proven(summoned, officer):
    _record(summoned, officer)

    report = _lhp(summoned, officer, proven=False, recommended_sanction_code="B1")
    services.case_close_not_proven(case=summoned, actor=officer, reason="Akun bukan milik terperiksa.")

    assert (report.recommended_sanction_code, report.recommended_sanction_level) == ("", "")
    summoned.refresh_from_db()
    assert (summoned.status, summoned.closure_reason) == ("not_proven", "Akun bukan milik terperiksa.")
    assert sorted(CaseTrack.objects.values_list("status", flat=True)) == ["not_proven", "not_proven"]


def test_a_proven_case_cannot_be_closed_as_not_proven(summoned, officer):
    _record(summoned, officer)
    _moderate_lhp(summoned, officer)

    with pytest.raises(ConflictError) as refused:
        services.case_close_not_proven(case=summoned, actor=officer, reason="Tidak terbukti.")

    assert refused.value.code == "case_proven"
    assert Case.objects.get(pk=summoned.pk).status == "reported"


def test_an_lhp_on_the_day_of_the_bap_is_accepted(summoned, officer):
    _record(summoned, officer)

    assert _moderate_lhp(summoned, officer, reported_on=datetime.date(2024, 10, 28)).reported_on == datetime.date(
        2024, 10, 28
    )


@pytest.mark.parametrize(
    ("reported_on", "code", "message"),
    [
        (
            datetime.date(2024, 10, 27),
            "report_before_examination",
            "The report is dated 27 October 2024, before the examination it reports on (28 October 2024).",
        ),
        (
            datetime.date(2024, 11, 5),
            "report_date_in_future",
            "The report is dated 5 November 2024, a day still to come.",
        ),
    ],
)
def test_an_lhp_date_that_cannot_be_true_is_refused_and_writes_nothing(
    summoned, officer, travel, reported_on, code, message
):
    _record(summoned, officer)
    travel(2024, 11, 4)
    before = _rows()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        _moderate_lhp(summoned, officer, reported_on=reported_on)

    assert (refused.value.code, refused.value.field, str(refused.value.message)) == (code, "reported_on", message)
    assert _rows() == before


def test_an_lhp_without_a_known_signatory_is_refused_naming_who_to_record(summoned, officer, principal):
    _record(summoned, officer)
    principal.direct_superior = None
    principal.save(update_fields=["direct_superior"])
    before = _rows()

    with translation.override("id"), pytest.raises(DomainError) as refused:
        _moderate_lhp(summoned, officer)

    assert (refused.value.code, str(refused.value.message)) == (
        "signatory_unknown",
        "Atasan langsung Drs. Rahmat Hidayat belum tercatat di data kepegawaian; catat atasan langsungnya atau "
        "bentuk tim pemeriksa dengan ketua.",
    )
    assert _rows() == before
