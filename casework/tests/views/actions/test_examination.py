"""The examination record (BAP) with its question rows, and the examination report (LHP)."""

from typing import Any

import pytest

from casework.models import Case, Examination, ExaminationReport
from casework.tests.views.actions.helpers import PLACE, action_url, case_page, client_for, messages_of, snapshot

pytestmark = pytest.mark.django_db


# --- BAP and LHP ----------------------------------------------------------------------------------------------------


def _bap_data(case: Case, examiner_user: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "expected_version": case.version,
        "held_at": "2024-10-28T09:30",
        "place": PLACE,
        "examiners": [examiner_user.pk],
        "examinee_signed": "on",
        "qa-TOTAL_FORMS": "5",
        "qa-INITIAL_FORMS": "0",
        "qa-MIN_NUM_FORMS": "0",
        "qa-MAX_NUM_FORMS": "100",
        "qa-0-question": "Apakah akun Facebook itu milik Saudara?",
        "qa-0-answer": "Ya, benar.",
        "qa-1-question": "Mengapa Saudara membagikan unggahan itu?",
        "qa-1-answer": "Saya tidak tahu itu dilarang.",
    }
    data.update(overrides)
    return data


def test_the_bap_page_offers_question_rows(summoned, examiner_user):
    response = client_for(examiner_user).get(action_url("examination-record", summoned))

    assert response.status_code == 200
    assert response.content.count(b'name="qa-') == 2 * 5 + 4  # five rows, plus the management form


def test_an_examiner_records_the_bap(summoned, examiner_user):
    response = client_for(examiner_user).post(
        action_url("examination-record", summoned), _bap_data(summoned, examiner_user)
    )

    assert (response.status_code, response.url) == (302, case_page(summoned))
    examination = Examination.objects.get(case=summoned)
    assert examination.questions_answers == [
        {"question": "Apakah akun Facebook itu milik Saudara?", "answer": "Ya, benar."},
        {"question": "Mengapa Saudara membagikan unggahan itu?", "answer": "Saya tidak tahu itu dilarang."},
    ]
    assert (examination.examinee_signed, list(examination.examiners.all())) == (True, [examiner_user])
    assert Case.objects.get(pk=summoned.pk).status == "examined"


def test_more_question_rows_keep_what_was_typed_and_save_nothing(summoned, examiner_user):
    before = snapshot(summoned)
    data = _bap_data(summoned, examiner_user, more_rows="1")

    response = client_for(examiner_user).post(action_url("examination-record", summoned), data)

    assert response.status_code == 200
    questions = response.context["questions"]
    assert len(questions.forms) == 10
    assert questions.forms[1]["answer"].value() == "Saya tidak tahu itu dilarang."
    assert response.context["form"]["place"].value() == PLACE
    assert snapshot(summoned) == before


def test_a_bap_with_nine_questions_is_recorded_in_order(summoned, examiner_user):
    rows = {f"qa-{index}-question": f"Pertanyaan {index + 1}?" for index in range(9)}
    rows |= {f"qa-{index}-answer": f"Jawaban {index + 1}." for index in range(9)}
    data = _bap_data(summoned, examiner_user, **{"qa-TOTAL_FORMS": "10"}, **rows)

    response = client_for(examiner_user).post(action_url("examination-record", summoned), data)

    assert response.status_code == 302
    pairs = Examination.objects.get(case=summoned).questions_answers
    assert [pair["question"] for pair in pairs] == [f"Pertanyaan {index}?" for index in range(1, 10)]


def test_an_unsigned_bap_without_the_refusal_noted_is_refused_and_writes_nothing(summoned, examiner_user):
    data = _bap_data(summoned, examiner_user)
    del data["examinee_signed"]
    before = snapshot(summoned)

    response = client_for(examiner_user).post(action_url("examination-record", summoned), data)

    assert response.status_code == 200
    assert messages_of(response) == [("error", "The examinee did not sign: note the refusal to sign.")]
    assert response.context["questions"].forms[0]["question"].value() == "Apakah akun Facebook itu milik Saudara?"
    assert snapshot(summoned) == before


def test_a_bap_with_a_refusal_to_sign_is_recorded(summoned, examiner_user):
    data = _bap_data(summoned, examiner_user, refusal_note="Terlapor menolak menandatangani.")
    del data["examinee_signed"]

    client_for(examiner_user).post(action_url("examination-record", summoned), data)

    assert Examination.objects.values_list("examinee_signed", "refusal_note").get() == (
        False,
        "Terlapor menolak menandatangani.",
    )


def _lhp_data(case: Case, **overrides: Any) -> dict[str, Any]:
    from violations.models import ViolationType

    # A moderate case examined without a team: the catalogue offers the moderate sanctions for N08.
    data = {
        "expected_version": case.version,
        "violation_types": [ViolationType.objects.get(code="N08").pk],
        "act_time": "7 Oktober 2024",
        "act_place": "Akun Facebook pribadi terlapor",
        "aggravating": "Tiga unggahan.",
        "mitigating": "Pelanggaran pertama.",
        "impact": "Mengganggu netralitas ASN.",
        "proven": "yes",
        "recommended_sanction_code": "S1",
        "reported_on": "2024-11-04",
    }
    data.update(overrides)
    return data


def test_the_lhp_page_offers_the_sanctions_the_catalogue_allows_and_today_as_its_date(examined, examiner_user):
    from casework.models import CaseReport
    from core import clock
    from violations.models import ViolationType
    from violations.tests.factories import ReportFactory

    CaseReport.objects.create(
        case=examined, report=ReportFactory(violation_type=ViolationType.objects.get(code="N08")), linked_at=clock.now()
    )

    form = client_for(examiner_user).get(action_url("examination-report", examined)).context["form"]

    assert [code for code, _label in form.fields["recommended_sanction_code"].choices] == ["", "S1", "S2", "S3"]
    assert form.fields["recommended_sanction_code"].choices[1][1] == (
        "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan (moderate)"
    )
    assert form["reported_on"].value() == clock.today()
    assert "recommended_sanction_level" not in form.fields


def test_an_examiner_submits_the_lhp(examined, examiner_user):
    response = client_for(examiner_user).post(action_url("examination-report", examined), _lhp_data(examined))

    assert (response.status_code, response.url) == (302, case_page(examined))
    report = ExaminationReport.objects.get(case=examined)
    assert (report.proven, report.recommended_sanction_code, report.recommended_sanction_level) == (
        True,
        "S1",
        "moderate",
    )
    assert report.reported_on.isoformat() == "2024-11-04"
    assert [v.code for v in report.violation_types.all()] == ["N08"]
    assert Case.objects.get(pk=examined.pk).status == "reported"
    assert messages_of(response) == [
        ("success", "The examination report (LHP) was submitted; its letter is being prepared.")
    ]


def test_a_proven_lhp_without_a_sanction_is_refused_and_writes_nothing(examined, examiner_user):
    before = snapshot(examined)

    response = client_for(examiner_user).post(
        action_url("examination-report", examined), _lhp_data(examined, recommended_sanction_code="")
    )

    assert response.status_code == 200
    assert messages_of(response) == [("error", "A proven violation needs a recommended sanction.")]
    assert snapshot(examined) == before


def test_a_sanction_the_catalogue_does_not_offer_is_refused_on_the_form_and_writes_nothing(examined, examiner_user):
    before = snapshot(examined)

    response = client_for(examiner_user).post(
        action_url("examination-report", examined), _lhp_data(examined, recommended_sanction_code="B1")
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "recommended_sanction_code": ["Select a valid choice. B1 is not one of the available choices."]
    }
    assert snapshot(examined) == before
