"""`manage.py bawaslu_office_create`: office, account, token on the last line; repeats refused or rotated."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_digest, api_token_find
from accounts.models import Agency, ApiToken, BawasluOffice, User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluOfficeFactory, UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

FORWARDINGS = "/api/v1/bawaslu/forwardings/"


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("bawaslu_office_create", *args, stdout=out)
    return out.getvalue().splitlines()


def _counts() -> tuple[int, int, int, int]:
    return BawasluOffice.objects.count(), User.objects.count(), ApiToken.objects.count(), AuditEvent.objects.count()


def _works(token: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get(FORWARDINGS).status_code == 200


def test_creates_office_account_and_token_printed_as_the_last_line():
    agency = AgencyFactory()

    lines = run("Bawaslu Kabupaten Lebong")

    office = BawasluOffice.objects.get()
    user = User.objects.get(bawaslu_office=office)
    assert (office.name, office.agency) == ("Bawaslu Kabupaten Lebong", agency)
    assert user.username == "bawaslu-kabupaten-lebong"
    assert list(user.groups.values_list("name", flat=True)) == [Role.BAWASLU_OFFICE.value]
    assert not user.has_usable_password()
    assert api_token_find(lines[-1]).user == user  # type: ignore[union-attr]
    assert _works(lines[-1])
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        "api_token_issued",
        "bawaslu_office_created",
    ]


def test_options_choose_the_agency_username_and_email():
    AgencyFactory()
    other = Agency.objects.create(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", region_name="RL")

    run(
        "Bawaslu Kabupaten Rejang Lebong",
        "--agency",
        "rejang-lebong",
        "--username",
        "bwsl-rl",
        "--email",
        "rl@bawaslu.go.id",
    )

    office = BawasluOffice.objects.get()
    user = User.objects.get()
    assert (office.agency, office.email) == (other, "rl@bawaslu.go.id")
    assert (user.username, user.email, user.bawaslu_office) == ("bwsl-rl", "rl@bawaslu.go.id", office)


def test_running_again_for_an_existing_office_is_refused_and_creates_nothing():
    AgencyFactory()
    first = run("Bawaslu Kabupaten Lebong")
    before = _counts()

    with pytest.raises(CommandError, match="--rotate-token"):
        run("bawaslu  kabupaten lebong", "--username", "another")

    assert _counts() == before
    assert _works(first[-1])


def test_a_taken_username_is_refused_and_creates_nothing():
    AgencyFactory()
    UserFactory(username="bawaslu-kabupaten-lebong")
    before = _counts()

    with pytest.raises(CommandError, match="bawaslu-kabupaten-lebong"):
        run("Bawaslu Kabupaten Lebong")

    assert _counts() == before


def test_an_unknown_agency_is_refused_and_creates_nothing():
    AgencyFactory()
    before = _counts()

    with pytest.raises(CommandError, match="tidak-ada"):
        run("Bawaslu Kabupaten Lebong", "--agency", "tidak-ada")

    assert _counts() == before


def test_without_any_agency_the_command_explains_and_creates_nothing():
    with pytest.raises(CommandError):
        run("Bawaslu Kabupaten Lebong")

    assert _counts() == (0, 0, 0, 0)


def test_rotate_token_replaces_the_token_and_the_old_one_stops_working():
    AgencyFactory()
    old = run("Bawaslu Kabupaten Lebong")[-1]

    new = run("Bawaslu Kabupaten Lebong", "--rotate-token")[-1]

    assert new != old
    assert ApiToken.objects.filter(revoked_at__isnull=True).get().digest == api_token_digest(new)
    assert _works(new) and not _works(old)
    assert BawasluOffice.objects.count() == 1 and User.objects.count() == 1
    assert AuditEvent.objects.order_by("id").last().action == "bawaslu_token_rotated"


def test_rotate_token_for_an_unknown_office_is_refused():
    AgencyFactory()

    with pytest.raises(CommandError):
        run("Bawaslu Kabupaten Tidak Ada", "--rotate-token")

    assert _counts() == (0, 0, 0, 0)


def test_rotate_token_with_several_accounts_needs_the_username():
    office = BawasluOfficeFactory(agency=AgencyFactory())
    UserFactory(username="satu", bawaslu_office=office, roles=[Role.BAWASLU_OFFICE])
    UserFactory(username="dua", bawaslu_office=office, roles=[Role.BAWASLU_OFFICE])

    with pytest.raises(CommandError):
        run(office.name, "--rotate-token")
    token = run(office.name, "--rotate-token", "--username", "dua")[-1]

    assert api_token_find(token).user.username == "dua"  # type: ignore[union-attr]
