"""The officers' case API: scoping, one action per service, 409 on conflicts, 400/403/404 on the rest."""

import threading
from typing import Any

import pytest
from django.db import connections
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_issue
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory
from casework.models import Case, Summons
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory
from core.audit import audit_verify
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _client(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user).key}")
    return client


def _url(case: Case, action: str = "") -> str:
    return f"/api/v1/cases/{case.pk}/" + (f"actions/{action}/" if action else "")


REVIEW = {"probable_level": "moderate", "tracks": ["discipline"], "note": "Unggahan Facebook."}


def test_officer_lists_the_agency_cases_and_an_examiner_only_theirs(case, officer, examiner_user):
    other = CaseFactory.create(agency=officer.agency, registered_by=officer, accused_name="Lain")
    case.assigned_examiners.add(examiner_user)

    officer_numbers = [item["number"] for item in _client(officer).get("/api/v1/cases/").json()["results"]]
    examiner_numbers = [item["number"] for item in _client(examiner_user).get("/api/v1/cases/").json()["results"]]

    assert officer_numbers == [other.number, case.number]
    assert examiner_numbers == [case.number]
    assert _client(examiner_user).get(_url(other)).status_code == 404


def test_another_agency_officer_does_not_find_the_case(case):
    rejang = AgencyFactory(code="rejang", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    stranger = IntakeOfficerFactory(username="verifikator-rejang", agency=rejang)

    response = _client(stranger).get(_url(case))

    assert response.status_code == 404
    assert _client(stranger).get("/api/v1/cases/").json()["results"] == []
    assert _client(stranger).post(_url(case, "start-review"), {**REVIEW, "expected_version": 1}).status_code == 404


def test_list_filters_like_the_web_list_and_refuses_an_unknown_status(case, officer):
    CaseFactory.create(agency=officer.agency, registered_by=officer, accused_name="Siti Aminah", accused_nip="1990")
    client = _client(officer)

    by_name = client.get("/api/v1/cases/", {"name": "rahmat"}).json()["results"]
    refused = client.get("/api/v1/cases/", {"status": "lost"})

    assert [item["number"] for item in by_name] == [case.number]
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["status"]


def test_detail_shows_status_version_deadlines_and_allowed_actions(case, officer):
    response = _client(officer).get(_url(case), HTTP_ACCEPT_LANGUAGE="en")

    body = response.json()
    assert response.status_code == 200
    assert (body["status"], body["status_label"], body["version"]) == ("registered", "Registered", 1)
    assert body["deadlines"] == []
    assert body["allowed_actions"] == ["start-review", "assign", "dismiss", "withdraw", "merge"]


def test_start_review_moves_the_case_and_answers_the_new_version(case, officer):
    response = _client(officer).post(_url(case, "start-review"), {**REVIEW, "expected_version": 1}, format="json")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["version"]) == ("under_review", 2)
    assert [track["track"] for track in response.json()["tracks"]] == ["discipline"]
    case.refresh_from_db()
    assert (case.status, case.version) == ("under_review", 2)


def test_stale_version_is_a_409_with_a_code_and_writes_nothing(case, officer):
    response = _client(officer).post(_url(case, "dismiss"), {"reason": "Bukan ASN.", "expected_version": 7})

    assert response.status_code == 409
    assert response.json()["code"] == "case_changed"
    assert set(response.json()) == {"detail", "code"}
    case.refresh_from_db()
    assert (case.status, case.version) == ("registered", 1)
    assert not AuditEvent.objects.filter(target_id=case.pk).exists()


def test_a_move_the_table_forbids_is_a_409(case, officer):
    response = _client(officer).post(_url(case, "forward"), {"expected_version": 1})

    assert (response.status_code, response.json()["code"]) == (409, "case_transition_not_allowed")


def test_invalid_input_is_a_400_per_field_and_writes_nothing(case, officer):
    response = _client(officer).post(
        _url(case, "start-review"), {"probable_level": "huge", "tracks": []}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"probable_level", "tracks", "expected_version"}
    case.refresh_from_db()
    assert case.version == 1


def test_service_field_error_is_a_400_with_the_field(case, officer):
    response = _client(officer).post(_url(case, "dismiss"), {"reason": "  ", "expected_version": 1})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["reason"]


def test_examiner_may_not_dismiss_a_case_they_work_on(case, examiner_user):
    case.assigned_examiners.add(examiner_user)

    response = _client(examiner_user).post(_url(case, "dismiss"), {"reason": "Tidak cukup.", "expected_version": 1})

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "registered"


