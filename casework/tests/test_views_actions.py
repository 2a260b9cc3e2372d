"""The officer's action views: one service per view, its message, refusals and conflicts, and who may act."""

import datetime
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from casework import services
from casework.letter_models import Letter
from casework.models import (
    Case,
    CaseEvidence,
    CaseTrack,
    Examination,
    ExaminationReport,
    ExaminationTeam,
    Summons,
)
from casework.templatetags.case_actions import case_actions_for
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from core.models import AuditEvent
from core.testing import png_bytes

pytestmark = pytest.mark.django_db

PLACE = "Kantor BKPSDM Kabupaten Lebong"


def _client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"casework_actions:{name}", kwargs={"case_id": case.pk, **kwargs})


def _case_page(case: Case) -> str:
    return reverse("casework:case-detail", kwargs={"case_id": case.pk})


def _messages(response: Any) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def _snapshot(case: Case) -> tuple[Any, ...]:
    case.refresh_from_db()
    return (
        case.status,
        case.version,
        AuditEvent.objects.count(),
        Summons.objects.count(),
        Letter.objects.count(),
        Examination.objects.count(),
        ExaminationReport.objects.count(),
        ExaminationTeam.objects.count(),
        CaseEvidence.objects.count(),
        CaseTrack.objects.count(),
    )


@pytest.fixture
def on_case(case: Case, examiner_user: Any, officer: Any) -> Case:
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def reviewed(on_case: Case, officer: Any) -> Case:
    services.case_start_review(case=on_case, actor=officer, probable_level="moderate", tracks=["ethics", "discipline"])
    return Case.objects.get(pk=on_case.pk)


@pytest.fixture
def summoned(reviewed: Case, officer: Any) -> Case:
    services.summons_issue(
        case=reviewed,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place=PLACE,
    )
    return Case.objects.get(pk=reviewed.pk)


@pytest.fixture
def examined(summoned: Case, officer: Any, examiner_user: Any) -> Case:
    services.examination_record(
        case=summoned,
        actor=officer,
        held_at=at(2024, 10, 28, 9, 30),
        examiners=[examiner_user],
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        place=PLACE,
    )
    return Case.objects.get(pk=summoned.pk)


