"""The web-action layer: GET draws the page; POST validates, calls one service, redirects with a message; refusals
come back as messages (conflict → the target's page, domain error → the form), never as a 500 or a half-save."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from core.models import DayOff

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.web_action_urls")]


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("staff", password="netra-test-password", is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def day_off():
    return DayOff.objects.create(date=datetime.date(2026, 3, 20), name="Libur daerah", legal_basis="Keputusan Bupati")


def url(day_off):
    return f"/day-offs/{day_off.pk}/rename/"


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_get_draws_the_page_with_the_form_and_the_way_back(client, staff, day_off):
    response = client.get(url(day_off))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Rename the day off</h1>" in page
    assert f'href="/day-offs/{day_off.pk}/"' in page
    assert 'name="name"' in page


def test_a_valid_post_calls_the_service_and_redirects_to_the_target_with_its_message(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "ok"})

    assert (response.status_code, response["Location"]) == (302, f"/day-offs/{day_off.pk}/")
    assert texts(response) == ["Renamed."]
    day_off.refresh_from_db()
    assert day_off.name == "Libur baru"


def test_a_done_with_another_target_redirects_there(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "elsewhere"})

    assert response["Location"] == "/day-offs/0/"
    assert texts(response) == ["Renamed; see the list."]


def test_an_invalid_form_comes_back_with_the_fields_marked_and_nothing_saved(client, staff, day_off):
    response = client.post(url(day_off), {"name": "", "outcome": "ok"})

    assert response.status_code == 200
    assert "has-error" in response.content.decode()
    day_off.refresh_from_db()
    assert day_off.name == "Libur daerah"


def test_a_conflict_goes_back_to_the_target_page_with_the_message(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "conflict"})

    assert (response.status_code, response["Location"]) == (302, f"/day-offs/{day_off.pk}/")
    assert texts(response) == ["Someone else changed it."]
    day_off.refresh_from_db()
    assert day_off.name == "Libur daerah"


def test_a_domain_error_comes_back_on_the_form(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "domain"})

    assert response.status_code == 200
    assert "Not like that." in response.content.decode()


def test_a_domain_error_naming_a_service_argument_marks_the_form_field_that_carries_it(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "field"})

    form = response.context["form"]
    assert form.errors["name"] == ["A better title, please."]


def test_a_service_refusing_the_user_is_a_403(client, staff, day_off):
    response = client.post(url(day_off), {"name": "Libur baru", "outcome": "denied"})

    assert response.status_code == 403


def test_a_target_the_predicate_refuses_is_a_403_before_any_form(client, staff, day_off):
    day_off.kind = DayOff.Kind.WORKING_DAY
    day_off.save()

    assert client.get(url(day_off)).status_code == 403
    assert client.post(url(day_off), {"name": "x", "outcome": "ok"}).status_code == 403


def test_an_unknown_target_is_a_404(client, staff):
    assert client.get("/day-offs/999999/rename/").status_code == 404


def test_the_role_check_sends_visitors_to_log_in_and_refuses_other_accounts(client, day_off):
    visitor = client.get(url(day_off))
    other = get_user_model().objects.create_user("other", password="netra-test-password")
    client.force_login(other)

    assert (visitor.status_code, visitor["Location"].split("?")[0]) == (302, "/login/")
    assert client.get(url(day_off)).status_code == 403


def inline_url(day_off):
    return f"/day-offs/{day_off.pk}/rename-here/"


def test_an_action_without_a_page_of_its_own_answers_post_only(client, staff, day_off):
    assert client.get(inline_url(day_off)).status_code == 405


def test_an_action_without_a_page_of_its_own_succeeds_like_any_other(client, staff, day_off):
    response = client.post(inline_url(day_off), {"name": "Libur baru", "outcome": "ok"})

    assert (response.status_code, response["Location"]) == (302, f"/day-offs/{day_off.pk}/")
    assert texts(response) == ["Renamed."]


def test_an_invalid_form_without_a_page_of_its_own_goes_back_to_the_target_with_the_errors(client, staff, day_off):
    response = client.post(inline_url(day_off), {"name": "", "outcome": "ok"})

    assert (response.status_code, response["Location"]) == (302, f"/day-offs/{day_off.pk}/")
    assert texts(response) == ["Bidang ini harus diisi."]
    day_off.refresh_from_db()
    assert day_off.name == "Libur daerah"


def test_a_refusal_without_a_page_of_its_own_goes_back_to_the_target_with_the_message(client, staff, day_off):
    response = client.post(inline_url(day_off), {"name": "Libur baru", "outcome": "field"})

    assert (response.status_code, response["Location"]) == (302, f"/day-offs/{day_off.pk}/")
    assert texts(response) == ["A better title, please."]