def test_anonymous_is_401_and_a_bawaslu_account_403(case):
    office = BawasluUserFactory(username="bawaslu-lebong")

    assert APIClient().get("/api/v1/cases/").status_code == 401
    assert _client(office).get("/api/v1/cases/").status_code == 403


def test_session_auth_requires_the_csrf_token(case, officer):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(officer)

    response = client.post(_url(case, "dismiss"), {"reason": "Bukan ASN.", "expected_version": 1})

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "registered"


def test_summons_flow_through_the_api_with_the_d6_deadline(case, officer):
    client = _client(officer)
    client.post(_url(case, "start-review"), {**REVIEW, "expected_version": 1}, format="json")
    summons = {
        "number": 1,
        "scheduled_at": at(2024, 1, 15).isoformat(),
        "sent_on": "2024-01-03",
        "delivery_method": "in_person",
        "place": "Ruang Inspektorat",
        "expected_version": 2,
    }

    issued = client.post(_url(case, "summons"), summons, format="json")
    first = Summons.objects.get(case=case, number=1)
    absent = client.post(_url(case, "absence"), {"summons": first.pk, "note": "", "expected_version": 3})

    assert issued.status_code == 200
    assert [d["rule"] for d in issued.json()["deadlines"]] == ["D6"]
    assert absent.status_code == 200
    body = absent.json()
    assert (body["status"], body["version"]) == ("summoned", 4)
    assert ("D7", "2024-01-24") in [(d["rule"], d["due"]) for d in body["deadlines"]]
    assert "summons" in body["allowed_actions"]