def _reported(case: Case, actor: Any, *, proven: bool) -> Case:
    from violations.models import ViolationType

    services.examination_report_submit(
        case=case,
        actor=actor,
        violation_types=[ViolationType.objects.get(code="N04")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=proven,
        recommended_sanction_code="B1" if proven else "",
        recommended_sanction_level="heavy" if proven else "",
    )
    return Case.objects.get(pk=case.pk)


# --- review ---------------------------------------------------------------------------------------------------------


def test_an_examiner_starts_the_review(on_case, examiner_user):
    response = _client(examiner_user).post(
        _url("start-review", on_case),
        {"expected_version": on_case.version, "probable_level": "moderate", "tracks": ["ethics", "discipline"]},
    )

    assert (response.status_code, response.url) == (302, _case_page(on_case))
    assert _messages(response) == [("success", "The review has started.")]
    on_case.refresh_from_db()
    assert (on_case.status, on_case.probable_level) == ("under_review", "moderate")
    assert set(on_case.tracks.values_list("track", flat=True)) == {"ethics", "discipline"}


def test_a_review_without_a_track_is_refused_on_the_form_and_writes_nothing(on_case, examiner_user):
    before = _snapshot(on_case)

    response = _client(examiner_user).post(
        _url("start-review", on_case), {"expected_version": on_case.version, "probable_level": "moderate"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"tracks": ["This field is required."]}
    assert _messages(response) == [("error", "Please correct the fields marked below.")]
    assert _snapshot(on_case) == before


def test_a_move_the_table_forbids_is_a_message_not_a_500(examined, examiner_user):
    before = _snapshot(examined)

    response = _client(examiner_user).post(
        _url("start-review", examined),
        {"expected_version": examined.version, "probable_level": "light", "tracks": ["ethics"]},
    )

    assert response.status_code == 200
    assert _messages(response) == [("error", "A case in status “Examined” cannot become “Under review”.")]
    assert _snapshot(examined) == before


def test_a_stale_version_is_a_conflict_message_and_writes_nothing(on_case, examiner_user, officer):
    seen = on_case.version
    services.case_start_review(case=on_case, actor=officer, probable_level="light", tracks=["ethics"])
    services.case_dismiss(case=on_case, actor=officer, reason="Tidak cukup bukti awal.")
    before = _snapshot(on_case)

    response = _client(examiner_user).post(
        _url("start-review", on_case), {"expected_version": seen, "probable_level": "heavy", "tracks": ["ethics"]}
    )

    assert (response.status_code, response.url) == (302, _case_page(on_case))
    assert _messages(response) == [
        (
            "error",
            f"Case {on_case.number} was changed by another officer while you were working on it (it is now "
            "“Dismissed”). Reload the case and try again; nothing was saved.",
        )
    ]
    assert _snapshot(on_case) == before


# --- conflicts on every versioned action ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("forward", {}),
        ("withdraw", {"reason": "Salah registrasi."}),
        ("criminal-referral", {"referred_to": "Sentra Gakkumdu", "referred_on": "2024-11-01"}),
    ],
)
def test_stale_versions_write_nothing_for_other_actions(examined, officer, name, data):
    seen = examined.version - 1
    before = _snapshot(examined)

    response = _client(officer).post(_url(name, examined), {"expected_version": seen, **data})

    assert (response.status_code, response.url) == (302, _case_page(examined))
    assert [level for level, _text in _messages(response)] == ["error"]
    assert "was changed by another officer" in _messages(response)[0][1]
    assert _snapshot(examined) == before


# --- team and assignment --------------------------------------------------------------------------------------------


def _team_data(case: Case, **overrides: Any) -> dict[str, Any]:
    data = {
        "expected_version": case.version,
        "decision_number": "800/123/BKPSDM/2024",
        "decision_date": "2024-10-10",
        "direct_superior_name": "Dra. Sri Wahyuni",
        "direct_superior_nip": "196903101994032004",
        "direct_superior_position": "Kepala Dinas Pendidikan",
        "inspectorate_name": "Budi Santoso, S.H.",
        "bkpsdm_name": "Hendra Saputra",
    }
    data.update(overrides)
    return data


def test_the_team_page_draws_a_fieldset_per_member(reviewed, officer):
    response = _client(officer).get(_url("team-form", reviewed))

    assert response.status_code == 200
    assert b'name="direct_superior_name"' in response.content and b'name="bkpsdm_user"' in response.content
    assert f'name="expected_version" value="{reviewed.version}"'.encode() in response.content


def test_an_officer_forms_the_team(reviewed, officer, examiner_user):
    response = _client(officer).post(_url("team-form", reviewed), _team_data(reviewed, bkpsdm_user=examiner_user.pk))

    assert (response.status_code, response.url) == (302, _case_page(reviewed))
    team = ExaminationTeam.objects.get(case=reviewed)
    assert list(team.members.values_list("role", "name", "user")) == [
        ("direct_superior", "Dra. Sri Wahyuni", None),
        ("inspectorate", "Budi Santoso, S.H.", None),
        ("bkpsdm", "Hendra Saputra", examiner_user.pk),
    ]
    assert _messages(response) == [
        (
            "success",
            "The examination team was formed (decision 800/123/BKPSDM/2024); its decision letter is being prepared.",
        )
    ]
    assert Case.objects.get(pk=reviewed.pk).status == "team_formed"


def test_an_incomplete_team_is_refused_and_writes_nothing(reviewed, officer):
    before = _snapshot(reviewed)

    response = _client(officer).post(_url("team-form", reviewed), _team_data(reviewed, inspectorate_name=""))

    assert response.status_code == 200
    assert response.context["form"].errors == {"inspectorate_name": ["This field is required."]}
    assert _snapshot(reviewed) == before


