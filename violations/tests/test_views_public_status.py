"""Citizens' web pages: the status page behind the tracking code and PIN, and adding information."""

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import Evidence, Report, ReportAddition
from violations.services import report_reject, report_request_information
from violations.tests.factories import TEST_PIN, ReportFactory
from violations.tests.public_pages import (
    ADDITION_URL,
    STATUS_URL,
    expire,
    throttle,
    verify,
)
from violations.views.public import STATUS_SESSION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def agency():
    return AgencyFactory()


# --- the status page ---------------------------------------------------------------------------------------------


def test_status_page_asks_for_code_and_pin_by_post(client):
    content = client.get(STATUS_URL).content.decode()

    assert 'method="post"' in content
    assert 'name="pin"' in content and 'type="password"' in content


def test_status_lookup_shows_status_and_timeline(client):
    report = ReportFactory()

    response = verify(client, report)

    assert response.status_code == 302 and response["Location"] == STATUS_URL
    page = client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="en")
    content = page.content.decode()
    assert page.context["status_label"] == "Received"
    assert [(item.status_label, item.note) for item in page.context["timeline"]] == [("Received", "Report received.")]
    assert report.tracking_code in content
    assert TEST_PIN not in content
    assert "no-store" in page["Cache-Control"]


def test_the_session_after_a_status_login_holds_no_pin(client):
    report = ReportFactory()

    verify(client, report)

    [stored] = Session.objects.all()
    assert TEST_PIN not in stored.session_data
    assert TEST_PIN not in repr(stored.get_decoded())
    assert client.get(STATUS_URL).context["report"] == report


@pytest.mark.parametrize("wrong", ["pin", "code"])
def test_wrong_code_or_pin_gets_one_generic_message_and_is_counted(client, settings, wrong):
    throttle(settings, pin_failures="1/hour")
    report = ReportFactory()
    data = {"tracking_code": report.tracking_code, "pin": TEST_PIN}
    data["pin" if wrong == "pin" else "tracking_code"] = "00000000" if wrong == "pin" else "NTR-XXXX-XXXX"

    response = client.post(STATUS_URL, data)

    assert response.status_code == 200
    assert "Kode pelacakan atau PIN tidak benar. Periksa keduanya lalu coba lagi." in response.content.decode()
    assert STATUS_SESSION_KEY not in client.session
    assert verify(client, report).status_code == 429  # the one allowed failure is used up


def test_pin_failures_over_the_limit_are_blocked_even_with_the_right_pin(client, settings):
    throttle(settings, pin_failures="2/hour")
    report = ReportFactory()
    for _attempt in range(2):
        assert verify(client, report, pin="99999999").status_code == 200

    response = verify(client, report)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Terlalu banyak percobaan dari koneksi Anda." in response.content.decode()
    assert STATUS_SESSION_KEY not in client.session


def test_a_successful_lookup_is_not_counted_as_a_failure(client, settings):
    throttle(settings, pin_failures="1/hour")
    report = ReportFactory()

    for _attempt in range(3):
        assert verify(client, report).status_code == 302


@pytest.mark.parametrize("typed", ["without dashes", "lower case with spaces", "O for 0 and I for 1"])
def test_a_code_typed_another_way_is_found_and_not_counted_as_a_failure(client, settings, typed):
    throttle(settings, pin_failures="1/hour")
    ReportFactory(tracking_code="NTR-7K2M-Q90D")
    written = {
        "without dashes": "NTR7K2MQ90D",
        "lower case with spaces": " ntr 7k2m q90d ",
        "O for 0 and I for 1": "ntr-7k2m-q9od",
    }[typed]

    first = client.post(STATUS_URL, {"tracking_code": written, "pin": TEST_PIN})
    second = client.post(STATUS_URL, {"tracking_code": written, "pin": TEST_PIN})

    assert (first.status_code, second.status_code) == (302, 302)
    assert client.session[STATUS_SESSION_KEY]["tracking_code"] == "NTR-7K2M-Q90D"


def test_status_page_shows_the_officer_information_request(client):
    report = ReportFactory()
    report_request_information(report=report, actor=IntakeOfficerFactory(), message="Kirim tangkapan layar unggahan.")
    verify(client, report)

    page = client.get(STATUS_URL, HTTP_ACCEPT_LANGUAGE="en")

    assert page.context["information_request"] == "Kirim tangkapan layar unggahan."
    assert page.context["status_label"] == "In review"
    assert [item.note for item in page.context["timeline"]] == [
        "Report received.",
        "The officer asks for more information: Kirim tangkapan layar unggahan.",
    ]


def test_verified_lookup_expires(client):
    report = ReportFactory()
    verify(client, report)
    expire(client, STATUS_SESSION_KEY)

    response = client.get(STATUS_URL)

    assert "report" not in response.context
    assert 'name="pin"' in response.content.decode()


def test_leaving_the_report_ends_the_verified_lookup(client):
    verify(client, ReportFactory())

    client.post(reverse("public:report-status-leave"))

    assert STATUS_SESSION_KEY not in client.session
    assert 'name="pin"' in client.get(STATUS_URL).content.decode()


# --- additions ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reporter", [{"name": "Siti Aminah", "phone": "0812"}, {"anonymous": True}])
def test_reporter_adds_information_without_the_pin_again(client, private_storage, reporter):
    report = ReportFactory(reporter=reporter)
    verify(client, report)

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
    verify(client, report)

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
    verify(client, report)
    expire(client, STATUS_SESSION_KEY)

    response = client.post(ADDITION_URL, {"description": "Tambahan informasi"})

    assert response["Location"] == STATUS_URL
    assert ReportAddition.objects.count() == 0


def test_invalid_addition_stores_nothing(client, private_storage):
    report = ReportFactory()
    verify(client, report)
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
    verify(client, report)
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
    throttle(settings, public_reports="1/hour")
    report = ReportFactory()
    verify(client, report)
    assert client.post(ADDITION_URL, {"description": "Tambahan pertama"}).status_code == 302

    response = client.post(ADDITION_URL, {"description": "Tambahan kedua"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert list(ReportAddition.objects.values_list("description", flat=True)) == ["Tambahan pertama"]
