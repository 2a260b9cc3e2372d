"""The staff search page (/cases/search/): who may open it, what it shows, in Indonesian."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import IntakeOfficerFactory, UserFactory
from casework.tests.factories import CaseFactory
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

URL = reverse("casework:search")


def _client(user: Any, language: str = "id") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def test_the_officer_finds_a_report_and_its_case_by_the_accused_name(django_assert_max_num_queries: Any) -> None:
    report = ReportFactory.create(tracking_code="NTR-7K2M-Q9XD", accused_name="Budi Santoso")
    case = CaseFactory.create(number="0003/KASUS/LEBONG/2026", accused_name="Budi Santoso", reports=[report])
    client = _client(IntakeOfficerFactory(username="intake"))
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"q": "santoso"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "NTR-7K2M-Q9XD" in page
    assert page.count("0003/KASUS/LEBONG/2026") == 2  # the case row and the report's case
    assert reverse("casework:case-detail", kwargs={"case_id": case.pk}) in page
    assert "Kata yang dicari" in page


def test_nothing_found_is_said_in_indonesian() -> None:
    response = _client(IntakeOfficerFactory(username="intake")).get(URL, {"q": "198001012005031001"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dicari sebagai NIP 198001012005031001." in page
    assert "Tidak ada yang cocok" in page


def test_an_empty_page_shows_only_the_box() -> None:
    response = _client(IntakeOfficerFactory(username="intake")).get(URL)
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()
    assert 'role="status"' not in response.content.decode()


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.BAWASLU_OFFICE, Role.SANCTIONING_OFFICIAL])
def test_roles_that_see_no_case_may_not_search(role: str) -> None:
    response = _client(UserFactory(username="someone", roles=[role])).get(URL, {"q": "budi"})
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_login() -> None:
    response = Client().get(URL, {"q": "budi"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
