"""Citizens' API (docs/api-contract.md, "Citizens"): a report's status behind its PIN, additions, and throttling."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.testing import png_bytes, stored_files
from violations.models import Evidence, Report, ReportAddition, TimelineEntry
from violations.services import report_reject, report_request_information, report_start_review
from violations.tests.api.support import REPORTS, TYPES, additions_url, report_payload, status_url
from violations.tests.factories import TEST_PIN, ReportFactory

pytestmark = pytest.mark.django_db


# --- status -------------------------------------------------------------------------------------------------


def test_status_with_the_right_pin_shows_exactly_the_public_fields(api_client, agency):
    report = ReportFactory(agency=agency)

    response = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN)

    assert response.status_code == 200
    at = timezone.localtime(report.received_at).isoformat(timespec="seconds")
    assert response.json() == {
        "tracking_code": report.tracking_code,
        "status": "received",
        "status_label": "Diterima",
        "received_at": at,
        "timeline": [{"status": "received", "at": at, "note": "Laporan diterima."}],
    }


def test_status_label_and_notes_are_english_with_accept_language_en(api_client, agency):
    report = ReportFactory(agency=agency)

    body = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN, HTTP_ACCEPT_LANGUAGE="en").json()

    assert (body["status_label"], body["timeline"][0]["note"]) == ("Received", "Report received.")


def test_status_code_is_found_in_lower_case_too(api_client, agency):
    report = ReportFactory(agency=agency)

    response = api_client.get(f"{REPORTS}{report.tracking_code.lower()}/", HTTP_X_ACCESS_PIN=TEST_PIN)

    assert response.status_code == 200


def test_rejection_reason_is_shown_with_the_translated_note(api_client, agency):
    report = ReportFactory(agency=agency)
    officer = None
    report_reject(report=report, actor=officer, reason="Terlapor bukan ASN Kabupaten Lebong.")

    body_id = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN).json()
    body_en = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN, HTTP_ACCEPT_LANGUAGE="en").json()

    assert (body_id["status"], body_id["status_label"]) == ("rejected", "Ditolak")
    assert body_id["timeline"][-1]["note"] == "Laporan tidak ditindaklanjuti: Terlapor bukan ASN Kabupaten Lebong."
    assert body_en["timeline"][-1]["note"] == "The report was not taken further: Terlapor bukan ASN Kabupaten Lebong."
    assert TimelineEntry.objects.filter(report=report).last().note == "The report was not taken further: %(reason)s"


def test_awaiting_information_is_shown_as_in_review_everywhere(api_client, agency):
    report = ReportFactory(agency=agency)
    report_start_review(report=report, actor=None)
    report_request_information(report=report, actor=None, message="Kirim tangkapan layar unggahannya.")

    body = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN, HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["status"] == "in_review" and body["status_label"] == "In review"
    assert [entry["status"] for entry in body["timeline"]] == ["received", "in_review", "in_review"]
    assert body["timeline"][-1]["note"] == "The officer asks for more information: Kirim tangkapan layar unggahannya."


@pytest.mark.parametrize("case", ["wrong_pin", "wrong_code", "missing_pin", "empty_pin"])
def test_wrong_code_wrong_pin_and_missing_pin_are_the_same_404(api_client, agency, case):
    report = ReportFactory(agency=agency)
    url = status_url(report) if case != "wrong_code" else f"{REPORTS}NTR-ZZZZ-ZZZZ/"
    headers = {
        "wrong_pin": {"HTTP_X_ACCESS_PIN": "87654321"},
        "wrong_code": {"HTTP_X_ACCESS_PIN": TEST_PIN},
        "missing_pin": {},
        "empty_pin": {"HTTP_X_ACCESS_PIN": ""},
    }[case]

    response = api_client.get(url, **headers)

    assert response.status_code == 404
    assert response.json() == {"detail": "Tidak ada laporan dengan kode pelacakan dan PIN ini."}


# --- additions ------------------------------------------------------------------------------------------


def test_addition_as_json_answers_201_with_the_status_body(api_client, agency):
    report = ReportFactory(agency=agency)

    response = api_client.post(
        additions_url(report),
        {"description": "Unggahan kedua pada 8 Oktober.", "links": ["https://facebook.com/p/2"]},
        format="json",
        HTTP_X_ACCESS_PIN=TEST_PIN,
    )

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"tracking_code", "status", "status_label", "received_at", "timeline"}
    assert body["timeline"][-1]["note"] == "Pelapor menambahkan informasi."
    addition = ReportAddition.objects.get()
    assert addition.description == "Unggahan kedua pada 8 Oktober."
    assert list(report.links.values_list("url", flat=True)) == ["https://facebook.com/p/2"]


def test_addition_as_multipart_stores_the_file_with_the_addition(api_client, agency, private_storage):
    report = ReportFactory(agency=agency)

    response = api_client.post(
        additions_url(report),
        {"evidence": [SimpleUploadedFile("kedua.png", png_bytes(), content_type="image/png")]},
        format="multipart",
        HTTP_X_ACCESS_PIN=TEST_PIN,
    )

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert (evidence.report_id, evidence.addition_id) == (report.pk, ReportAddition.objects.get().pk)
    assert len(stored_files(private_storage)) == 1


def test_addition_answers_an_information_request_and_the_report_returns_to_review(api_client, agency):
    report = ReportFactory(agency=agency)
    report_request_information(report=report, actor=None, message="Kirim tautannya.")

    response = api_client.post(
        additions_url(report), {"links": ["https://x.com/a/status/1"]}, format="json", HTTP_X_ACCESS_PIN=TEST_PIN
    )

    assert response.status_code == 201
    assert response.json()["status"] == "in_review"
    report.refresh_from_db()
    assert report.status == Report.Status.IN_REVIEW


def test_empty_addition_is_400_and_writes_nothing(api_client, agency, nothing_written):
    report = ReportFactory(agency=agency)
    unchanged = nothing_written()

    response = api_client.post(additions_url(report), {}, format="json", HTTP_X_ACCESS_PIN=TEST_PIN)

    assert response.status_code == 400
    assert response.json() == {"errors": {"description": ["Tambahkan uraian, tautan, atau berkas."]}}
    unchanged()


def test_addition_with_an_invalid_link_is_400_and_writes_nothing(api_client, agency, nothing_written):
    report = ReportFactory(agency=agency)
    unchanged = nothing_written()

    response = api_client.post(
        additions_url(report),
        {"description": "Tambahan.", "links": ["javascript:alert(1)"]},
        format="json",
        HTTP_X_ACCESS_PIN=TEST_PIN,
    )

    assert response.status_code == 400 and list(response.json()["errors"]) == ["links.0"]
    unchanged()


@pytest.mark.parametrize("status", [Report.Status.REJECTED, Report.Status.CLOSED])
def test_addition_to_a_closed_or_rejected_report_is_409_and_writes_nothing(api_client, agency, nothing_written, status):
    report = ReportFactory(agency=agency, status=status)
    unchanged = nothing_written()

    response = api_client.post(
        additions_url(report),
        {"evidence": [SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")], "description": "Lagi."},
        format="multipart",
        HTTP_X_ACCESS_PIN=TEST_PIN,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 409
    assert response.json()["detail"] == "This report is closed; nothing can be added to it."
    unchanged()


def test_addition_with_a_wrong_pin_is_the_same_404_and_writes_nothing(api_client, agency, nothing_written):
    report = ReportFactory(agency=agency)
    unchanged = nothing_written()

    response = api_client.post(
        additions_url(report), {"description": "Tambahan."}, format="json", HTTP_X_ACCESS_PIN="00000000"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Tidak ada laporan dengan kode pelacakan dan PIN ini."}
    unchanged()


# --- throttling -----------------------------------------------------------------------------------------


@pytest.fixture
def rates(settings):
    def set_rates(public_reports: str = "30/hour", pin_failures: str = "10/hour") -> None:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"public_reports": public_reports, "pin_failures": pin_failures},
        }

    return set_rates


def test_new_reports_beyond_the_rate_get_429_with_retry_after(api_client, agency, rates, nothing_written):
    rates(public_reports="2/hour")
    assert api_client.post(REPORTS, report_payload(), format="json").status_code == 201
    assert api_client.post(REPORTS, report_payload(), format="json").status_code == 201
    unchanged = nothing_written()

    response = api_client.post(REPORTS, report_payload(), format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 3601
    assert response.json() == {"detail": f"Too many requests from your address. Try again in {wait} seconds."}
    unchanged()


def test_report_throttle_is_per_client_address(api_client, agency, rates):
    rates(public_reports="1/hour")
    assert api_client.post(REPORTS, report_payload(), format="json", REMOTE_ADDR="10.0.0.1").status_code == 201
    assert api_client.post(REPORTS, report_payload(), format="json", REMOTE_ADDR="10.0.0.1").status_code == 429

    response = api_client.post(REPORTS, report_payload(), format="json", REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 201


def test_additions_count_against_the_report_rate(api_client, agency, rates):
    rates(public_reports="1/hour")
    report = ReportFactory(agency=agency)
    url = additions_url(report)
    assert api_client.post(url, {"description": "Satu."}, format="json", HTTP_X_ACCESS_PIN=TEST_PIN).status_code == 201

    response = api_client.post(url, {"description": "Dua."}, format="json", HTTP_X_ACCESS_PIN=TEST_PIN)

    assert response.status_code == 429
    assert ReportAddition.objects.count() == 1


def test_pin_failures_beyond_the_rate_block_every_pin_lookup_from_the_address(api_client, agency, rates):
    rates(pin_failures="2/hour")
    report = ReportFactory(agency=agency)
    assert api_client.get(status_url(report), HTTP_X_ACCESS_PIN="11111111").status_code == 404
    assert api_client.get(f"{REPORTS}NTR-AAAA-AAAA/", HTTP_X_ACCESS_PIN=TEST_PIN).status_code == 404

    right_pin = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN, HTTP_ACCEPT_LANGUAGE="en")
    addition = api_client.post(
        additions_url(report), {"description": "Tambahan."}, format="json", HTTP_X_ACCESS_PIN=TEST_PIN
    )
    elsewhere = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN, REMOTE_ADDR="10.9.9.9")

    assert right_pin.status_code == 429 and addition.status_code == 429
    wait = int(right_pin["Retry-After"])
    assert right_pin.json() == {
        "detail": f"Too many failed attempts with a tracking code and PIN. Try again in {wait} seconds."
    }
    assert ReportAddition.objects.count() == 0
    assert elsewhere.status_code == 200


def test_successful_lookups_do_not_count_as_failures(api_client, agency, rates):
    rates(pin_failures="1/hour")
    report = ReportFactory(agency=agency)

    statuses = [api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN).status_code for _ in range(5)]

    assert statuses == [200] * 5


def test_failed_additions_count_as_pin_failures(api_client, agency, rates):
    rates(pin_failures="1/hour")
    report = ReportFactory(agency=agency)
    url = additions_url(report)
    assert api_client.post(url, {"description": "x"}, format="json", HTTP_X_ACCESS_PIN="0").status_code == 404

    response = api_client.get(status_url(report), HTTP_X_ACCESS_PIN=TEST_PIN)

    assert response.status_code == 429


def test_violation_types_are_not_throttled(api_client, agency, rates):
    rates(public_reports="1/hour", pin_failures="1/hour")

    assert {api_client.get(TYPES).status_code for _ in range(3)} == {200}
