"""API tokens: only their hash is stored; they expire, can be revoked and rotated; the header stays
`Authorization: Token <key>`."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_issue, api_token_revoke, api_token_rotate
from accounts.models import ApiToken
from accounts.tests.factories import AgencyFactory, BawasluUserFactory
from core import clock
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

FORWARDINGS = "/api/v1/bawaslu/forwardings/"


@pytest.fixture
def office_user():
    AgencyFactory()
    return BawasluUserFactory(username="bawaslu-lebong")


def _status(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(FORWARDINGS).status_code


def _events() -> list[tuple[str, str]]:
    return [(event.action, event.data.get("reason", "")) for event in AuditEvent.objects.order_by("id")]


def test_an_issued_key_opens_the_api_and_only_its_hash_is_stored(office_user):
    issued = api_token_issue(user=office_user)

    assert _status(issued.key) == 200
    assert len(issued.key) == 40
    stored = ApiToken.objects.values_list("digest", "prefix").get()
    assert issued.key not in stored[0]
    assert stored[1] == issued.key[:8]
    assert issued.token.expires_at - issued.token.created_at == datetime.timedelta(days=180)
    event = AuditEvent.objects.get()
    assert (event.action, event.target_id, event.data["prefix"]) == ("api_token_issued", office_user.pk, stored[1])


def test_an_expired_key_is_401_with_the_token_challenge(office_user, monkeypatch):
    issued = api_token_issue(user=office_user, days=1)
    later = issued.token.expires_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issued.key}")
    response = client.get(FORWARDINGS)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_revoked_key_is_401_at_once(office_user):
    first, second = api_token_issue(user=office_user), api_token_issue(user=office_user)

    assert api_token_revoke(user=office_user) == 2

    assert (_status(first.key), _status(second.key)) == (401, 401)
    assert _events() == [("api_token_issued", ""), ("api_token_issued", ""), *[("api_token_revoked", "revoked")] * 2]


def test_rotation_replaces_the_key_and_the_old_one_stops_working(office_user):
    old = api_token_issue(user=office_user)

    new = api_token_rotate(user=office_user)

    assert (_status(old.key), _status(new.key)) == (401, 200)
    assert _events() == [("api_token_issued", ""), ("api_token_revoked", "rotated"), ("api_token_issued", "")]


def test_a_deactivated_accounts_key_is_401(office_user):
    issued = api_token_issue(user=office_user)
    office_user.is_active = False
    office_user.save(update_fields=["is_active"])

    assert _status(issued.key) == 401


def test_a_lifetime_under_a_day_is_refused_and_nothing_is_issued(office_user):
    with pytest.raises(CommandError):
        call_command("api_token", "issue", "bawaslu-lebong", "--days", "0", stdout=io.StringIO())

    assert ApiToken.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_the_command_issues_rotates_and_revokes(office_user):
    out = io.StringIO()
    call_command("api_token", "issue", "bawaslu-lebong", "--days", "30", stdout=out)
    first = out.getvalue().splitlines()[-1]
    out = io.StringIO()
    call_command("api_token", "rotate", "bawaslu-lebong", stdout=out)
    second = out.getvalue().splitlines()[-1]

    assert (_status(first), _status(second)) == (401, 200)
    call_command("api_token", "revoke", "bawaslu-lebong", stdout=io.StringIO())
    assert _status(second) == 401
    with pytest.raises(CommandError):
        call_command("api_token", "issue", "tidak-ada", stdout=io.StringIO())
