"""A citizen files a report with a photo on a phone, keeps the code and PIN, and checks the status."""

import re

import pytest

from accounts.tests.factories import AgencyFactory
from core.testing import png_bytes
from violations.models import Evidence, Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_citizen_files_a_report_with_a_photo_and_checks_its_status(live_server, phone, shots, tmp_path):
    AgencyFactory()
    photo = tmp_path / "tangkapan-layar.png"
    photo.write_bytes(png_bytes(640, 480))

    # The form, in Indonesian, on a phone.
    phone.goto(f"{live_server.url}/report/")
    assert phone.locator("h1").inner_text() == "Laporkan pelanggaran netralitas ASN"
    phone.fill("#id_description", "Kepala sekolah membagikan unggahan kampanye pasangan calon bupati di grup Facebook.")
    phone.fill("#id_accused_name", "Drs. Rahmat Hidayat")
    phone.fill("#id_accused_agency", "Dinas Pendidikan")
    phone.fill("#id_accused_position", "Kepala SMP Negeri 1")
    phone.fill("#id_incident_date", "2024-10-07")
    phone.fill("#id_incident_place", "Grup Facebook Info Lebong")
    phone.select_option("#id_platform", "Facebook")
    phone.fill("#id_links", "https://www.facebook.com/share/p/abc/")
    phone.select_option("#id_violation_type", "N04")
    phone.set_input_files("#id_evidence", str(photo))
    phone.check("#id_anonymous")
    assert phone.locator("[data-identity]").is_hidden()  # the script hides what an anonymous reporter skips
    phone.uncheck("#id_anonymous")
    phone.fill("#id_reporter_name", "Siti Aminah")
    phone.fill("#id_reporter_phone", "0812 3456 7890")
    phone.screenshot(path=str(shots / "report-form.png"), full_page=True)
    phone.get_by_role("button", name="Kirim laporan").click()

    # The receipt: code and PIN, shown once.
    phone.wait_for_url(re.compile(r".*/report/receipt/$"))
    tracking_code = phone.locator("#tracking-code").inner_text().strip()
    pin = phone.locator("#access-pin").inner_text().strip()
    assert re.fullmatch(r"NTR-[0-9A-Z]{4}-[0-9A-Z]{4}", tracking_code)
    assert re.fullmatch(r"\d{8}", pin)
    assert phone.get_by_role("button", name="Cetak").is_visible()
    assert phone.get_by_role("link", name="Unduh tanda terima (PDF)").is_visible()
    phone.screenshot(path=str(shots / "receipt.png"), full_page=True)
    report = Report.objects.get(tracking_code=tracking_code)
    assert Evidence.objects.get(report=report).original_name == "tangkapan-layar.png"

    # Leaving the receipt: the PIN is gone from the session.
    phone.get_by_role("button", name="Saya sudah menyimpan kode dan PIN").click()
    phone.wait_for_url(re.compile(r".*/report/status/$"))
    phone.goto(f"{live_server.url}/report/receipt/")
    assert pin not in phone.content()

    # The status page: code and PIN, then status and timeline.
    phone.goto(f"{live_server.url}/report/status/")
    phone.fill("#id_tracking_code", tracking_code.lower())
    phone.fill("#id_pin", pin)
    phone.get_by_role("button", name="Tampilkan status").click()
    phone.wait_for_selector("#report-status")
    assert pin not in phone.url
    assert phone.locator("#report-status").inner_text() == "Diterima"
    assert phone.locator("#timeline li").count() == 1
    assert "Diterima" in phone.locator("#timeline li").first.inner_text()
    phone.screenshot(path=str(shots / "status.png"), full_page=True)

    assert [error for error in phone.console_errors if "Content Security Policy" in error] == []
