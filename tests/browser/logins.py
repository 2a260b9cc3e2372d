"""Signing a staff account in through the login form, in a fresh desktop context, as the browser tests do."""

from typing import Any

PASSWORD = "rahasia-Netra-2026"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


def log_in(browser: Any, url: str, username: str) -> Any:
    """A page of a new desktop context, signed in as `username` (whose password is PASSWORD)."""
    page = browser.new_context(**DESKTOP).new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_load_state()
    return page
