"""The second factor: enforced roles enrol before anything else, enrolled accounts verify at every login, recovery
codes work once and are stored hashed, and every step is audited."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import mfa
from accounts.models import RecoveryCode
from accounts.roles import Role
from accounts.tests.factories import UserFactory
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "netra-test-password"


@pytest.fixture(autouse=True)
def _enforced(settings):
    settings.NETRA_MFA_ENFORCED = True
    settings.NETRA_MFA_ENFORCED_ROLES = ["administrator", "sanctioning_official"]


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _login(client, username, next_url=""):
    response = client.post("/login/", {"username": username, "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    return client.get(response.url).url


def _enrolled(username: str, roles: list[Role]):
    user = UserFactory(username=username, roles=roles, is_staff=Role.ADMINISTRATOR in roles)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


def _actions(user) -> list[str]:
    return list(AuditEvent.objects.filter(target_id=user.pk).order_by("id").values_list("action", flat=True))


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.SANCTIONING_OFFICIAL])
def test_an_enforced_role_without_an_authenticator_must_enrol_before_any_page(client, role):
    UserFactory(username="pejabat", roles=[role], is_staff=role == Role.ADMINISTRATOR)

    assert _login(client, "pejabat").startswith("/account/mfa/enrol/?next=")
    assert client.get("/admin/").url == "/account/mfa/enrol/?next=%2Fadmin%2F"
    assert client.get("/decisions/").status_code == 302
    assert client.get("/api/v1/cases/").status_code == 403


def test_an_examiner_without_an_authenticator_logs_in_with_the_password_alone(client):
    UserFactory(username="pemeriksa", roles=[Role.EXAMINER])

    assert _login(client, "pemeriksa") == "/cases/?tab=mine&order=due"  # the examiner's landing page


def test_with_enforcement_off_an_administrator_logs_in_with_the_password_alone(client, settings):
    settings.NETRA_MFA_ENFORCED = False
    UserFactory(username="admin", roles=[Role.ADMINISTRATOR], is_staff=True)

    assert _login(client, "admin") == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_enrolment_confirms_the_authenticator_with_its_code_and_shows_ten_recovery_codes_once(client):
    user = UserFactory(username="admin", roles=[Role.ADMINISTRATOR], is_staff=True)
    _login(client, "admin")
    page = client.get("/account/mfa/enrol/?next=/admin/")
    device = TOTPDevice.objects.get(user=user)
    assert 'src="data:image/svg+xml' in page.content.decode()

    wrong = client.post("/account/mfa/enrol/", {"token": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed is False
    response = client.post("/account/mfa/enrol/", {"token": _code(device), "next": "/admin/"})

    codes = re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", response.content.decode())
    assert response.status_code == 200
    assert len(set(codes)) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed is True
    assert client.get("/admin/").status_code == 200
    digests = set(RecoveryCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(digests) == 10
    assert not digests & set(codes)
    assert _actions(user) == ["login_succeeded", "mfa_enrolled"]


def test_an_enrolled_account_verifies_its_code_at_login_and_goes_where_it_was_going(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the throttle has its own test
    user, device = _enrolled("admin", [Role.ADMINISTRATOR])

    assert _login(client, "admin", next_url="/admin/") == "/account/mfa/verify/?next=%2Fadmin%2F"
    refused = client.post("/account/mfa/verify/", {"token": "12345", "next": "/admin/"})  # not even six digits
    assert refused.status_code == 200
    assert client.get("/admin/").status_code == 302
    response = client.post("/account/mfa/verify/", {"token": _code(device), "next": "/admin/"})

    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert _actions(user) == ["login_succeeded", "mfa_failed", "mfa_verified"]


def test_after_a_wrong_code_even_the_right_one_waits_out_the_throttle(client):
    user, device = _enrolled("admin", [Role.ADMINISTRATOR])
    _login(client, "admin")
    client.post("/account/mfa/verify/", {"token": "123456" if _code(device) != "123456" else "654321"})

    response = client.post("/account/mfa/verify/", {"token": _code(device)})

    assert response.status_code == 200
    assert _actions(user) == ["login_succeeded", "mfa_failed", "mfa_failed"]


def test_a_password_alone_cannot_replace_an_enrolled_authenticator(client):
    user, device = _enrolled("admin", [Role.ADMINISTRATOR])
    _login(client, "admin")

    page = client.get("/account/mfa/enrol/")
    post = client.post("/account/mfa/enrol/", {"token": "123456"})

    assert page.url.startswith("/account/mfa/verify/")
    assert post.url.startswith("/account/mfa/verify/")
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_an_enrolled_account_of_a_role_not_enforced_is_asked_for_its_code_too(client):
    _enrolled("pemeriksa", [Role.EXAMINER])

    assert _login(client, "pemeriksa").startswith("/account/mfa/verify/")


def test_a_recovery_code_logs_in_once(client):
    user, _device = _enrolled("admin", [Role.ADMINISTRATOR])
    codes = mfa.recovery_codes_renew(user=user)  # (codes come with an enrolment; here they are issued directly)

    _login(client, "admin")
    first = client.post("/account/mfa/verify/", {"token": codes[0].lower(), "next": "/admin/"})
    client.post("/logout/")
    _login(client, "admin")
    second = client.post("/account/mfa/verify/", {"token": codes[0], "next": "/admin/"})

    assert first.url == "/admin/"
    assert second.status_code == 200
    assert client.get("/admin/").status_code == 302
    assert mfa.recovery_codes_remaining(user) == 9
    used = AuditEvent.objects.get(action="mfa_recovery_code_used")
    assert used.data == {"remaining": 9, "address": "127.0.0.1"}
    assert _actions(user)[-3:] == ["logged_out", "login_succeeded", "mfa_failed"]


def test_renewed_recovery_codes_replace_the_old_ones(client):
    user, _device = _enrolled("admin", [Role.ADMINISTRATOR])
    old = mfa.recovery_codes_renew(user=user)

    new = mfa.recovery_codes_renew(user=user)

    assert mfa.second_factor_verify(user=user, token=old[0]) is None
    assert mfa.second_factor_verify(user=user, token=new[0]) is not None
