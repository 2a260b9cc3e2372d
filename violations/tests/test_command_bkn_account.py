"""`manage.py bkn_account_create`: BKN's account for an agency (role BKN), its token last; a taken name refused."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_find
from accounts.models import ApiToken, User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("bkn_account_create", *args, stdout=out)
    return out.getvalue().splitlines()


def test_creates_the_account_and_prints_a_working_token_last():
    agency = AgencyFactory()

    lines = run("bkn-lebong")

    user = User.objects.get(username="bkn-lebong")
    assert (user.agency, user.has_role(Role.BKN), user.has_usable_password()) == (agency, True, False)
    assert api_token_find(lines[-1]).user == user  # type: ignore[union-attr]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {lines[-1]}")
    assert client.get("/api/v1/bkn/recommendations/").status_code == 200
    event = AuditEvent.objects.get(action="bkn_account_created")
    assert (event.target_id, event.data) == (user.pk, {"agency": agency.code})


def test_a_taken_username_is_refused_and_nothing_is_created():
    AgencyFactory()
    UserFactory(username="bkn-lebong")
    before = (User.objects.count(), ApiToken.objects.count(), AuditEvent.objects.count())

    with pytest.raises(CommandError):
        run("bkn-lebong")

    assert (User.objects.count(), ApiToken.objects.count(), AuditEvent.objects.count()) == before
