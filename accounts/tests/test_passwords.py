"""Passwords: the rules (12 characters, not common, not like the account, not all digits), the change in the
profile and the reset by e-mail, each audited."""

import re

import pytest
from django.contrib.auth import password_validation
from django.core import mail
from django.core.exceptions import ValidationError

from accounts import services
from accounts.tests.factories import UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "netra-test-password"
NEW_PASSWORD = "Kopi-Tubruk-Rejang-77"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Lebong2024", "password_too_short"),  # the probe's password: 10 characters
        ("password1234", "password_too_common"),
        ("202412345678", "password_entirely_numeric"),
        ("verifikator-lebong", "password_too_similar"),
    ],
)
def test_a_weak_password_is_refused_by_the_rules(password, code):
    user = UserFactory.build(username="verifikator-lebong", email="verifikator@lebongkab.go.id")

    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password(password, user)

    assert code in [error.code for error in refused.value.error_list]


def test_the_service_refuses_a_short_password_and_keeps_the_old_one():
    user = UserFactory(username="verifikator")

    with pytest.raises(services.DomainError) as refused:
        services.account_set_password(user=user, password="Lebong2024")

    assert refused.value.code == "password_invalid"
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert AuditEvent.objects.count() == 0


def test_the_factories_password_passes_the_rules():
    # (the demo's published password is checked by demo/tests/test_demo.py, for each demo account)
    password_validation.validate_password(PASSWORD, UserFactory.build(username="intake", email="intake@x.go.id"))


def test_the_profile_changes_the_password_after_the_old_one_and_audits_it(client):
    user = UserFactory(username="verifikator")
    client.force_login(user)

    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.url == "/account/password/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/account/profile/").status_code == 200  # this session goes on
    event = AuditEvent.objects.get(action="account_password_set")
    assert (event.actor_id, event.target_id, event.data) == (user.pk, user.pk, {"username": "verifikator"})


def test_the_profile_refuses_a_short_new_password_in_indonesian_and_keeps_the_old_one(client):
    user = UserFactory(username="verifikator")
    client.force_login(user)

    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": "Lebong2024", "new_password2": "Lebong2024"},
        HTTP_ACCEPT_LANGUAGE="id",
    )

    assert response.status_code == 200
    assert "Kata sandi terlalu pendek. Harus mengandung setidaknya 12 karakter." in (response.content.decode())
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="account_password_set").exists()


def _reset_link(client, email):
    response = client.post("/account/password-reset/", {"email": email})
    assert response.url == "/account/password-reset/sent/"
    return re.search(r"http://testserver(/account/password-reset/\S+/)", mail.outbox[-1].body).group(1)


def test_a_reset_link_is_mailed_in_indonesian_and_sets_a_new_password_once(client):
    user = UserFactory(username="verifikator", email="verifikator@lebongkab.go.id")

    link = _reset_link(client, "verifikator@lebongkab.go.id")
    form = client.get(link, follow=True)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    message = mail.outbox[0]
    assert (len(mail.outbox), message.to, message.subject) == (
        1,
        ["verifikator@lebongkab.go.id"],
        "Netra: atur kata sandi baru",
    )
    assert "Buka tautan ini untuk mengaturnya" in message.body
    assert done.url == "/account/password-reset/complete/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "_auth_user_id" not in client.session  # the login (and its second factor) is still to come
    assert list(AuditEvent.objects.order_by("id").values_list("action", "actor_label")) == [
        ("password_reset_requested", "system"),
        ("account_password_set", "verifikator"),
    ]
    again = client.get(link, follow=True)
    assert "Tautan ini tidak berlaku lagi" in again.content.decode()


def test_a_reset_for_an_unknown_address_answers_the_same_and_sends_nothing(client):
    UserFactory(username="verifikator", email="verifikator@lebongkab.go.id")

    response = client.post("/account/password-reset/", {"email": "orang-lain@example.com"})

    assert response.url == "/account/password-reset/sent/"
    assert mail.outbox == []
    assert AuditEvent.objects.count() == 0
