"""The agency administrator's staff pages: create an account (a password link e-mailed), change its roles,
deactivate and reactivate it, each audited on the account; never another agency's account or a superuser."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import staff_administration as staff
from accounts.models import User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, UserFactory
from core.errors import DomainError, PermissionDenied
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin() -> User:
    return UserFactory.create(username="admin-bkpsdm", roles=[Role.ADMINISTRATOR], is_staff=True)


def _client(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(user)
    return client


def _events(account: User) -> list[tuple[str, Any]]:
    rows = AuditEvent.objects.filter(target_type="accounts.user", target_id=account.pk).order_by("id")
    return [(event.action, event.data) for event in rows]


def test_an_administrator_creates_an_account_that_gets_a_link_to_set_its_password(
    admin, django_capture_on_commit_callbacks
):
    data = {"username": "pemeriksa-baru", "first_name": "Rina", "last_name": "Marlina", "email": "rina@lebong.go.id"}
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(admin).post(reverse("account:staff-create"), {**data, "roles": ["examiner"]})

    account = User.objects.get(username="pemeriksa-baru")
    assert response.status_code == 302
    assert (account.agency_id, account.has_usable_password(), account.has_role(Role.EXAMINER)) == (
        admin.agency_id,
        False,
        True,
    )
    assert [action for action, _ in _events(account)] == ["staff_account_created", "staff_password_link_sent"]
    assert [message.to for message in mail.outbox] == [["rina@lebong.go.id"]]
    assert "/account/password-reset/" in mail.outbox[0].body


def test_a_new_account_without_a_role_is_refused_and_nothing_is_written(admin):
    response = _client(admin).post(
        reverse("account:staff-create"), {"username": "x", "first_name": "X", "email": "x@lebong.go.id"}
    )

    assert response.status_code == 200
    assert not User.objects.filter(username="x").exists()
    assert "id_roles_error" in response.content.decode()


def test_a_taken_username_is_refused_on_the_form_and_nothing_is_written(admin):
    UserFactory.create(username="pemeriksa", roles=[Role.EXAMINER])
    data = {"username": "pemeriksa", "first_name": "Rina", "email": "rina@lebong.go.id", "roles": ["examiner"]}

    response = _client(admin).post(reverse("account:staff-create"), data)

    assert response.status_code == 200
    assert "Nama pengguna “pemeriksa” sudah dipakai." in response.content.decode()
    assert User.objects.filter(username="pemeriksa").count() == 1
    assert not mail.outbox


def test_roles_change_is_audited_with_what_was_added_and_removed(admin):
    account = UserFactory.create(username="verifikator", roles=[Role.INTAKE_OFFICER])

    staff.staff_roles_set(actor=admin, account=account, roles=["examiner", "leadership"])

    assert sorted(account.groups.values_list("name", flat=True)) == ["examiner", "leadership"]
    assert _events(account)[-1] == (
        "staff_roles_changed",
        {"added": ["examiner", "leadership"], "removed": ["intake_officer"]},
    )


def test_an_administrator_keeps_their_own_administration_and_account(admin):
    with pytest.raises(DomainError):
        staff.staff_roles_set(actor=admin, account=admin, roles=["examiner"])
    with pytest.raises(DomainError):
        staff.staff_account_set_active(actor=admin, account=admin, active=False, reason="Pindah tugas.")
    assert admin.has_role(Role.ADMINISTRATOR) and User.objects.get(pk=admin.pk).is_active
    assert _events(admin) == []


def test_deactivating_needs_a_reason_and_reactivating_restores_the_login(admin):
    account = UserFactory.create(username="pemeriksa", roles=[Role.EXAMINER])
    with pytest.raises(DomainError):
        staff.staff_account_set_active(actor=admin, account=account, active=False, reason=" ")
    assert User.objects.get(pk=account.pk).is_active

    page = reverse("account:staff-detail", args=[account.pk])
    _client(admin).post(page, {"action": "deactivate", "reason": "Pensiun."})
    assert not User.objects.get(pk=account.pk).is_active
    _client(admin).post(page, {"action": "reactivate"})
    assert User.objects.get(pk=account.pk).is_active
    assert [(action, data) for action, data in _events(account)] == [
        ("staff_account_active_changed", {"active": False}),
        ("staff_account_active_changed", {"active": True}),
    ]


def test_another_agency_s_account_a_superuser_and_a_body_s_account_are_not_administered(admin):
    other = AgencyFactory.create(code="rejang", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    theirs = UserFactory.create(username="verifikator-rl", agency=other, roles=[Role.INTAKE_OFFICER])
    root = UserFactory.create(username="root", is_superuser=True, roles=[Role.ADMINISTRATOR])
    body = UserFactory.create(username="bkn-lebong", roles=[Role.BKN])

    for account in (theirs, root, body):
        assert _client(admin).get(reverse("account:staff-detail", args=[account.pk])).status_code == 404
        with pytest.raises(PermissionDenied):
            staff.staff_roles_set(actor=admin, account=account, roles=["examiner"])
    listed = _client(admin).get(reverse("account:staff-list")).content.decode()
    assert "verifikator-rl" not in listed and "bkn-lebong" not in listed and ">root<" not in listed


@pytest.mark.parametrize("role", [Role.INTAKE_OFFICER, Role.EXAMINER, Role.LEADERSHIP, Role.SANCTIONING_OFFICIAL])
def test_only_administrators_open_the_staff_pages(role):
    user = UserFactory.create(username=f"u-{role}", roles=[role])
    assert _client(user).get(reverse("account:staff-list")).status_code == 403


def test_the_staff_list_reads_a_fixed_number_of_queries(admin, django_assert_num_queries):
    for number in range(5):
        UserFactory.create(username=f"akun-{number}", roles=[Role.EXAMINER])
    client = _client(admin)
    client.get(reverse("account:staff-list"))
    with django_assert_num_queries(5):  # session, user, roles, the accounts, their groups
        assert client.get(reverse("account:staff-list")).status_code == 200
