"""A citizen with an e-mail address files a report; it waits in the intake officer's inbox, the officer takes it up
from there, the item leaves the inbox and the citizen gets one e-mail telling the new status (issue 10)."""

import re
from typing import Any

import pytest
from django.core import mail

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "rahasia-Netra-2026"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


def _file_report(phone: Any, base_url: str) -> str:
    phone.goto(f"{base_url}/report/")
    phone.fill("#id_description", "Kepala sekolah membagikan unggahan kampanye pasangan calon bupati di grup Facebook.")
    phone.fill("#id_accused_name", "Drs. Rahmat Hidayat")
    phone.fill("#id_incident_date", "2024-10-07")
    phone.select_option("#id_violation_type", "N04")
    phone.fill("#id_reporter_name", "Siti Aminah")
    phone.fill("#id_reporter_email", "siti@example.id")
    phone.get_by_role("button", name="Kirim laporan").click()
    phone.wait_for_url(re.compile(r".*/report/receipt/$"))
    return phone.locator("#tracking-code").inner_text().strip()


def test_the_officer_acts_from_the_inbox_and_the_citizen_is_told_by_email(live_server, browser, phone, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    officer = IntakeOfficerFactory(username="verifikator", agency=AgencyFactory())
    officer.set_password(PASSWORD)
    officer.save()

    code = _file_report(phone, live_server.url)
    assert [m.to for m in mail.outbox] == [[officer.email]]  # the work item's e-mail, beside the inbox

    page = browser.new_context(**DESKTOP).new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "verifikator")
    page.fill("#id_password", PASSWORD)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/triage/")

    page.goto(f"{live_server.url}/notifications/")
    item = page.locator("ul.notifications li", has_text=code)
    assert item.count() == 1
    item.locator("button[name=open]").click()
    page.wait_for_url(re.compile(r".*/triage/reports/\d+/$"))
    page.locator("form[action$='/review/'] button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/notifications/")
    assert page.locator("ul.notifications li", has_text=code).count() == 0
    citizen = [m for m in mail.outbox if m.to == ["siti@example.id"]]
    assert [m.subject for m in citizen] == [f"Netra: status laporan {code} berubah"]
    assert "sekarang: Sedang ditelaah." in citizen[0].body and "Rahmat" not in citizen[0].body
    page.context.close()