def test_merge_into_a_case_the_user_cannot_see_is_a_field_error(case, officer):
    rejang = AgencyFactory(code="rejang", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    elsewhere = CaseFactory.create(agency=rejang, registered_by=IntakeOfficerFactory(username="x", agency=rejang))

    response = _client(officer).post(_url(case, "merge"), {"into": elsewhere.pk, "expected_version": 1})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["into"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_posting_the_same_version_at_once_one_wins_one_gets_409(case, officer):
    colleague = IntakeOfficerFactory(username="verifikator-2", agency=officer.agency)
    clients = [_client(officer), _client(colleague)]
    requests = [
        (_url(case, "start-review"), {**REVIEW, "expected_version": 1}),
        (_url(case, "dismiss"), {"reason": "Bukan ASN Kabupaten Lebong.", "expected_version": 1}),
    ]
    barrier = threading.Barrier(2)
    responses: list[Any] = [None, None]

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            responses[index] = clients[index].post(*requests[index], format="json")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(response.status_code for response in responses) == [200, 409]
    loser = next(response for response in responses if response.status_code == 409)
    winner = next(response for response in responses if response.status_code == 200)
    assert loser.json()["code"] == "case_changed"
    case.refresh_from_db()
    assert (case.status, case.version) == (winner.json()["status"], 2)
    moves = list(AuditEvent.objects.filter(target_id=case.pk).values_list("from_status", "to_status"))
    assert moves == [("registered", case.status)]
    assert audit_verify() is None


def _heavy_case_steps(
    manager: APIClient, client: APIClient, examiner_user: Any
) -> list[tuple[Any, str, dict[str, Any]]]:
    """Who posts which action with which body, from the review to forwarding (the version is added per step).
    Netra numbers the team's decree; no number is sent."""
    return [
        (client, "start-review", {"probable_level": "heavy", "tracks": ["ethics", "discipline"]}),
        (
            manager,
            "form-team",
            {
                "members": [
                    {"role": "direct_superior", "name": "Drs. Syamsul Bahri, M.Pd.", "is_chair": True},
                    {"role": "inspectorate", "name": "Rina Marlina, S.E., M.Ak."},
                    {"role": "bkpsdm", "name": "Hendra Saputra, S.H.", "user": examiner_user.pk},
                ],
            },
        ),
        (
            client,
            "summons",
            {
                "number": 1,
                "scheduled_at": at(2024, 10, 28).isoformat(),
                "sent_on": "2024-10-16",
                "delivery_method": "in_person",
                "place": "Ruang Rapat BKPSDM",
            },
        ),
        (
            client,
            "examination",
            {
                "held_at": at(2024, 10, 28, 9, 30).isoformat(),
                "examiners": [examiner_user.pk],
                "questions_answers": [{"question": "Benar akun itu milik Saudara?", "answer": "Benar."}],
                "examinee_signed": True,
                "place": "Ruang Rapat BKPSDM",
            },
        ),
        (
            client,
            "examination-report",
            {
                "violation_types": ["N04"],
                "act_time": "7 Oktober 2024",
                "act_place": "Facebook",
                "proven": True,
                "recommended_sanction_code": "B1",
                "reported_on": "2024-11-04",
            },
        ),
        (client, "forward", {}),
    ]


def test_an_examiner_walks_a_heavy_case_from_review_to_forwarding_through_the_api(case, officer, examiner_user, travel):
    travel(2024, 10, 14)  # the team's decree is dated the day Netra issues it; the examination follows
    manager, client = _client(officer), _client(examiner_user)
    assigned = manager.post(
        _url(case, "assign"), {"examiners": [examiner_user.pk], "expected_version": 1}, format="json"
    )
    statuses = []
    version = assigned.json()["version"]
    for actor, action, body in _heavy_case_steps(manager, client, examiner_user):
        if action == "examination":
            travel(2024, 11, 4)
        response = actor.post(_url(case, action), {**body, "expected_version": version}, format="json")
        assert response.status_code == 200, (action, response.json())
        version = response.json()["version"]
        statuses.append(response.json()["status"])

    assert assigned.status_code == 200
    assert statuses == ["under_review", "team_formed", "summoned", "examined", "reported", "forwarded_for_decision"]
    case.refresh_from_db()
    assert (case.status, case.version, case.examination_team.members.get(role="bkpsdm").user) == (
        "forwarded_for_decision",
        version,
        examiner_user,
    )
    assert case.examination_team.decision_number == "800/0001/KEP/BKPSDM/2024"
    assert case.examination_report.signatory_role == "team_chair"


def test_assigning_someone_of_another_agency_is_a_field_error(case, officer):
    rejang = AgencyFactory(code="rejang", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    stranger = IntakeOfficerFactory(username="verifikator-rejang", agency=rejang)

    response = _client(officer).post(_url(case, "assign"), {"examiners": [stranger.pk], "expected_version": 1})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["examiners"]


def test_the_list_costs_a_fixed_number_of_queries(case, officer, django_assert_num_queries):
    for _ in range(5):
        CaseFactory.create(agency=officer.agency, registered_by=officer)
    client = _client(officer)
    client.get("/api/v1/cases/")  # warm caches (content types, translations)

    with django_assert_num_queries(3):
        response = client.get("/api/v1/cases/")

    assert len(response.json()["results"]) == 6


def test_the_schema_documents_the_case_actions_with_their_409(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    paths = schema["paths"]
    assert set(paths["/api/v1/cases/"]) == {"get"}
    assert set(paths["/api/v1/cases/{case_id}/"]) == {"get"}
    dismiss = paths["/api/v1/cases/{case_id}/actions/dismiss/"]["post"]
    assert set(dismiss["responses"]) == {"200", "400", "401", "403", "404", "409"}
    assert dismiss["operationId"] == "cases_dismiss"


def test_the_schema_says_what_an_unmerged_case_answers_for_merged_into(client, case, officer):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    answered = _client(officer).get(f"/api/v1/cases/{case.pk}/").json()["merged_into"]

    assert answered is None
    merged_into = schema["components"]["schemas"]["CaseDetail"]["properties"]["merged_into"]
    assert (merged_into["type"], merged_into["readOnly"], merged_into["nullable"]) == ("string", True, True)


def test_out_of_range_ids_are_a_404_or_a_400_never_a_500(case, officer):
    client = _client(officer)
    huge = 10**20

    detail = client.get(f"/api/v1/cases/{huge}/")
    absence = client.post(_url(case, "absence"), {"summons": huge, "expected_version": huge}, format="json")

    assert detail.status_code == 404
    assert absence.status_code == 400
    assert set(absence.json()["errors"]) == {"summons", "expected_version"}


def test_session_auth_with_the_csrf_token_works(case, officer):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(officer)
    token = "n" * 32
    client.cookies["csrftoken"] = token

    response = client.post(
        _url(case, "dismiss"), {"reason": "Bukan ASN.", "expected_version": 1}, HTTP_X_CSRFTOKEN=token
    )

    assert (response.status_code, response.json()["status"]) == (200, "dismissed")
