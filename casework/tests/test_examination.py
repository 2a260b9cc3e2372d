"""The examination record (BAP) and the examination report (LHP)."""

import datetime
from typing import Any

import pytest

from casework import letters, services
from casework.models import Case, CaseTrack, Examination, ExaminationReport, Letter
from casework.tests.conftest import at
from casework.tests.letter_helpers import pdf_text
from core.errors import ConflictError, DomainError
from core.models import AuditEvent
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

QUESTIONS = [{"question": f"Pertanyaan {number}?", "answer": f"Jawaban {number}."} for number in range(1, 10)]


@pytest.fixture
def summoned(case: Case, officer: Any) -> Case:
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["ethics", "discipline"])
    services.summons_issue(
        case=case,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
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
        "recommended_sanction_level": "heavy",
    }
    values.update(overrides)
    return services.examination_report_submit(case=case, actor=actor, **values)


def test_the_bap_records_questions_examiners_and_signature_and_marks_the_summons_attended(summoned, officer):
    examination = _record(summoned, officer)

    assert (examination.held_at, examination.place, examination.examinee_signed) == (
        at(2024, 10, 28, 9, 30),
        "Ruang pemeriksaan tertutup BKPSDM",
        True,
    )
    assert examination.questions_answers == QUESTIONS
    assert list(examination.examiners.all()) == [officer]
    assert summoned.summonses.get().attendance == "attended"
    assert Case.objects.get(pk=summoned.pk).status == "examined"
    letter = Letter.objects.get(kind="examination_record")
    assert (len(letter.context["questions_answers"]), letter.context["examiners"][0]["name"]) == (9, "Yanti Oktaviani")


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


def test_the_lhp_records_the_findings_and_the_recommended_sanction(summoned, officer):
    _record(summoned, officer)

    report = _lhp(summoned, officer)

    assert [v.code for v in report.violation_types.all()] == ["N04"]
    assert (report.proven, report.recommended_sanction_code, report.recommended_sanction_level) == (True, "B1", "heavy")
    assert (report.aggravating, report.mitigating) == (
        "Tiga unggahan; akun publik dengan banyak pengikut.",
        "Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
    )
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
    assert (context["recommended_sanction"], context["proven"], context["held_at"]) == (
        {
            "code": "B1",
            "label": "penurunan jabatan setingkat lebih rendah selama 12 bulan",
            "level": "heavy",
            "level_label": "berat",
        },
        True,
        "2024-10-28T09:30:00+07:00",
    )


def test_a_proven_lhp_needs_a_recommended_sanction(summoned, officer):
    _record(summoned, officer)

    with pytest.raises(DomainError) as refused:
        _lhp(summoned, officer, recommended_sanction_code="")

    assert refused.value.code == "sanction_required"
    assert (ExaminationReport.objects.count(), Case.objects.get(pk=summoned.pk).status) == (0, "examined")


def test_a_not_proven_lhp_leads_to_closing_the_case_not_proven(summoned, officer):
    _record(summoned, officer)

    report = _lhp(summoned, officer, proven=False, recommended_sanction_code="B1", recommended_sanction_level="heavy")
    services.case_close_not_proven(case=summoned, actor=officer, reason="Akun bukan milik terperiksa.")

    assert (report.recommended_sanction_code, report.recommended_sanction_level) == ("", "")
    summoned.refresh_from_db()
    assert (summoned.status, summoned.closure_reason) == ("not_proven", "Akun bukan milik terperiksa.")
    assert sorted(CaseTrack.objects.values_list("status", flat=True)) == ["not_proven", "not_proven"]


def test_a_proven_case_cannot_be_closed_as_not_proven(summoned, officer):
    _record(summoned, officer)
    _lhp(summoned, officer)

    with pytest.raises(ConflictError) as refused:
        services.case_close_not_proven(case=summoned, actor=officer, reason="Tidak terbukti.")

    assert refused.value.code == "case_proven"
    assert Case.objects.get(pk=summoned.pk).status == "reported"


def test_the_lhp_letter_names_the_recommended_sanction_from_the_catalogue(summoned, officer):
    _record(summoned, officer)
    _lhp(summoned, officer)

    text = pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="examination_report")))

    assert (
        "hukuman disiplin tingkat berat berupa penurunan jabatan setingkat lebih rendah selama 12 bulan (B1)."
        in " ".join(text.split())
    )


def test_an_unknown_sanction_code_leaves_the_letter_with_the_code(summoned, officer):
    _record(summoned, officer)
    _lhp(summoned, officer, recommended_sanction_code="X9")

    sanction = Letter.objects.get(kind="examination_report").context["recommended_sanction"]
    assert (sanction["code"], sanction["label"]) == ("X9", "")
