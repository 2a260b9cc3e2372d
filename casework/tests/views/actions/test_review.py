"""Starting the review, forming the examination team, assigning examiners; stale versions on every action."""

from typing import Any

import pytest

from casework import services
from casework.models import Case, ExaminationTeam
from casework.tests.views.actions.helpers import action_url, case_page, client_for, messages_of, snapshot

pytestmark = pytest.mark.django_db


# --- review ---------------------------------------------------------------------------------------------------------


def test_an_examiner_starts_the_review(on_case, examiner_user):
    response = client_for(examiner_user).post(
        action_url("start-review", on_case),
        {"expected_version": on_case.version, "probable_level": "moderate", "tracks": ["ethics", "discipline"]},
    )

    assert (response.status_code, response.url) == (302, case_page(on_case))
    assert messages_of(response) == [("success", "The review has started.")]
    on_case.refresh_from_db()
    assert (on_case.status, on_case.probable_level) == ("under_review", "moderate")
    assert set(on_case.tracks.values_list("track", flat=True)) == {"ethics", "discipline"}


def test_a_review_without_a_track_is_refused_on_the_form_and_writes_nothing(on_case, examiner_user):
    before = snapshot(on_case)

    response = client_for(examiner_user).post(
        action_url("start-review", on_case), {"expected_version": on_case.version, "probable_level": "moderate"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"tracks": ["This field is required."]}
    assert messages_of(response) == [("error", "Please correct the fields marked below.")]
    assert snapshot(on_case) == before


def test_a_move_the_table_forbids_is_a_message_not_a_500(examined, examiner_user):
    before = snapshot(examined)

    response = client_for(examiner_user).post(
        action_url("start-review", examined),
        {"expected_version": examined.version, "probable_level": "light", "tracks": ["ethics"]},
    )

    assert response.status_code == 200
    assert messages_of(response) == [("error", "A case in status “Examined” cannot become “Under review”.")]
    assert snapshot(examined) == before


def test_a_stale_version_is_a_conflict_message_and_writes_nothing(on_case, examiner_user, officer):
    seen = on_case.version
    services.case_start_review(case=on_case, actor=officer, probable_level="light", tracks=["ethics"])
    services.case_dismiss(case=on_case, actor=officer, reason="Tidak cukup bukti awal.")
    before = snapshot(on_case)

    response = client_for(examiner_user).post(
        action_url("start-review", on_case), {"expected_version": seen, "probable_level": "heavy", "tracks": ["ethics"]}
    )

    assert (response.status_code, response.url) == (302, case_page(on_case))
    assert messages_of(response) == [
        (
            "error",
            f"Case {on_case.number} was changed by another officer while you were working on it (it is now "
            "“Dismissed”). Reload the case and try again; nothing was saved.",
        )
    ]
    assert snapshot(on_case) == before


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
    before = snapshot(examined)

    response = client_for(officer).post(action_url(name, examined), {"expected_version": seen, **data})

    assert (response.status_code, response.url) == (302, case_page(examined))
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert "was changed by another officer" in messages_of(response)[0][1]
    assert snapshot(examined) == before


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
    response = client_for(officer).get(action_url("team-form", reviewed))

    assert response.status_code == 200
    assert b'name="direct_superior_name"' in response.content and b'name="bkpsdm_user"' in response.content
    assert f'name="expected_version" value="{reviewed.version}"'.encode() in response.content


def test_an_officer_forms_the_team(reviewed, officer, examiner_user):
    response = client_for(officer).post(
        action_url("team-form", reviewed), _team_data(reviewed, bkpsdm_user=examiner_user.pk)
    )

    assert (response.status_code, response.url) == (302, case_page(reviewed))
    team = ExaminationTeam.objects.get(case=reviewed)
    assert list(team.members.values_list("role", "name", "user")) == [
        ("direct_superior", "Dra. Sri Wahyuni", None),
        ("inspectorate", "Budi Santoso, S.H.", None),
        ("bkpsdm", "Hendra Saputra", examiner_user.pk),
    ]
    assert messages_of(response) == [
        (
            "success",
            "The examination team was formed (decision 800/123/BKPSDM/2024); its decision letter is being prepared.",
        )
    ]
    assert Case.objects.get(pk=reviewed.pk).status == "team_formed"


def test_an_incomplete_team_is_refused_and_writes_nothing(reviewed, officer):
    before = snapshot(reviewed)

    response = client_for(officer).post(action_url("team-form", reviewed), _team_data(reviewed, inspectorate_name=""))

    assert response.status_code == 200
    assert response.context["form"].errors == {"inspectorate_name": ["This field is required."]}
    assert snapshot(reviewed) == before


def test_an_examiner_may_not_form_the_team(reviewed, examiner_user):
    before = snapshot(reviewed)

    response = client_for(examiner_user).post(action_url("team-form", reviewed), _team_data(reviewed))

    assert response.status_code == 403
    assert snapshot(reviewed) == before


def test_an_officer_assigns_examiners(case, officer, examiner_user):
    response = client_for(officer).post(
        action_url("assign", case), {"expected_version": case.version, "examiners": [examiner_user.pk]}
    )

    assert (response.status_code, response.url) == (302, case_page(case))
    assert list(case.assigned_examiners.all()) == [examiner_user]
    assert messages_of(response) == [("success", "The examiners of the case were saved.")]