def test_an_examiner_may_not_form_the_team(reviewed, examiner_user):
    before = _snapshot(reviewed)

    response = _client(examiner_user).post(_url("team-form", reviewed), _team_data(reviewed))

    assert response.status_code == 403
    assert _snapshot(reviewed) == before


def test_an_officer_assigns_examiners(case, officer, examiner_user):
    response = _client(officer).post(
        _url("assign", case), {"expected_version": case.version, "examiners": [examiner_user.pk]}
    )

    assert (response.status_code, response.url) == (302, _case_page(case))
    assert list(case.assigned_examiners.all()) == [examiner_user]
    assert _messages(response) == [("success", "The examiners of the case were saved.")]


# --- summons --------------------------------------------------------------------------------------------------------


def _summons_data(case: Case, **overrides: Any) -> dict[str, Any]:
    data = {
        "expected_version": case.version,
        "number": "1",
        "scheduled_at": "2024-10-28T09:00",
        "sent_on": "2024-10-16",
        "delivery_method": "in_person",
        "place": PLACE,
    }
    data.update(overrides)
    return data


def test_an_examiner_issues_summons_one(reviewed, examiner_user):
    response = _client(examiner_user).post(_url("summons-issue", reviewed), _summons_data(reviewed))

    assert (response.status_code, response.url) == (302, _case_page(reviewed))
    summons = Summons.objects.get(case=reviewed)
    assert (summons.number, summons.scheduled_at, summons.sent_on, summons.issued_by) == (
        1,
        at(2024, 10, 28),
        datetime.date(2024, 10, 16),
        examiner_user,
    )
    assert _messages(response) == [("success", "Summons I was issued; its letter is being prepared.")]
    assert Letter.objects.get().kind == "summons_1"


def test_too_short_a_notice_is_refused_citing_rule_d6_and_writes_nothing(reviewed, examiner_user):
    before = _snapshot(reviewed)

    response = _client(examiner_user).post(
        _url("summons-issue", reviewed), _summons_data(reviewed, sent_on="2024-10-18")
    )

    assert response.status_code == 200
    ((level, text),) = _messages(response)
    assert level == "error"
    assert text.startswith("Rule D6: the summons for an examination on 28 October 2024 must be sent by 17 October 2024")
    assert response.context["form"].errors["scheduled_at"] == [text]
    assert b'name="override"' not in response.content  # an examiner is no supervisor
    assert _snapshot(reviewed) == before


def test_a_supervisor_sees_the_override_and_overrides_with_a_reason(reviewed):
    supervisor = agency_administrator()
    client = _client(supervisor)
    assert b'name="override"' in client.get(_url("summons-issue", reviewed)).content

    response = client.post(
        _url("summons-issue", reviewed),
        _summons_data(reviewed, sent_on="2024-10-21", override="on", override_reason="Terlapor akan mutasi."),
    )

    assert (response.status_code, response.url) == (302, _case_page(reviewed))
    summons = Summons.objects.get(case=reviewed)
    assert (summons.notice_override_reason, summons.notice_overridden_by) == ("Terlapor akan mutasi.", supervisor)
    assert AuditEvent.objects.filter(action="summons_notice_overridden").count() == 1


def test_an_override_without_a_reason_is_refused_on_the_form(reviewed):
    before = _snapshot(reviewed)

    response = _client(agency_administrator()).post(
        _url("summons-issue", reviewed), _summons_data(reviewed, sent_on="2024-10-21", override="on")
    )

    assert response.context["form"].errors == {"override_reason": ["Give the reason for the shorter notice."]}
    assert _snapshot(reviewed) == before


