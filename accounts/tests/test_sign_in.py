"""Staff login: lockout after repeated failures (web form and admin), and what every login event leaves in the
audit trail."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from accounts.tests.factories import UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "netra-test-password"


def _events() -> list[tuple[str, str, int, dict[str, object]]]:
    return list(AuditEvent.objects.order_by("id").values_list("action", "actor_label", "target_id", "data"))


def _post_login(client: Client, username: str, password: str, address: str = "10.0.0.1", url: str = "/login/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_then_the_right_one_is_refused_with_the_lockout_page_in_indonesian(client):
    user = UserFactory(username="verifikator")
    for _attempt in range(5):
        assert _post_login(client, "verifikator", "salah-sekali").status_code in (200, 429)

    response = _post_login(client, "verifikator", PASSWORD)

    assert response.status_code == 429
    assert "Terlalu banyak gagal masuk. Coba lagi dalam 15 menit." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="verifikator").failures_since_start >= 5
    assert user.last_login is None


def test_four_wrong_passwords_then_the_right_one_logs_in_and_clears_the_count(client):
    UserFactory(username="verifikator")
    for _attempt in range(4):
        assert _post_login(client, "verifikator", "salah-sekali").status_code == 200

    response = _post_login(client, "verifikator", PASSWORD)

    assert response.status_code == 302
    assert AccessAttempt.objects.filter(username="verifikator").count() == 0


def test_the_lockout_is_per_address_too_whatever_the_usernames(client):
    UserFactory(username="verifikator")
    for index in range(5):
        _post_login(client, f"tebakan-{index}", "salah-sekali")

    response = _post_login(client, "verifikator", PASSWORD)

    assert response.status_code == 429


def test_a_lockout_at_one_address_leaves_the_account_open_from_another(client):
    UserFactory(username="verifikator")
    for _attempt in range(5):
        _post_login(client, "verifikator", "salah-sekali", address="10.0.0.1")

    response = _post_login(Client(), "verifikator", PASSWORD, address="10.0.0.2")

    assert response.status_code == 302


def test_the_admin_login_is_locked_out_alike(client):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    for _attempt in range(5):
        _post_login(client, "admin", "salah-sekali", url="/admin/login/")

    response = _post_login(client, "admin", PASSWORD, url="/admin/login/")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_login_a_failure_a_lockout_and_a_logout_are_audited_on_the_account(client):
    user = UserFactory(username="verifikator")
    _post_login(client, "verifikator", "salah-sekali")
    _post_login(client, "verifikator", PASSWORD)
    client.post("/logout/", REMOTE_ADDR="10.0.0.1")
    for _attempt in range(5):
        _post_login(client, "verifikator", "salah-sekali")

    events = _events()

    address = {"address": "10.0.0.1"}
    failure = {"address": "10.0.0.1", "locked_out": False}
    assert events == [
        ("login_failed", "anonymous", user.pk, failure),
        ("login_succeeded", "verifikator", user.pk, address),
        ("logged_out", "verifikator", user.pk, {"reason": "user", "address": "10.0.0.1"}),
        *[("login_failed", "anonymous", user.pk, failure)] * 4,
        ("login_locked_out", "anonymous", user.pk, address),
        ("login_failed", "anonymous", user.pk, {**failure, "locked_out": True}),  # the fifth: it locked
    ]


def test_a_failure_for_a_username_no_account_has_writes_no_audit_event(client):
    _post_login(client, "tidak-ada", "salah-sekali")

    assert AuditEvent.objects.count() == 0
    assert AccessAttempt.objects.get(username="tidak-ada").failures_since_start == 1
