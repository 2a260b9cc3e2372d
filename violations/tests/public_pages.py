"""Helpers of the citizens' page tests: the URLs, a valid report form, the throttle rates, the session entries."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.testing import png_bytes
from violations.models import Report
from violations.tests.factories import TEST_PIN

CREATE_URL = reverse("public:report-create")
RECEIPT_URL = reverse("public:report-receipt")
RECEIPT_PDF_URL = reverse("public:report-receipt-pdf")
STATUS_URL = reverse("public:report-status")
ADDITION_URL = reverse("public:report-addition")


def report_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "description": "Kepala sekolah membagikan unggahan kampanye pasangan calon bupati di Facebook.",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_agency": "Dinas Pendidikan",
        "accused_position": "Kepala SMP Negeri 1",
        "accused_nip": "",
        "incident_date": "2024-10-07",
        "incident_time": "19:15",
        "incident_place": "Grup Facebook Info Lebong",
        "platform": "Facebook",
        "links": "https://www.facebook.com/share/p/abc/",
        "violation_type": "N04",
        "reporter_name": "Siti Aminah",
        "reporter_email": "siti@contoh.id",
        "reporter_phone": "0812 3456 7890",
        "reporter_address": "Jl. Merdeka 1, Tubei",
        "evidence": [SimpleUploadedFile("tangkapan-layar.png", png_bytes(), "image/png")],
    }
    data.update(overrides)
    return data


def throttle(settings, **rates: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"public_reports": "30/hour", "pin_failures": "10/hour", **rates},
    }


def expire(client: Client, key: str) -> None:
    session = client.session
    entry = session[key]
    entry["expires"] = 0
    session[key] = entry
    session.save()


def verify(client: Client, report: Report, pin: str = TEST_PIN):
    return client.post(STATUS_URL, {"tracking_code": report.tracking_code, "pin": pin})