def test_an_examiner_records_attendance(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)

    response = _client(examiner_user).post(
        _url("summons-attendance", summoned, summons_id=summons.pk), {"expected_version": summoned.version}
    )

    assert (response.status_code, response.url) == (302, _case_page(summoned))
    assert Summons.objects.get(pk=summons.pk).attendance == "attended"
    assert _messages(response) == [("success", "The attendance was recorded; record the examination (BAP) next.")]


def test_an_examiner_records_an_absence_and_summons_two_is_offered(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)

    response = _client(examiner_user).post(
        _url("summons-absence", summoned, summons_id=summons.pk),
        {"expected_version": summoned.version, "note": "Tidak hadir tanpa keterangan."},
    )

    assert _messages(response) == [("success", "The absence was recorded; summons II is due next.")]
    assert Summons.objects.get(pk=summons.pk).attendance == "absent"
    assert case_actions_for(Case.objects.get(pk=summoned.pk), examiner_user).summons_issue == 2


def test_attendance_with_a_stale_version_writes_nothing(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)
    before = _snapshot(summoned)

    response = _client(examiner_user).post(
        _url("summons-attendance", summoned, summons_id=summons.pk), {"expected_version": summoned.version - 1}
    )

    assert response.url == _case_page(summoned)
    assert "was changed by another officer" in _messages(response)[0][1]
    assert _snapshot(summoned) == before
    assert Summons.objects.get(pk=summons.pk).attendance == "pending"


def test_the_summons_of_another_case_is_not_found(summoned, examiner_user, officer):
    other = CaseFactory(agency=summoned.agency, registered_by=officer)
    summons = Summons.objects.get(case=summoned)
    services.case_assign(case=other, actor=officer, examiners=[examiner_user])

    response = _client(examiner_user).post(
        _url("summons-attendance", other, summons_id=summons.pk), {"expected_version": 2}
    )

    assert response.status_code == 404


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
    response = _client(examiner_user).get(_url("examination-record", summoned))

    assert response.status_code == 200
    assert response.content.count(b'name="qa-') == 2 * 5 + 4  # five rows, plus the management form


def test_an_examiner_records_the_bap(summoned, examiner_user):
    response = _client(examiner_user).post(_url("examination-record", summoned), _bap_data(summoned, examiner_user))

    assert (response.status_code, response.url) == (302, _case_page(summoned))
    examination = Examination.objects.get(case=summoned)
    assert examination.questions_answers == [
        {"question": "Apakah akun Facebook itu milik Saudara?", "answer": "Ya, benar."},
        {"question": "Mengapa Saudara membagikan unggahan itu?", "answer": "Saya tidak tahu itu dilarang."},
    ]
    assert (examination.examinee_signed, list(examination.examiners.all())) == (True, [examiner_user])
    assert Case.objects.get(pk=summoned.pk).status == "examined"


def test_more_question_rows_keep_what_was_typed_and_save_nothing(summoned, examiner_user):
    before = _snapshot(summoned)
    data = _bap_data(summoned, examiner_user, more_rows="1")

    response = _client(examiner_user).post(_url("examination-record", summoned), data)

    assert response.status_code == 200
    questions = response.context["questions"]
    assert len(questions.forms) == 10
    assert questions.forms[1]["answer"].value() == "Saya tidak tahu itu dilarang."
    assert response.context["form"]["place"].value() == PLACE
    assert _snapshot(summoned) == before


def test_a_bap_with_nine_questions_is_recorded_in_order(summoned, examiner_user):
    rows = {f"qa-{index}-question": f"Pertanyaan {index + 1}?" for index in range(9)}
    rows |= {f"qa-{index}-answer": f"Jawaban {index + 1}." for index in range(9)}
    data = _bap_data(summoned, examiner_user, **{"qa-TOTAL_FORMS": "10"}, **rows)

    response = _client(examiner_user).post(_url("examination-record", summoned), data)

    assert response.status_code == 302
    pairs = Examination.objects.get(case=summoned).questions_answers
    assert [pair["question"] for pair in pairs] == [f"Pertanyaan {index}?" for index in range(1, 10)]


