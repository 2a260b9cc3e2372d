"""Starting the review, forming the examination team, assigning examiners; stale versions on every action."""

from typing import Any

import pytest

from casework import services
from casework.models import Case, ExaminationTeam, Letter
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


# --- raising the probable level ------------------------------------------------------------------------------------


def test_raising_a_summoned_case_to_heavy_sends_it_back_to_form_the_team(summoned, examiner_user):
    response = client_for(examiner_user).post(
        action_url("raise-level", summoned),
        {"expected_version": summoned.version, "probable_level": "heavy", "reason": "Akun publik, ribuan pengikut."},
    )

    assert (response.status_code, response.url) == (302, case_page(summoned))
    assert messages_of(response) == [
        ("success", "The probable level is now heavy: form the examination team, then summon the accused again.")
    ]
    summoned.refresh_from_db()
    assert (summoned.status, summoned.probable_level) == ("under_review", "heavy")


def test_the_raise_page_offers_only_higher_levels_and_needs_a_reason(summoned, examiner_user):
    before = snapshot(summoned)
    client = client_for(examiner_user)

    page = client.get(action_url("raise-level", summoned))
    response = client.post(
        action_url("raise-level", summoned), {"expected_version": summoned.version, "probable_level": "heavy"}
    )

    assert [value for value, _label in page.context["form"].fields["probable_level"].choices] == ["heavy"]
    assert response.context["form"].errors == {"reason": ["This field is required."]}
    assert snapshot(summoned) == before


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
        "chair": "direct_superior",
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


def test_the_team_page_names_who_will_sign_the_decree(reviewed, officer):
    response = client_for(officer).get(action_url("team-form", reviewed))

    assert "Netra's decree will be signed by Kopli Ansori (Bupati Lebong)." in response.content.decode()
    assert b'name="decision_number"' in response.content  # only for a decree already issued on paper
    assert b'name="chair"' in response.content


def test_an_officer_forms_the_team_and_netra_numbers_its_decree(reviewed, officer, examiner_user):
    response = client_for(officer).post(
        action_url("team-form", reviewed), _team_data(reviewed, bkpsdm_user=examiner_user.pk, chair="bkpsdm")
    )

    assert (response.status_code, response.url) == (302, case_page(reviewed))
    team = ExaminationTeam.objects.get(case=reviewed)
    letter = Letter.objects.get(kind="examination_team_decision")
    assert (team.letter, team.decision_number, team.decree_is_external) == (letter, letter.number, False)
    assert list(team.members.values_list("role", "name", "user", "is_chair")) == [
        ("direct_superior", "Dra. Sri Wahyuni", None, False),
        ("inspectorate", "Budi Santoso, S.H.", None, False),
        ("bkpsdm", "Hendra Saputra", examiner_user.pk, True),
    ]
    assert messages_of(response) == [
        (
            "success",
            f"The examination team was formed (decision {letter.number}); its decision letter is being prepared.",
        )
    ]
    assert Case.objects.get(pk=reviewed.pk).status == "team_formed"


def test_a_team_formed_on_paper_is_recorded_with_its_own_decree(reviewed, officer):
    data = _team_data(reviewed, external_decree="on", decision_number="800/77/BKPSDM/2024", decision_date="2024-10-10")

    response = client_for(officer).post(action_url("team-form", reviewed), data)

    assert messages_of(response) == [
        ("success", "The examination team was recorded with the decree 800/77/BKPSDM/2024 issued on paper.")
    ]
    team = ExaminationTeam.objects.get(case=reviewed)
    assert (team.decision_number, team.decision_date.isoformat(), team.decree_is_external, team.letter) == (
        "800/77/BKPSDM/2024",
        "2024-10-10",
        True,
        None,
    )
    assert not Letter.objects.filter(kind="examination_team_decision").exists()


def test_a_paper_decree_without_its_number_is_refused_on_the_form(reviewed, officer):
    before = snapshot(reviewed)

    response = client_for(officer).post(
        action_url("team-form", reviewed), _team_data(reviewed, external_decree="on", decision_date="2024-10-10")
    )

    assert response.context["form"].errors == {"decision_number": ["Give the number of the decree issued on paper."]}
    assert snapshot(reviewed) == before


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
