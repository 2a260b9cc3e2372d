"""An administrator's first login with the second factor enforced: password, authenticator set-up, recovery codes
shown once, then the admin — in Indonesian."""

from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from tests.browser.conftest import SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "rahasia-Netra-2026"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


def test_an_administrator_sets_up_the_authenticator_at_the_first_login_and_reaches_the_admin(
    browser, live_server, settings
):
    settings.NETRA_MFA_ENFORCED = True
    admin = UserFactory(username="admin", roles=[Role.ADMINISTRATOR], is_staff=True)
    admin.set_password(PASSWORD)
    admin.save()
    page = browser.new_context(**DESKTOP).new_page()
    page.set_default_timeout(20_000)

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_load_state()
    assert "/account/mfa/enrol/" in page.url
    assert page.locator("h1").inner_text() == "Siapkan faktor kedua"
    assert page.locator("img[src^='data:image/svg+xml']").is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "mfa-enrol.png"), full_page=True)

    device = TOTPDevice.objects.get(user=admin)
    page.fill("#id_token", f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}")
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Kode pemulihan"
    assert page.locator("ul.recovery-codes li").count() == 10
    page.get_by_role("link", name="Lanjutkan").click()
    page.wait_for_load_state()

    assert page.url == f"{live_server.url}/admin/"