def test_an_unsigned_bap_without_the_refusal_noted_is_refused_and_writes_nothing(summoned, examiner_user):
    data = _bap_data(summoned, examiner_user)
    del data["examinee_signed"]
    before = _snapshot(summoned)

    response = _client(examiner_user).post(_url("examination-record", summoned), data)

    assert response.status_code == 200
    assert _messages(response) == [("error", "The examinee did not sign: note the refusal to sign.")]
    assert response.context["questions"].forms[0]["question"].value() == "Apakah akun Facebook itu milik Saudara?"
    assert _snapshot(summoned) == before


def test_a_bap_with_a_refusal_to_sign_is_recorded(summoned, examiner_user):
    data = _bap_data(summoned, examiner_user, refusal_note="Terlapor menolak menandatangani.")
    del data["examinee_signed"]

    _client(examiner_user).post(_url("examination-record", summoned), data)

    assert Examination.objects.values_list("examinee_signed", "refusal_note").get() == (
        False,
        "Terlapor menolak menandatangani.",
    )


def _lhp_data(case: Case, **overrides: Any) -> dict[str, Any]:
    from violations.models import ViolationType

    data = {
        "expected_version": case.version,
        "violation_types": [ViolationType.objects.get(code="N04").pk],
        "act_time": "7 Oktober 2024",
        "act_place": "Akun Facebook pribadi terlapor",
        "aggravating": "Tiga unggahan.",
        "mitigating": "Pelanggaran pertama.",
        "impact": "Mengganggu netralitas ASN.",
        "proven": "yes",
        "recommended_sanction_code": "B1",
        "recommended_sanction_level": "heavy",
    }
    data.update(overrides)
    return data


def test_an_examiner_submits_the_lhp(examined, examiner_user):
    response = _client(examiner_user).post(_url("examination-report", examined), _lhp_data(examined))

    assert (response.status_code, response.url) == (302, _case_page(examined))
    report = ExaminationReport.objects.get(case=examined)
    assert (report.proven, report.recommended_sanction_code, report.recommended_sanction_level) == (
        True,
        "B1",
        "heavy",
    )
    assert [v.code for v in report.violation_types.all()] == ["N04"]
    assert Case.objects.get(pk=examined.pk).status == "reported"
    assert _messages(response) == [
        ("success", "The examination report (LHP) was submitted; its letter is being prepared.")
    ]


def test_a_proven_lhp_without_a_sanction_is_refused_and_writes_nothing(examined, examiner_user):
    before = _snapshot(examined)

    response = _client(examiner_user).post(
        _url("examination-report", examined), _lhp_data(examined, recommended_sanction_code="")
    )

    assert response.status_code == 200
    assert _messages(response) == [("error", "A proven violation needs a recommended sanction.")]
    assert _snapshot(examined) == before


# --- forwarding and the exits ---------------------------------------------------------------------------------------


def test_a_proven_case_is_forwarded_for_decision(examined, examiner_user):
    reported = _reported(examined, examiner_user, proven=True)

    response = _client(examiner_user).post(_url("forward", reported), {"expected_version": reported.version})

    assert _messages(response) == [("success", "The case was forwarded for decision.")]
    assert Case.objects.get(pk=reported.pk).status == "forwarded_for_decision"


def test_a_not_proven_case_may_be_forwarded_for_a_dismissal_decision(examined, examiner_user):
    reported = _reported(examined, examiner_user, proven=False)

    response = _client(examiner_user).post(_url("forward", reported), {"expected_version": reported.version})

    assert response.url == _case_page(reported)
    reported.refresh_from_db()
    assert reported.status == "forwarded_for_decision"


