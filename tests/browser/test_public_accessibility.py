"""The public pages pass axe-core with no violation of impact serious or critical, on a phone, in Indonesian:
the home page, the report form, the status page (asking for the code, then showing a report), a letter's
verification answer, the public statistics and the staff login."""

from typing import Any

import pytest

from accounts.tests.factories import AgencyFactory
from tests.browser.accessibility import axe_serious_violations
from violations.tests.factories import TEST_PIN, ReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = ["/", "/report/", "/report/status/", "/verify/NTR-0000-0000/", "/statistik/", "/login/"]


@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_has_no_serious_accessibility_violation(live_server: Any, phone: Any, path: str) -> None:
    AgencyFactory()
    phone.goto(f"{live_server.url}{path}")
    assert phone.locator("html").get_attribute("lang") == "id"
    assert axe_serious_violations(phone) == []
    # An unknown verification code is answered "not found" (status 404), which the browser logs; nothing else.
    expected = ["the server responded with a status of 404"] if path.startswith("/verify/") else []
    assert [error.split(": ", 1)[1].split(" (")[0] for error in phone.console_errors] == expected


def test_the_status_of_a_report_has_no_serious_accessibility_violation(live_server: Any, phone: Any) -> None:
    report = ReportFactory.create(tracking_code="NTR-7K2M-Q9XD")
    phone.goto(f"{live_server.url}/report/status/")
    phone.fill("#id_tracking_code", report.tracking_code)
    phone.fill("#id_pin", TEST_PIN)
    phone.locator("form button[type=submit]").first.click()
    phone.wait_for_selector("text=NTR-7K2M-Q9XD")
    assert axe_serious_violations(phone) == []
