"""Citizens' web pages: filing, the one-time receipt, the status page and additions."""

import io

import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import Evidence, Report, ReportAddition, Reporter
from violations.services import report_reject, report_request_information
from violations.tests.factories import TEST_PIN, ReportFactory
from violations.views.public import RECEIPT_SESSION_KEY, STATUS_SESSION_KEY

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("public:report-create")
RECEIPT_URL = reverse("public:report-receipt")
RECEIPT_PDF_URL = reverse("public:report-receipt-pdf")
STATUS_URL = reverse("public:report-status")
ADDITION_URL = reverse("public:report-addition")


@pytest.fixture(autouse=True)
def agency():
    return AgencyFactory()


def _report_data(**overrides: object) -> dict[str, object]:
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


def _assert_nothing_written(private_storage) -> None:
    assert Report.objects.count() == 0
    assert Reporter.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert stored_files(private_storage) == []


def _throttle(settings, **rates: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"public_reports": "30/hour", "pin_failures": "10/hour", **rates},
    }


def _expire(client, key: str) -> None:
    session = client.session
    entry = session[key]
    entry["expires"] = 0
    session[key] = entry
    session.save()


def _verify(client, report: Report, pin: str = TEST_PIN):
    return client.post(STATUS_URL, {"tracking_code": report.tracking_code, "pin": pin})


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
    response = client.post(CREATE_URL, _report_data())

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

    pin = client.session[RECEIPT_SESSION_KEY]["pin"]
    assert check_password(pin, report.access_pin_hash)
    content = receipt.content.decode()
    assert receipt.status_code == 200
    assert report.tracking_code in content and pin in content
    assert "no-store" in receipt["Cache-Control"]
    assert "Cara memeriksa laporan Anda" in content


def test_anonymous_report_keeps_no_identity(client):
    data = _report_data(anonymous="on", reporter_name="Siti", reporter_phone="", reporter_email="", evidence=[])

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
    data = _report_data(description="Terlalu pendek.", accused_name="", reporter_phone="", reporter_email="")

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
    response = client.post(CREATE_URL, _report_data(links="https://a.id/1\nbukan tautan"))

    assert "Baris 2: “bukan tautan” bukan alamat web yang sah" in response.content.decode()
    _assert_nothing_written(private_storage)


def test_spoofed_evidence_is_refused_and_nothing_stored(client, private_storage):
    html = SimpleUploadedFile(
        "foto.jpg", b"<!DOCTYPE html><html><body><script>x()</script></body></html>", "image/jpeg"
    )

    response = client.post(CREATE_URL, _report_data(evidence=[SimpleUploadedFile("ok.png", png_bytes()), html]))

    assert response.status_code == 200
    assert "foto.jpg: " in response.content.decode()
    _assert_nothing_written(private_storage)