def test_a_not_proven_case_is_closed_with_a_reason(examined, examiner_user):
    reported = _reported(examined, examiner_user, proven=False)

    response = _client(examiner_user).post(
        _url("close-not-proven", reported), {"expected_version": reported.version, "reason": "Bukti tidak cukup."}
    )

    assert _messages(response) == [("success", "The case was closed as not proven.")]
    reported.refresh_from_db()
    assert (reported.status, reported.closure_reason) == ("not_proven", "Bukti tidak cukup.")


@pytest.mark.parametrize(("name", "status"), [("dismiss", "dismissed"), ("withdraw", "withdrawn")])
def test_an_officer_closes_a_case_with_a_reason(reviewed, officer, name, status):
    response = _client(officer).post(_url(name, reviewed), {"expected_version": reviewed.version, "reason": "Alasan."})

    assert (response.status_code, response.url) == (302, _case_page(reviewed))
    reviewed.refresh_from_db()
    assert (reviewed.status, reviewed.closure_reason) == (status, "Alasan.")


@pytest.mark.parametrize("name", ["dismiss", "withdraw"])
def test_closing_without_a_reason_is_refused_on_the_form(reviewed, officer, name):
    before = _snapshot(reviewed)

    response = _client(officer).post(_url(name, reviewed), {"expected_version": reviewed.version, "reason": ""})

    assert response.context["form"].errors == {"reason": ["This field is required."]}
    assert _snapshot(reviewed) == before


def test_an_officer_merges_a_case_into_another(reviewed, officer):
    target = CaseFactory(agency=reviewed.agency, registered_by=officer)

    response = _client(officer).post(
        _url("merge", reviewed), {"expected_version": reviewed.version, "into": target.number}
    )

    assert _messages(response) == [("success", f"The case was merged into {target.number}.")]
    reviewed.refresh_from_db()
    assert (reviewed.status, reviewed.merged_into) == ("merged", target)


def test_merging_into_an_unknown_case_is_refused(reviewed, officer):
    before = _snapshot(reviewed)

    response = _client(officer).post(_url("merge", reviewed), {"expected_version": reviewed.version, "into": "9999/X"})

    assert response.context["form"].errors == {"into": ["There is no case 9999/X."]}
    assert _snapshot(reviewed) == before


def test_a_merge_into_another_agency_s_case_is_refused(reviewed, officer):
    other = CaseFactory(agency=AgencyFactory(code="blitar", name="Kabupaten Blitar", is_default=False))
    before = _snapshot(reviewed)

    response = _client(officer).post(
        _url("merge", reviewed), {"expected_version": reviewed.version, "into": other.number}
    )

    assert response.context["form"].errors == {"into": [f"There is no case {other.number}."]}
    assert _snapshot(reviewed) == before


def test_a_criminal_referral_is_recorded(examined, examiner_user):
    response = _client(examiner_user).post(
        _url("criminal-referral", examined),
        {"expected_version": examined.version, "referred_to": "Sentra Gakkumdu Lebong", "referred_on": "2024-11-01"},
    )

    assert _messages(response) == [("success", "The criminal referral was recorded.")]
    track = CaseTrack.objects.get(case=examined, track="criminal_referral")
    assert (track.status, track.referred_to, track.referred_on) == (
        "referred",
        "Sentra Gakkumdu Lebong",
        datetime.date(2024, 11, 1),
    )


# --- evidence -------------------------------------------------------------------------------------------------------


