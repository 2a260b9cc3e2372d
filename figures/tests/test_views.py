"""The dashboard and the drill-down list: who may open them, what each sees, no identity, pinned query counts."""

import re

import pytest
from django.urls import reverse

from figures.tests.world import ACCUSED_NAMES, ACCUSED_NIPS, REPORTER_NAME, REPORTER_PHONE, SECRET_TEXT

DASHBOARD = reverse("figures:dashboard")
CASES = reverse("figures:cases")


def _identity_in(text: str) -> list[str]:
    needles = [REPORTER_NAME, REPORTER_PHONE, "siti@example.com", SECRET_TEXT, *ACCUSED_NAMES, *ACCUSED_NIPS]
    return [needle for needle in needles if needle in text]


@pytest.mark.parametrize("who", ["leader", "officer", "administrator"])
def test_leadership_intake_and_administrators_open_the_dashboard(world, client_for, who):
    response = client_for(getattr(world, who)).get(DASHBOARD)

    assert response.status_code == 200
    assert len(response.context["widgets"]) == 17


def test_others_may_not(world, client_for, client):
    assert client_for(world.examiner).get(DASHBOARD).status_code == 403
    assert client.get(DASHBOARD).status_code == 302


def test_the_dashboard_shows_aggregates_and_no_identity(world, client_for):
    page = client_for(world.leader).get(DASHBOARD).content.decode()

    assert _identity_in(page) == []
    assert "Dinas Pendidikan" in page
    assert 'id="widget-funnel"' in page and "<svg" in page


def test_a_leader_of_agency_b_sees_nothing_of_agency_a(world, client_for):
    response = client_for(world.other_leader).get(DASHBOARD, {"unit": str(world.units["education"].pk)})
    widgets = {view.widget.key: view.widget for view in response.context["widgets"]}
    page = response.content.decode()

    assert widgets["funnel"].rows[1].values[0] == 1  # B's one case; the unit of A was ignored
    assert "Dinas Pendidikan" not in page and "Pilkada Lebong 2024" not in page
    assert response.context["filters"].agency_id == world.other_agency.pk


def test_leadership_drills_down_within_the_figures_and_case_workers_into_the_cases(world, client_for):
    leader = client_for(world.leader).get(DASHBOARD).context["widgets"]
    officer = client_for(world.officer).get(DASHBOARD).context["widgets"]
    unit = str(world.units["education"].pk)

    leader_units = next(view for view in leader if view.widget.key == "by_unit")
    officer_units = next(view for view in officer if view.widget.key == "by_unit")
    assert leader_units.rows[0].href == f"{DASHBOARD}?unit={unit}"
    assert officer_units.rows[0].href == f"{CASES}?unit={unit}"
    assert f'xlink:href="{DASHBOARD}?unit={unit}"' in leader_units.svg
    assert 'tabindex="-1"' in leader_units.svg and 'aria-hidden="true"' in leader_units.svg


def test_a_drill_down_keeps_the_filters_and_states_them_in_words(world, client_for):
    response = client_for(world.leader).get(DASHBOARD, {"from": "2024-11-01", "to": "2024-11-30", "channel": "bkn"})
    statements = [(s.name, s.value) for s in response.context["statements"]]
    by_unit = next(view for view in response.context["widgets"] if view.widget.key == "by_unit")

    assert statements[0][0] == "period" and "2024" in statements[0][1]
    assert statements[1][0] == "channel"
    assert (
        by_unit.rows[0].href == f"{DASHBOARD}?from=2024-11-01&to=2024-11-30&channel=bkn&unit={world.units['health'].pk}"
    )


def test_the_page_is_one_fixed_number_of_queries_and_fewer_when_warm(world, client_for, django_assert_num_queries):
    client = client_for(world.leader)
    with django_assert_num_queries(44):
        client.get(DASHBOARD)
    # Warm: the session, the user, the roles, the form's choices, the refresh state (twice) — the widgets are cached.
    with django_assert_num_queries(8):
        client.get(DASHBOARD)


def test_the_drill_down_list_is_for_case_workers_and_scoped(world, client_for, django_assert_num_queries):
    assert client_for(world.leader).get(CASES).status_code == 403
    client = client_for(world.officer)
    response = client.get(CASES, {"unit": str(world.units["education"].pk)})
    numbers = re.findall(r"\d{4}/KASUS/LEBONG/2024", response.content.decode())

    assert sorted(numbers) == sorted(world.cases[key].number for key in ("c1", "c2", "c7", "c6"))
    assert _identity_in(response.content.decode()) == []
    with django_assert_num_queries(7):
        client.get(CASES, {"step": "decided"})


def test_the_drill_down_list_of_agency_b_shows_none_of_a(world, client_for):
    from accounts.roles import Role
    from figures.tests.world import _user

    officer_b = _user("verifikator-b2", world.other_agency, Role.INTAKE_OFFICER)
    page = client_for(officer_b).get(CASES).content.decode()

    assert re.findall(r"\d{4}/KASUS/LEBONG/2024", page) == []
    assert "0001/KASUS/REJANG/2024" in page
