"""The officer handover page: every open case of a leaving officer goes to a successor in one audited action."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from casework.models import Case
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = "/cases/handover/"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def leaving(agency: Any) -> Any:
    return examiner("pemeriksa-pindah", first_name="Dedi", last_name="Kurniawan")


@pytest.fixture
def successor(agency: Any) -> Any:
    return examiner("pemeriksa-baru", first_name="Rina", last_name="Marlina")


@pytest.fixture
def their_cases(officer: Any, leaving: Any) -> list[Case]:
    cases = [CaseFactory.create(agency=officer.agency, registered_by=officer) for _ in range(2)]
    closed = CaseFactory.create(agency=officer.agency, registered_by=officer, status=Case.Status.DISMISSED)
    for case in [*cases, closed]:
        case.assigned_examiners.add(leaving)
    return cases


def test_the_case_list_links_to_the_handover_page_for_intake_officers(officer):
    page = _client(officer).get("/cases/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'href="{URL}"' in page


def test_choosing_the_leaving_officer_lists_their_open_cases(officer, leaving, successor, their_cases):
    response = _client(officer).get(URL, {"leaving": leaving.pk}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert list(response.context["cases"]) == sorted(their_cases, key=lambda case: (case.registered_at, case.pk))
    assert "Open cases of Dedi Kurniawan" in response.content.decode()


def test_handover_moves_every_open_case_and_is_audited(officer, leaving, successor, their_cases):
    response = _client(officer).post(URL, {"leaving": leaving.pk, "successor": successor.pk}, HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Location"]) == (302, "/cases/")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["2 open cases were handed over to Rina Marlina."]
    for case in their_cases:
        assert list(case.assigned_examiners.all()) == [successor]
    dismissed = Case.objects.get(status=Case.Status.DISMISSED)
    assert list(dismissed.assigned_examiners.all()) == [leaving]
    event = AuditEvent.objects.get(action="officer_handover")
    assert (event.actor, event.data["successor"], sorted(event.data["cases"])) == (
        officer,
        "pemeriksa-baru",
        sorted(case.number for case in their_cases),
    )
    assert AuditEvent.objects.filter(action="case_handed_over").count() == 2


def test_an_inactive_officer_can_still_be_handed_over_but_not_chosen_as_successor(
    officer, leaving, successor, their_cases
):
    leaving.is_active = False
    leaving.save(update_fields=["is_active"])

    refused = _client(officer).post(URL, {"leaving": successor.pk, "successor": leaving.pk})
    done = _client(officer).post(URL, {"leaving": leaving.pk, "successor": successor.pk})

    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["successor"]
    assert done.status_code == 302


def test_the_same_officer_as_successor_is_refused_and_nothing_changes(officer, leaving, their_cases):
    events = AuditEvent.objects.count()

    response = _client(officer).post(URL, {"leaving": leaving.pk, "successor": leaving.pk})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["successor"]
    assert AuditEvent.objects.count() == events


def test_an_agency_administrator_may_hand_over(leaving, successor, their_cases):
    response = _client(agency_administrator()).post(URL, {"leaving": leaving.pk, "successor": successor.pk})

    assert response.status_code == 302


def test_an_examiner_may_not_open_the_handover_page(leaving):
    assert _client(leaving).get(URL).status_code == 403


def test_the_page_has_no_duplicate_field_ids(officer, leaving, successor, their_cases):
    page = _client(officer).get(URL, {"leaving": leaving.pk}).content.decode()

    assert page.count('id="id_leaving"') == 1
    assert page.count('id="pick_leaving"') == 1