def test_an_examiner_adds_a_file_and_withdraws_it(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(examiner_user)
    upload = SimpleUploadedFile("tangkapan.png", png_bytes(64, 64), content_type="image/png")

    response = client.post(
        _url("evidence-files", reviewed),
        {"expected_version": reviewed.version, "title": "Unggahan", "evidence": upload},
    )

    assert _messages(response) == [("success", "1 file(s) were added to the evidence.")]
    evidence = CaseEvidence.objects.get(case=reviewed)
    assert (evidence.kind, evidence.original_name, len(evidence.sha256)) == ("file", "tangkapan.png", 64)

    response = client.post(
        _url("evidence-withdraw", reviewed, evidence_id=evidence.pk),
        {"expected_version": reviewed.version, "reason": "Berkas ganda."},
    )

    assert _messages(response)[-1] == (
        "success",
        "The evidence item was withdrawn; it stays on record with the reason.",
    )
    evidence.refresh_from_db()
    assert (evidence.withdrawal_reason, evidence.withdrawn_by) == ("Berkas ganda.", examiner_user)


def test_a_file_that_is_not_what_it_claims_is_refused_and_writes_nothing(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.testing import stored_files

    before = _snapshot(reviewed)
    upload = SimpleUploadedFile("foto.png", b"MZ\x90\x00 not an image", content_type="image/png")

    response = _client(examiner_user).post(
        _url("evidence-files", reviewed), {"expected_version": reviewed.version, "evidence": upload}
    )

    assert response.status_code == 200
    assert [level for level, _text in _messages(response)] == ["error"]
    assert _snapshot(reviewed) == before
    assert stored_files(private_storage) == []


def test_an_examiner_adds_a_capture_and_a_statement(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(examiner_user)
    client.post(
        _url("evidence-capture", reviewed),
        {
            "expected_version": reviewed.version,
            "screenshot": SimpleUploadedFile("post.png", png_bytes(64, 64), content_type="image/png"),
            "source_url": "https://www.facebook.com/share/p/abc/",
            "captured_at": "2024-10-08T10:15",
        },
    )
    response = client.post(
        _url("evidence-statement", reviewed),
        {"expected_version": reviewed.version, "witness_name": "Siti Aminah", "statement": "Saya melihat unggahan."},
    )

    assert _messages(response)[-1] == ("success", "The witness statement was added to the evidence.")
    assert list(
        CaseEvidence.objects.order_by("id").values_list("kind", "source_url", "captured_at", "witness_name")
    ) == [
        ("social_media_capture", "https://www.facebook.com/share/p/abc/", at(2024, 10, 8, 10, 15), ""),
        ("witness_statement", "", None, "Siti Aminah"),
    ]


# --- letters --------------------------------------------------------------------------------------------------------


def test_the_summons_pdf_downloads_for_those_on_the_case(
    reviewed, examiner_user, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        _client(examiner_user).post(_url("summons-issue", reviewed), _summons_data(reviewed))
    letter = Letter.objects.get()
    assert letter.status == "issued"
    url = reverse("casework:letter-download", kwargs={"letter_id": letter.pk})

    response = _client(examiner_user).get(url)

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert _client(examiner("someone-else")).get(url).status_code == 404


# --- the panel: only what is allowed now ----------------------------------------------------------------------------


def _offered(case: Case, user: Any) -> set[str]:
    actions = case_actions_for(case, user)
    names = ["start_review", "team_form", "assign", "examination_record", "examination_report", "forward"]
    names += ["close_not_proven", "dismiss", "withdraw", "merge", "criminal_referral", "evidence"]
    offered = {name for name in names if getattr(actions, name)}
    if actions.summons_issue:
        offered.add(f"summons_{actions.summons_issue}")
    if actions.pending_summons:
        offered.add("attendance")
    return offered


def test_the_panel_offers_an_examiner_only_what_the_status_allows(on_case, examiner_user, officer):
    assert _offered(on_case, examiner_user) == {"start_review", "criminal_referral", "evidence"}
    assert _offered(on_case, officer) == {
        "start_review",
        "assign",
        "dismiss",
        "withdraw",
        "merge",
        "criminal_referral",
        "evidence",
    }


def test_the_panel_follows_the_case_to_the_examination(summoned, examiner_user):
    assert _offered(summoned, examiner_user) == {"attendance", "examination_record", "criminal_referral", "evidence"}


def test_a_heavy_case_under_review_offers_the_team_and_not_the_summons(on_case, officer):
    services.case_start_review(case=on_case, actor=officer, probable_level="heavy", tracks=["discipline"])
    case = Case.objects.get(pk=on_case.pk)

    assert "summons_1" not in _offered(case, officer) and "team_form" in _offered(case, officer)


def test_the_panel_renders_forms_with_the_case_version(on_case, examiner_user):
    from django.template.loader import render_to_string

    html = render_to_string("casework/actions/_panel.html", {"case": on_case, "user": examiner_user})

    assert f'name="expected_version" value="{on_case.version}"' in html
    assert _url("start-review", on_case) in html
    assert _url("dismiss", on_case) not in html


def test_the_panel_is_empty_for_someone_not_on_the_case(on_case):
    from django.template.loader import render_to_string

    html = render_to_string("casework/actions/_panel.html", {"case": on_case, "user": examiner("stranger")})

    assert "case-actions" not in html


# --- who may act ----------------------------------------------------------------------------------------------------

ACTIONS = [
    "start-review",
    "team-form",
    "assign",
    "summons-issue",
    "examination-record",
    "examination-report",
    "forward",
    "close-not-proven",
    "dismiss",
    "withdraw",
    "merge",
    "criminal-referral",
    "evidence-files",
    "evidence-capture",
    "evidence-statement",
]
MANAGE_ONLY = {"team-form", "assign", "dismiss", "withdraw", "merge"}


@pytest.mark.parametrize("name", ACTIONS)
def test_anonymous_visitors_log_in_first(on_case, name):
    response = Client().post(_url(name, on_case), {"expected_version": on_case.version})

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


@pytest.mark.parametrize("name", ACTIONS)
def test_the_permission_matrix(on_case, examiner_user, name):
    before = _snapshot(on_case)
    other_agency = AgencyFactory(code="blitar", name="Kabupaten Blitar", is_default=False)
    cases = {
        "bawaslu office": (BawasluUserFactory(username="bawaslu"), 403),
        "sanctioning official": (UserFactory(username="ppk", roles=[Role.SANCTIONING_OFFICIAL]), 403),
        "intake officer of another agency": (IntakeOfficerFactory(username="lain", agency=other_agency), 404),
        "examiner not on the case": (examiner("tidak-ditugaskan"), 404),
        "examiner on the case": (examiner_user, 403 if name in MANAGE_ONLY else 200),
        "administrator of the agency": (agency_administrator(), 200),
    }
    # An empty POST: refused before the form for those who may not act, the form with its errors for the others.
    got = {who: _client(user).post(_url(name, on_case), {}).status_code for who, (user, _expected) in cases.items()}

    assert got == {who: expected for who, (_user, expected) in cases.items()}
    assert _snapshot(on_case) == before


@pytest.mark.parametrize("name", [name for name in ACTIONS if name != "forward"])
def test_every_action_page_draws_its_form_with_the_case_version(on_case, name):
    response = _client(agency_administrator()).get(_url(name, on_case))

    assert response.status_code == 200
    assert f'name="expected_version" value="{on_case.version}"'.encode() in response.content
    assert f'action="{_url(name, on_case)}"'.encode() in response.content


def test_a_late_summons_two_is_refused_on_the_form_citing_rule_d7(summoned, officer, examiner_user):
    first = Summons.objects.get(case=summoned)
    services.summons_record_absence(summons=first, actor=officer)
    case = Case.objects.get(pk=summoned.pk)
    before = _snapshot(case)

    response = _client(examiner_user).post(
        _url("summons-issue", case),
        _summons_data(case, number="2", scheduled_at="2024-11-25T09:00", sent_on="2024-11-12"),
    )

    assert response.status_code == 200
    ((level, text),) = _messages(response)
    assert level == "error"
    assert text.startswith("Rule D7: after the examination missed on 28 October 2024, summons II must be sent by ")
    assert response.context["form"].errors["sent_on"] == [text]
    assert _snapshot(case) == before
