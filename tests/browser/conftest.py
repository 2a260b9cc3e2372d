"""Browser tests: Debian's chromium driven by Playwright's sync API against pytest-django's live_server."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test itself
# (factories, assertions) are still synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots for a person to look at; overridable so CI can keep them elsewhere.
SHOTS = Path(os.environ.get("NETRA_SHOTS_DIR", "/tmp/netra-shots"))  # noqa: S108
# A common phone: 390×844 CSS pixels at 2× density.
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
}


@pytest.fixture
def browser() -> Iterator[Any]:
    """Chromium for one test.

    Function scope on purpose: while Playwright runs, Django code in the test thread gets other database
    connection objects (Playwright's greenlet has its own context), so Playwright must start after the
    test database is prepared (e.g. serialized_rollback restored) and stop before it is flushed, and the
    connections opened meanwhile must be closed before it stops.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from django.db import connections

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A page in a fresh phone-sized context; console errors (e.g. CSP violations) are collected on it."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
