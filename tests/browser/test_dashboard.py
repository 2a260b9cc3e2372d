"""Leadership opens the figures, applies a filter, follows a drill-down (within the figures: leadership sees no
case list), saves a screenshot; the page passes axe-core with no serious or critical violation and raises no CSP
error."""

from typing import Any

import pytest

from figures.refresh import figures_rebuild
from figures.tests.world import build_world
from tests.browser.accessibility import axe_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "rahasia-Netra-2026"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


def test_leadership_filters_drills_down_and_the_page_is_accessible(live_server, browser, shots):
    world = build_world()
    figures_rebuild()
    world.leader.set_password(PASSWORD)
    world.leader.save()
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "pimpinan")
    page.fill("#id_password", PASSWORD)
    page.locator("form.narrow button[type=submit]").click()
    page.goto(f"{live_server.url}/figures/")

    assert page.locator("#widget-funnel svg").count() == 1
    assert axe_serious_violations(page) == []

    page.select_option("#id_channel", "bkn")
    page.locator("#dashboard-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "channel=bkn" in page.url
    assert "BKN" in page.locator("#filters-stated").inner_text()

    page.locator("#widget-by_unit table a").first.click()
    page.wait_for_load_state()
    assert "unit=" in page.url and "channel=bkn" in page.url
    assert page.locator("#widget-funnel tbody tr").nth(1).locator("td").first.inner_text() == "1"
    page.screenshot(path=str(shots / "figures-dashboard-leadership.png"), full_page=True)
    assert axe_serious_violations(page) == []
    assert [error for error in errors if "Content Security Policy" in error] == []
    context.close()
