"""Staff sessions end after 30 minutes idle and 8 hours after the login; citizens' sessions are left alone."""

import datetime

import pytest
from django.test import Client

from accounts import session_clock
from accounts.tests.factories import UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN_AT = datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC)


@pytest.fixture
def moment(monkeypatch):
    """The clock, set by the test: `moment.now = ...`."""

    class Moment:
        now = LOGIN_AT

    monkeypatch.setattr(session_clock, "_now", lambda: Moment.now)
    return Moment


@pytest.fixture
def staff(client, moment):
    user = UserFactory(username="verifikator")
    client.force_login(user)
    return user


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _after(**delta: float) -> datetime.datetime:
    return LOGIN_AT + datetime.timedelta(**delta)


def test_a_staff_session_idle_for_thirty_minutes_is_logged_out_and_audited(client, staff, moment):
    moment.now = _after(minutes=30)

    response = client.get("/landing/")

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    assert not _logged_in(client)
    event = AuditEvent.objects.filter(action="logged_out").get()
    assert (event.target_id, event.data["reason"]) == (staff.pk, "idle")


def test_a_staff_session_used_within_thirty_minutes_goes_on(client, staff, moment):
    for minutes in (20, 40, 60):  # each request is less than 30 minutes after the one before
        moment.now = _after(minutes=minutes)
        assert client.get("/notifications/").status_code == 200

    assert _logged_in(client)
    assert client.session.get_expiry_age() == 30 * 60


def test_a_staff_session_ends_eight_hours_after_the_login_however_busy(client, staff, moment):
    for minutes in range(20, 8 * 60, 20):
        moment.now = _after(minutes=minutes)
        assert client.get("/notifications/").status_code == 200
    moment.now = _after(hours=8)

    response = client.get("/notifications/")

    assert response.status_code == 302
    assert not _logged_in(client)
    assert AuditEvent.objects.filter(action="logged_out").get().data["reason"] == "absolute"


def test_the_session_store_forgets_a_staff_session_at_its_earlier_limit(client, staff, moment):
    for minutes in range(20, 8 * 60 - 9, 10):  # the last request at 7 h 50 min
        moment.now = _after(minutes=minutes)
        client.get("/notifications/")

    assert _logged_in(client)
    assert client.session.get_expiry_age() == 10 * 60  # the absolute limit comes before the idle one


def test_a_citizens_session_keeps_djangos_lifetime(client):
    session = client.session
    session["citizen"] = "report"
    session.save()

    client.get("/")

    assert client.session.get_expiry_age() == 14 * 24 * 60 * 60