def test_oversized_evidence_is_refused_and_nothing_stored(client, private_storage, settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES = 200

    response = client.post(CREATE_URL, _report_data(evidence=[SimpleUploadedFile("besar.png", png_bytes(200, 200))]))

    assert response.status_code == 200
    assert "besar.png: " in response.content.decode()
    _assert_nothing_written(private_storage)


def test_report_submissions_over_the_limit_get_429_and_store_nothing(client, settings, private_storage):
    _throttle(settings, public_reports="1/hour")
    assert client.post(CREATE_URL, _report_data(evidence=[])).status_code == 302
    Report.objects.all().delete()  # to assert that the refused request writes nothing
    AuditEvent_count = AuditEvent.objects.count()

    response = client.post(CREATE_URL, _report_data())

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Terlalu banyak percobaan dari koneksi Anda." in response.content.decode()
    assert Report.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == AuditEvent_count
    assert stored_files(private_storage) == []


# --- the receipt ------------------------------------------------------------------------------------------------


def test_receipt_can_be_reloaded_then_is_gone_once_the_reporter_is_done(client):
    client.post(CREATE_URL, _report_data(evidence=[]))
    pin = client.session[RECEIPT_SESSION_KEY]["pin"]
    assert pin in client.get(RECEIPT_URL).content.decode()
    assert pin in client.get(RECEIPT_URL).content.decode()

    done = client.post(reverse("public:report-receipt-done"))
    gone = client.get(RECEIPT_URL)

    assert done["Location"] == STATUS_URL
    assert gone.status_code == 410
    assert pin not in gone.content.decode()
    assert RECEIPT_SESSION_KEY not in client.session


def test_a_citizen_session_holding_the_pin_ends_with_the_receipt(client):
    client.post(CREATE_URL, _report_data(evidence=[]))

    assert client.session.get_expiry_age() == 15 * 60
    assert client.cookies["sessionid"]["max-age"] == 15 * 60


def test_receipt_is_gone_after_its_session_entry_expires(client):
    client.post(CREATE_URL, _report_data(evidence=[]))
    pin = client.session[RECEIPT_SESSION_KEY]["pin"]
    _expire(client, RECEIPT_SESSION_KEY)

    response = client.get(RECEIPT_URL)

    assert response.status_code == 410
    assert pin not in response.content.decode()
    assert RECEIPT_SESSION_KEY not in client.session
    assert client.get(RECEIPT_PDF_URL).status_code == 410


def test_receipt_is_gone_when_the_reporter_leaves_it(client):
    client.post(CREATE_URL, _report_data(evidence=[]))

    client.get(STATUS_URL)

    assert RECEIPT_SESSION_KEY not in client.session
    assert client.get(RECEIPT_URL).status_code == 410


def test_receipt_is_never_shown_to_another_browser(client, django_user_model):
    from django.test import Client

    client.post(CREATE_URL, _report_data(evidence=[]))

    assert Client().get(RECEIPT_URL).status_code == 410


def test_receipt_pdf_is_a_pdf_with_the_tracking_code_and_pin(client):
    client.post(CREATE_URL, _report_data(evidence=[]))
    report = Report.objects.get()
    pin = client.session[RECEIPT_SESSION_KEY]["pin"]

    response = client.get(RECEIPT_PDF_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="netra-{report.tracking_code}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert report.tracking_code in text
    assert pin in text
    assert "Tanda terima laporan Netra" in text


# --- the status page ---------------------------------------------------------------------------------------------


def test_status_page_asks_for_code_and_pin_by_post(client):
    content = client.get(STATUS_URL).content.decode()

    assert 'method="post"' in content
    assert 'name="pin"' in content and 'type="password"' in content


def test_status_lookup_shows_status_and_timeline(client):
    report = ReportFactory()

    response = _verify(client, report)

    assert response.status_code == 302 and response["Location"] == STATUS_URL
    page = client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="en")
    content = page.content.decode()
    assert page.context["status_label"] == "Received"
    assert [(item.status_label, item.note) for item in page.context["timeline"]] == [("Received", "Report received.")]
    assert report.tracking_code in content
    assert TEST_PIN not in content
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize("wrong", ["pin", "code"])
def test_wrong_code_or_pin_gets_one_generic_message_and_is_counted(client, settings, wrong):
    _throttle(settings, pin_failures="1/hour")
    report = ReportFactory()
    data = {"tracking_code": report.tracking_code, "pin": TEST_PIN}
    data["pin" if wrong == "pin" else "tracking_code"] = "00000000" if wrong == "pin" else "NTR-XXXX-XXXX"

    response = client.post(STATUS_URL, data)

    assert response.status_code == 200
    assert "Kode pelacakan atau PIN tidak benar. Periksa keduanya lalu coba lagi." in response.content.decode()
    assert STATUS_SESSION_KEY not in client.session
    assert _verify(client, report).status_code == 429  # the one allowed failure is used up


def test_pin_failures_over_the_limit_are_blocked_even_with_the_right_pin(client, settings):
    _throttle(settings, pin_failures="2/hour")
    report = ReportFactory()
    for _attempt in range(2):
        assert _verify(client, report, pin="99999999").status_code == 200

    response = _verify(client, report)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Terlalu banyak percobaan dari koneksi Anda." in response.content.decode()
    assert STATUS_SESSION_KEY not in client.session


def test_a_successful_lookup_is_not_counted_as_a_failure(client, settings):
    _throttle(settings, pin_failures="1/hour")
    report = ReportFactory()

    for _attempt in range(3):
        assert _verify(client, report).status_code == 302


def test_status_page_shows_the_officer_information_request(client):
    report = ReportFactory()
    report_request_information(report=report, actor=IntakeOfficerFactory(), message="Kirim tangkapan layar unggahan.")
    _verify(client, report)

    page = client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="en")

    assert page.context["information_request"] == "Kirim tangkapan layar unggahan."
    assert page.context["status_label"] == "In review"
    assert [item.note for item in page.context["timeline"]] == [
        "Report received.",
        "The officer asks for more information: Kirim tangkapan layar unggahan.",
    ]


def test_verified_lookup_expires(client):
    report = ReportFactory()
    _verify(client, report)
    _expire(client, STATUS_SESSION_KEY)

    response = client.get(STATUS_URL)

    assert "report" not in response.context
    assert 'name="pin"' in response.content.decode()


