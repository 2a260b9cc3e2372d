"""Citizens' web pages: filing a report and the one-time receipt (status and additions: test_views_public_status)."""

import io

import pytest
from django.contrib.auth.hashers import check_password
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.tests.factories import AgencyFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import Evidence, Report, Reporter
from violations.tests.public_pages import (
    CREATE_URL,
    RECEIPT_PDF_URL,
    RECEIPT_URL,
    STATUS_URL,
    expire,
    report_data,
    throttle,
)
from violations.views.public import RECEIPT_SESSION_KEY, receipt_pin

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def agency():
    return AgencyFactory()


def _assert_nothing_written(private_storage) -> None:
    assert Report.objects.count() == 0
    assert Reporter.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert stored_files(private_storage) == []


# --- the report form --------------------------------------------------------------------------------------


def test_report_form_is_in_indonesian_by_default_and_shows_the_evidence_limits(client):
    response = client.get(CREATE_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Kirim laporan" in content
    assert 'enctype="multipart/form-data"' in content
    assert "10 MB" in content and "20 MB" in content and "100 MB" in content
    assert "hanya dapat dilihat" in content  # the confidentiality explanation
    assert "<script>" not in content and "style=" not in content


def test_report_form_switches_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": CREATE_URL})
    assert response.status_code == 302

    content = client.get(CREATE_URL).content.decode()

    assert "Send the report" in content
    assert "Your identity is confidential." in content
    assert "Kirim laporan" not in content


def test_report_form_follows_accept_language(client):
    content = client.get(CREATE_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Send the report" in content


def test_submitting_a_report_stores_it_and_shows_the_receipt_once(client, private_storage):
    response = client.post(CREATE_URL, report_data())

    assert response.status_code == 302
    assert response["Location"] == RECEIPT_URL
    report = Report.objects.get()
    assert (report.channel, report.source, report.status) == ("citizen", "web", "received")
    assert (report.accused_name, report.platform, report.violation_type.code) == (
        "Drs. Rahmat Hidayat",
        "Facebook",
        "N04",
    )
    assert str(report.incident_time) == "19:15:00"
    assert list(report.links.values_list("url", flat=True)) == ["https://www.facebook.com/share/p/abc/"]
    reporter = report.reporter
    assert (reporter.anonymous, reporter.name, reporter.email, reporter.phone, reporter.address) == (
        False,
        "Siti Aminah",
        "siti@contoh.id",
        "0812 3456 7890",
        "Jl. Merdeka 1, Tubei",
    )
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.kind) == ("tangkapan-layar.png", "image")
    assert len(stored_files(private_storage)) == 1

    receipt = client.get(RECEIPT_URL)

    pin = receipt_pin(client.session[RECEIPT_SESSION_KEY])
    assert check_password(pin, report.access_pin_hash)
    content = receipt.content.decode()
    assert receipt.status_code == 200
    assert report.tracking_code in content and pin in content
    assert "no-store" in receipt["Cache-Control"]
    assert "Cara memeriksa laporan Anda" in content


def test_anonymous_report_keeps_no_identity(client):
    data = report_data(anonymous="on", reporter_name="Siti", reporter_phone="", reporter_email="", evidence=[])

    response = client.post(CREATE_URL, data)

    assert response.status_code == 302
    reporter = Reporter.objects.get()
    assert (reporter.anonymous, reporter.name, reporter.email, reporter.phone, reporter.address) == (
        True,
        "",
        "",
        "",
        "",
    )
    assert "Anda melapor secara anonim" in client.get(RECEIPT_URL).content.decode()


def test_invalid_report_re_renders_with_indonesian_errors_and_stores_nothing(client, private_storage):
    data = report_data(description="Terlalu pendek.", accused_name="", reporter_phone="", reporter_email="")

    response = client.post(CREATE_URL, data)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Laporan belum terkirim" in content
    assert "Uraikan kejadian sekurang-kurangnya 30 karakter (Anda menulis 15)." in content
    assert "Sebutkan nama ASN yang Anda laporkan." in content
    assert "Cantumkan nomor telepon atau alamat e-mail agar petugas dapat menghubungi Anda." in content
    assert 'value="Dinas Pendidikan"' in content  # what was typed is kept
    _assert_nothing_written(private_storage)


def test_invalid_link_error_names_the_line(client, private_storage):
    response = client.post(CREATE_URL, report_data(links="https://a.id/1\nbukan tautan"))

    assert "Baris 2: “bukan tautan” bukan alamat web yang sah" in response.content.decode()
    _assert_nothing_written(private_storage)


def test_spoofed_evidence_is_refused_and_nothing_stored(client, private_storage):
    html = SimpleUploadedFile(
        "foto.jpg", b"<!DOCTYPE html><html><body><script>x()</script></body></html>", "image/jpeg"
    )

    response = client.post(CREATE_URL, report_data(evidence=[SimpleUploadedFile("ok.png", png_bytes()), html]))

    assert response.status_code == 200
    assert "foto.jpg: " in response.content.decode()
    _assert_nothing_written(private_storage)


def test_oversized_evidence_is_refused_and_nothing_stored(client, private_storage, settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES = 200

    response = client.post(CREATE_URL, report_data(evidence=[SimpleUploadedFile("besar.png", png_bytes(200, 200))]))

    assert response.status_code == 200
    assert "besar.png: " in response.content.decode()
    _assert_nothing_written(private_storage)


def test_report_submissions_over_the_limit_get_429_and_store_nothing(client, settings, private_storage):
    throttle(settings, public_reports="1/hour")
    assert client.post(CREATE_URL, report_data(evidence=[])).status_code == 302
    Report.objects.all().delete()  # to assert that the refused request writes nothing
    AuditEvent_count = AuditEvent.objects.count()

    response = client.post(CREATE_URL, report_data())

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Terlalu banyak percobaan dari koneksi Anda." in response.content.decode()
    assert Report.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == AuditEvent_count
    assert stored_files(private_storage) == []


# --- the receipt ------------------------------------------------------------------------------------------------


def test_receipt_can_be_reloaded_then_is_gone_once_the_reporter_is_done(client):
    client.post(CREATE_URL, report_data(evidence=[]))
    pin = receipt_pin(client.session[RECEIPT_SESSION_KEY])
    assert pin in client.get(RECEIPT_URL).content.decode()
    assert pin in client.get(RECEIPT_URL).content.decode()

    done = client.post(reverse("public:report-receipt-done"))
    gone = client.get(RECEIPT_URL)

    assert done["Location"] == STATUS_URL
    assert gone.status_code == 410
    assert pin not in gone.content.decode()
    assert RECEIPT_SESSION_KEY not in client.session


def test_a_citizen_session_holding_the_pin_ends_with_the_receipt(client):
    client.post(CREATE_URL, report_data(evidence=[]))

    assert client.session.get_expiry_age() == 15 * 60
    assert client.cookies["sessionid"]["max-age"] == 15 * 60


def test_the_session_table_holds_no_pin_while_the_receipt_can_be_reloaded(client):
    client.post(CREATE_URL, report_data(evidence=[]))
    pin = receipt_pin(client.session[RECEIPT_SESSION_KEY])

    [stored] = Session.objects.all()

    assert client.get(RECEIPT_URL).status_code == 200
    assert pin not in stored.session_data
    assert pin not in repr(stored.get_decoded())


def test_receipt_is_gone_after_its_session_entry_expires(client):
    client.post(CREATE_URL, report_data(evidence=[]))
    pin = receipt_pin(client.session[RECEIPT_SESSION_KEY])
    expire(client, RECEIPT_SESSION_KEY)

    response = client.get(RECEIPT_URL)

    assert response.status_code == 410
    assert pin not in response.content.decode()
    assert RECEIPT_SESSION_KEY not in client.session
    assert client.get(RECEIPT_PDF_URL).status_code == 410


def test_receipt_is_gone_when_the_reporter_leaves_it(client):
    client.post(CREATE_URL, report_data(evidence=[]))

    client.get(STATUS_URL)

    assert RECEIPT_SESSION_KEY not in client.session
    assert client.get(RECEIPT_URL).status_code == 410


def test_receipt_is_never_shown_to_another_browser(client, django_user_model):
    from django.test import Client

    client.post(CREATE_URL, report_data(evidence=[]))

    assert Client().get(RECEIPT_URL).status_code == 410


def test_receipt_pdf_is_a_pdf_with_the_tracking_code_and_pin(client):
    client.post(CREATE_URL, report_data(evidence=[]))
    report = Report.objects.get()
    pin = receipt_pin(client.session[RECEIPT_SESSION_KEY])

    response = client.get(RECEIPT_PDF_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="netra-{report.tracking_code}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert report.tracking_code in text
    assert pin in text
    assert "Tanda terima laporan Netra" in text
