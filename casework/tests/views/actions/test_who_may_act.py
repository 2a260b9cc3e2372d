"""Who may reach and take each action: visitors log in, other roles and agencies are refused."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from casework.tests.factories import agency_administrator, examiner
from casework.tests.views.actions.helpers import action_url, client_for, snapshot

pytestmark = pytest.mark.django_db


# --- who may act ----------------------------------------------------------------------------------------------------

ACTIONS = [
    "start-review",
    "raise-level",
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
    response = Client().post(action_url(name, on_case), {"expected_version": on_case.version})

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


@pytest.mark.parametrize("name", ACTIONS)
def test_the_permission_matrix(on_case, examiner_user, name):
    before = snapshot(on_case)
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
    got = {
        who: client_for(user).post(action_url(name, on_case), {}).status_code
        for who, (user, _expected) in cases.items()
    }

    assert got == {who: expected for who, (_user, expected) in cases.items()}
    assert snapshot(on_case) == before


@pytest.mark.parametrize("name", [name for name in ACTIONS if name != "forward"])
def test_every_action_page_draws_its_form_with_the_case_version(on_case, name):
    response = client_for(agency_administrator()).get(action_url(name, on_case))

    assert response.status_code == 200
    assert f'name="expected_version" value="{on_case.version}"'.encode() in response.content
    assert f'action="{action_url(name, on_case)}"'.encode() in response.content