def test_leaving_the_report_ends_the_verified_lookup(client):
    _verify(client, ReportFactory())

    client.post(reverse("public:report-status-leave"))

    assert STATUS_SESSION_KEY not in client.session
    assert 'name="pin"' in client.get(STATUS_URL).content.decode()


# --- additions ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reporter", [{"name": "Siti Aminah", "phone": "0812"}, {"anonymous": True}])
def test_reporter_adds_information_without_the_pin_again(client, private_storage, reporter):
    report = ReportFactory(reporter=reporter)
    _verify(client, report)

    response = client.post(
        ADDITION_URL,
        {
            "description": "Unggahan sudah dihapus, ini tangkapan layarnya.",
            "links": "https://facebook.com/p/2",
            "evidence": [SimpleUploadedFile("bukti.png", png_bytes())],
        },
    )

    assert response.status_code == 302 and response["Location"] == STATUS_URL
    addition = ReportAddition.objects.get()
    assert addition.description == "Unggahan sudah dihapus, ini tangkapan layarnya."
    assert Evidence.objects.get().addition == addition
    assert list(report.links.values_list("url", flat=True)) == ["https://facebook.com/p/2"]
    assert len(stored_files(private_storage)) == 1
    page = client.get(STATUS_URL)
    assert "Terima kasih. Informasi Anda telah ditambahkan ke laporan." in page.content.decode()


def test_answering_an_information_request_puts_the_report_back_in_review(client):
    report = ReportFactory()
    report_request_information(report=report, actor=IntakeOfficerFactory(), message="Kirim tautannya.")
    _verify(client, report)

    client.post(ADDITION_URL, {"description": "", "links": "https://facebook.com/p/9"})

    report.refresh_from_db()
    assert report.status == Report.Status.IN_REVIEW


def test_addition_needs_a_verified_lookup(client, private_storage):
    report = ReportFactory()

    response = client.post(
        ADDITION_URL, {"description": "Tambahan", "evidence": [SimpleUploadedFile("a.png", png_bytes())]}
    )

    assert response.status_code == 302 and response["Location"] == STATUS_URL
    assert ReportAddition.objects.count() == 0
    assert stored_files(private_storage) == []
    assert report.timeline.count() == 1


def test_addition_after_the_lookup_expired_needs_the_pin_again(client):
    report = ReportFactory()
    _verify(client, report)
    _expire(client, STATUS_SESSION_KEY)

    response = client.post(ADDITION_URL, {"description": "Tambahan informasi"})

    assert response["Location"] == STATUS_URL
    assert ReportAddition.objects.count() == 0


def test_invalid_addition_stores_nothing(client, private_storage):
    report = ReportFactory()
    _verify(client, report)
    events = AuditEvent.objects.count()

    response = client.post(
        ADDITION_URL,
        {"description": "Tambahan", "evidence": [SimpleUploadedFile("x.png", b"MZ\x90\x00 not an image")]},
    )

    assert response.status_code == 200
    assert "Tidak ada yang ditambahkan." in response.content.decode()
    assert ReportAddition.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert stored_files(private_storage) == []


def test_closed_report_refuses_additions_politely(client, private_storage):
    report = ReportFactory()
    report_reject(report=report, actor=IntakeOfficerFactory(), reason="Bukan ASN di lingkungan pemerintah kabupaten.")
    _verify(client, report)
    page = client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert 'action="/report/status/add/"' not in page.content.decode()
    assert page.context["status_label"] == "Rejected"
    assert page.context["timeline"][-1].note == (
        "The report was not taken further: Bukan ASN di lingkungan pemerintah kabupaten."
    )
    events = AuditEvent.objects.count()

    response = client.post(
        ADDITION_URL, {"description": "Tambahan", "evidence": [SimpleUploadedFile("a.png", png_bytes())]}
    )

    assert response.status_code == 409
    assert "Laporan ini sudah ditutup" in response.content.decode()
    assert ReportAddition.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert stored_files(private_storage) == []


def test_additions_over_the_limit_get_429_and_store_nothing(client, settings):
    _throttle(settings, public_reports="1/hour")
    report = ReportFactory()
    _verify(client, report)
    assert client.post(ADDITION_URL, {"description": "Tambahan pertama"}).status_code == 302

    response = client.post(ADDITION_URL, {"description": "Tambahan kedua"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert list(ReportAddition.objects.values_list("description", flat=True)) == ["Tambahan pertama"]
