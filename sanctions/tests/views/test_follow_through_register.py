"""The follow-through register page: for BKPSDM and leadership, overdue rows first."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework.models import Case
from sanctions.models import Decision
from sanctions.tests.decision_helpers import World
from sanctions.tests.views.helpers import (
    client_for,
)

pytestmark = pytest.mark.django_db

_S = Decision.Status


# --- the follow-through register ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("officer", 200), ("leader", 200), ("examiner", 403), ("bupati", 403)])
def test_the_follow_through_register_is_for_bkpsdm_and_leadership(world: World, who: str, status: int) -> None:
    users = {
        "officer": world.officer,
        "leader": UserFactory(username="pimpinan", roles=[Role.LEADERSHIP]),
        "examiner": world.examiner,
        "bupati": world.bupati,
    }

    response = client_for(users[who]).get(reverse("sanctions:follow-through"))

    assert response.status_code == status


def test_the_register_highlights_an_overdue_recommendation_and_names_the_official(case: Case, world: World) -> None:
    # The Bawaslu forwarding of the case was received on 2024-10-10: long overdue without a signed decision.
    response = client_for(world.officer).get(reverse("sanctions:follow-through"))

    content = response.content.decode()
    [row] = [row for row in response.context["rows"] if row.channel == "bawaslu"]
    assert row.is_overdue
    assert row.responsible == "Kopli Ansori (Bupati Lebong)"
    assert f'<tr class="overdue" data-report="{row.report.pk}">' in content
    assert "Kopli Ansori (Bupati Lebong)" in content
    assert reverse("casework:case-detail", kwargs={"case_id": case.pk}) in content


def test_leadership_reads_the_register_without_links_to_the_confidential_pages(case: Case, world: World) -> None:
    leader = UserFactory(username="pimpinan", roles=[Role.LEADERSHIP])

    response = client_for(leader).get(reverse("sanctions:follow-through"))

    assert response.status_code == 200
    assert response.context["links"] is False
    assert reverse("casework:case-detail", kwargs={"case_id": case.pk}) not in response.content.decode()
