"""Who sees which case: examiners their own, intake officers and agency administrators the agency's, others none."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from casework import selectors, services
from casework.models import Case
from casework.services import TeamMemberInput
from casework.tests.factories import CaseFactory, agency_administrator, case_in, examiner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(officer: Any, examiner_user: Any) -> dict[str, Any]:
    other_agency = AgencyFactory(code="rejang-lebong", name="Kab. Rejang Lebong", is_default=False)
    team_member = examiner("anggota-tim")
    assigned = CaseFactory.create(agency=officer.agency)
    services.case_assign(case=assigned, actor=officer, examiners=[examiner_user])
    teamed = case_in(Case.Status.UNDER_REVIEW, agency=officer.agency)
    services.examination_team_form(
        case=teamed,
        actor=officer,
        members=[
            TeamMemberInput(role="direct_superior", name="Drs. Sukarni", is_chair=True),
            TeamMemberInput(role="inspectorate", name="Rini Marlina"),
            TeamMemberInput(role="bkpsdm", name="Anggota Tim", user=team_member),
        ],
    )
    unassigned = CaseFactory(agency=officer.agency)
    elsewhere = CaseFactory(agency=other_agency)
    return {
        "cases": {"assigned": assigned, "teamed": teamed, "unassigned": unassigned, "elsewhere": elsewhere},
        "users": {
            "intake_officer": officer,
            "intake_officer_other_agency": IntakeOfficerFactory(username="verifikator-rl", agency=other_agency),
            "administrator": agency_administrator(),
            "examiner_assigned": examiner_user,
            "examiner_on_team": team_member,
            "examiner_unassigned": examiner("pemeriksa-lain"),
            "sanctioning_official": UserFactory(username="pybmh", roles=[Role.SANCTIONING_OFFICIAL]),
            "leadership": UserFactory(username="sekda", roles=[Role.LEADERSHIP]),
            "internal_reporter": UserFactory(username="diskominfo", roles=[Role.INTERNAL_REPORTER]),
            "bawaslu_office": BawasluUserFactory(username="bawaslu-lebong"),
            "anonymous": AnonymousUser(),
        },
    }


VISIBLE = {
    "intake_officer": {"assigned", "teamed", "unassigned"},
    "intake_officer_other_agency": {"elsewhere"},
    "administrator": {"assigned", "teamed", "unassigned"},
    "examiner_assigned": {"assigned"},
    "examiner_on_team": {"teamed"},
    "examiner_unassigned": set(),
    "sanctioning_official": set(),
    "leadership": set(),
    "internal_reporter": set(),
    "bawaslu_office": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("role", VISIBLE)
def test_each_role_sees_exactly_its_cases(world, role):
    user = world["users"][role]
    names = {case.pk: name for name, case in world["cases"].items()}

    visible = {names[case.pk] for case in selectors.case_list_for_user(user=user)}

    assert visible == VISIBLE[role]
    for name, case in world["cases"].items():
        found = selectors.case_get_for_user(user=user, case_id=case.pk)
        assert (found is not None) == (name in VISIBLE[role])


def test_a_handover_moves_visibility_with_the_cases(world):
    leaving, successor = world["users"]["examiner_assigned"], world["users"]["examiner_unassigned"]

    services.officer_handover(leaving_user=leaving, successor=successor, actor=world["users"]["intake_officer"])

    assert list(selectors.case_list_for_user(user=leaving)) == []
    assert list(selectors.case_list_for_user(user=successor)) == [world["cases"]["assigned"]]


@pytest.mark.parametrize("role", ["intake_officer", "examiner_assigned"])
def test_the_case_list_is_one_query_whatever_the_number_of_cases(world, role, django_assert_num_queries):
    user = world["users"][role]
    user.has_role(Role.EXAMINER)  # roles are cached on the user after the first check
    for _ in range(5):
        services.case_assign(
            case=CaseFactory(agency=user.agency),
            actor=world["users"]["intake_officer"],
            examiners=[world["users"]["examiner_assigned"]],
        )

    with django_assert_num_queries(1):
        cases = list(selectors.case_list_for_user(user=user))

    assert len(cases) == {"intake_officer": 8, "examiner_assigned": 6}[role]
    assert all(case.reports_count == 0 for case in cases)


def test_my_cases_are_those_i_am_assigned_to_or_on_the_team_of(world):
    cases = world["cases"]

    mine = {
        role: set(selectors.case_list_mine(user=world["users"][role]))
        for role in ("examiner_assigned", "examiner_on_team", "intake_officer")
    }

    assert mine == {
        "examiner_assigned": {cases["assigned"]},
        "examiner_on_team": {cases["teamed"]},
        "intake_officer": set(),
    }


def test_a_case_is_found_by_number_only_among_those_the_user_sees(world):
    elsewhere = world["cases"]["elsewhere"]

    assert selectors.case_find_by_number(user=world["users"]["intake_officer"], number=elsewhere.number) is None
    assert (
        selectors.case_find_by_number(user=world["users"]["intake_officer_other_agency"], number=elsewhere.number)
        == elsewhere
    )


def test_the_timeline_is_the_case_s_events_oldest_first(world):
    case = world["cases"]["assigned"]

    timeline = list(selectors.case_timeline(case=case))

    assert [event.action for event in timeline] == ["case_assigned"]
    assert {(event.target_type, event.target_id) for event in timeline} == {("casework.case", case.pk)}


def test_the_handover_lists_the_agency_s_examiners_with_the_inactive_and_their_open_cases(world):
    leaving = world["users"]["examiner_assigned"]
    leaving.is_active = False
    leaving.save(update_fields=["is_active"])
    closed = case_in(Case.Status.DISMISSED, agency=leaving.agency)
    closed.assigned_examiners.add(leaving)

    officers = selectors.handover_officers(user=world["users"]["intake_officer"])

    assert {user.username for user in officers} == {"pemeriksa", "anggota-tim", "pemeriksa-lain"}
    assert list(selectors.handover_cases(officer=leaving)) == [world["cases"]["assigned"]]
