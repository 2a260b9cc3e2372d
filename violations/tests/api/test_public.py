"""Citizens' API (shared/API.md, "Citizens"): catalogue, filing, status, additions, errors, throttling."""

import datetime
import re

import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.nip import parse_nip
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.models import Evidence, Report, ReportAddition, TimelineEntry, ViolationType
from violations.services import report_reject, report_request_information, report_start_review
from violations.tests.api.support import VALID_NIP
from violations.tests.factories import TEST_PIN, ReportFactory

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/public/reports/"
TYPES = "/api/v1/public/violation-types/"
JAKARTA_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def report_payload(**overrides: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "reporter_name": "Siti Aminah",
        "reporter_phone": "081234567890",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati di Facebook.",
        "violation_type": "N04",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    payload.update(overrides)
    return payload


def status_url(report: Report) -> str:
    return f"{REPORTS}{report.tracking_code}/"


# --- violation types ------------------------------------------------------------------------------------


def test_violation_types_are_a_plain_array_of_the_catalogue_in_force_in_indonesian(api_client, agency):
    ViolationType.objects.create(
        code="X99",
        name="Dicabut",
        name_en="Repealed",
        category="social_media",
        regulation="Old rule",
        valid_from=datetime.date(2019, 1, 1),
        valid_to=datetime.date(2020, 1, 1),
    )

    response = api_client.get(TYPES)

    assert response.status_code == 200
    body = response.json()
    assert [item["code"] for item in body] == [f"N{n:02d}" for n in range(1, 14)]
    n04 = body[3]
    assert set(n04) == {"code", "name", "description", "category"}
    assert n04["name"] == ViolationType.objects.get(code="N04").name
    assert n04["category"] == "social_media"


def test_violation_types_are_named_in_english_when_asked(api_client):
    response = api_client.get(TYPES, HTTP_ACCEPT_LANGUAGE="en")

    n04 = ViolationType.objects.get(code="N04")
    assert response.json()[3]["name"] == n04.name_en
    assert n04.name_en != n04.name


# --- filing a report ------------------------------------------------------------------------------------


def test_report_filed_as_json_answers_201_with_exactly_the_receipt(api_client, agency):
    response = api_client.post(REPORTS, report_payload(), format="json")

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"tracking_code", "access_pin", "status", "received_at"}
    assert body["status"] == "received"
    assert re.fullmatch(r"NTR-[0-9A-Z]{4}-[0-9A-Z]{4}", body["tracking_code"])
    assert re.fullmatch(r"\d{8}", body["access_pin"])
    assert JAKARTA_TIME.match(body["received_at"])
    report = Report.objects.get()
    assert report.tracking_code == body["tracking_code"]
    assert report.source == Report.Source.API and report.channel == "citizen"
    assert check_password(body["access_pin"], report.access_pin_hash)
    assert body["access_pin"] not in report.access_pin_hash
    assert report.accused_nip == VALID_NIP and report.violation_type.code == "N04"
    assert (report.reporter.name, report.reporter.phone, report.reporter.anonymous) == (
        "Siti Aminah",
        "081234567890",
        False,
    )
    assert list(report.links.values_list("url", flat=True)) == ["https://www.facebook.com/share/p/abc/"]
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["report_received"]
    assert timezone.localtime(report.received_at).isoformat(timespec="seconds") == body["received_at"]


def test_report_filed_as_multipart_stores_every_file_and_link(api_client, agency, private_storage):
    payload = report_payload(
        links=["https://www.facebook.com/share/p/abc/", "https://www.instagram.com/p/xyz/"],
        evidence=[
            SimpleUploadedFile("tangkapan.png", png_bytes(), content_type="image/png"),
            SimpleUploadedFile("surat.pdf", pdf_bytes(), content_type="application/pdf"),
        ],
    )

    response = api_client.post(REPORTS, payload, format="multipart")

    assert response.status_code == 201, response.json()
    report = Report.objects.get()
    assert sorted(report.links.values_list("url", flat=True)) == [
        "https://www.facebook.com/share/p/abc/",
        "https://www.instagram.com/p/xyz/",
    ]
    assert list(Evidence.objects.order_by("id").values_list("original_name", "kind")) == [
        ("tangkapan.png", "image"),
        ("surat.pdf", "pdf"),
    ]
    assert len(stored_files(private_storage)) == 2


def test_anonymous_report_keeps_no_identity_even_if_typed(api_client, agency):
    payload = report_payload(anonymous=True, reporter_name="Siti", reporter_phone="", reporter_email="s@example.id")

    response = api_client.post(REPORTS, payload, format="json")

    assert response.status_code == 201
    reporter = Report.objects.get().reporter
    assert (reporter.anonymous, reporter.name, reporter.email, reporter.phone) == (True, "", "", "")


def test_anonymous_report_needs_no_name_nor_contact(api_client, agency):
    payload = report_payload(anonymous=True)
    del payload["reporter_name"], payload["reporter_phone"]

    assert api_client.post(REPORTS, payload, format="json").status_code == 201


def test_optional_fields_may_be_left_out(api_client, agency):
    payload = {
        "reporter_name": "Siti Aminah",
        "reporter_email": "siti@example.id",
        "accused_name": "Rahmat",
        "incident_date": "2024-10-07",
        "description": "x" * 30,
    }

    response = api_client.post(REPORTS, payload, format="json")

    assert response.status_code == 201
    report = Report.objects.get()
    assert (report.accused_nip, report.violation_type, report.links.count()) == ("", None, 0)


def _nip_message(nip: str) -> str:
    try:
        parse_nip(nip)
    except Exception as error:
        return str(error.messages[0])  # type: ignore[attr-defined]
    raise AssertionError("valid NIP")


TOMORROW = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"accused_name": ""}, "accused_name", "Bidang ini tidak boleh kosong."),
        ({"accused_nip": "19800101200503100"}, "accused_nip", _nip_message("19800101200503100")),
        ({"accused_nip": "198013012005031001"}, "accused_nip", _nip_message("198013012005031001")),
        ({"accused_nip": "198001012005033001"}, "accused_nip", _nip_message("198001012005033001")),
        ({"incident_date": TOMORROW}, "incident_date", "Tanggal tidak boleh melewati hari ini."),
        ({"description": "Terlalu pendek."}, "description", "Uraikan kejadian sekurang-kurangnya 30 karakter."),
        ({"violation_type": "N99"}, "violation_type", None),
        ({"links": ["https://ok.example/a", "bukan tautan"]}, "links.1", None),
        ({"links": ["ftp://files.example/a"]}, "links.0", None),
        ({"reporter_name": ""}, "reporter_name", "Cantumkan nama Anda atau laporkan secara anonim."),
        ({"reporter_phone": ""}, "reporter_email", None),
        ({"reporter_phone": "telepon saya"}, "reporter_phone", None),
        ({"reporter_email": "bukan-email"}, "reporter_email", None),
    ],
)
def test_invalid_report_is_400_with_the_field_keyed_and_nothing_written(
    api_client, agency, nothing_written, overrides, field, message
):
    unchanged = nothing_written()

    response = api_client.post(REPORTS, report_payload(**overrides), format="json")

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors, errors
    if message is not None:
        assert errors[field] == [message]
    unchanged()


def test_nip_errors_are_the_nip_validators_own_messages(api_client, agency):
    response = api_client.post(REPORTS, report_payload(accused_nip="198001012005031000"), format="json")

    assert response.json() == {"errors": {"accused_nip": [_nip_message("198001012005031000")]}}


def test_nip_typed_with_spaces_is_accepted(api_client, agency):
    response = api_client.post(REPORTS, report_payload(accused_nip="19800101 200503 1 001"), format="json")

    assert response.status_code == 201
    assert Report.objects.get().accused_nip == VALID_NIP


def test_messages_are_english_with_accept_language_en(api_client, agency):
    response = api_client.post(
        REPORTS, report_payload(description="Too short.", links=["nope"]), format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.json() == {
        "errors": {
            "description": ["Describe what happened in at least 30 characters."],
            "links.0": ["Enter a valid web address starting with http:// or https://."],
        }
    }


def test_unknown_violation_type_message_names_the_code(api_client, agency):
    response = api_client.post(REPORTS, report_payload(violation_type="N99"), format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["errors"] == {
        "violation_type": ["Unknown violation type “N99”; see the list of violation types."]
    }


def test_violation_type_no_longer_in_force_is_refused(api_client, agency, nothing_written):
    ViolationType.objects.filter(code="N04").update(valid_to=datetime.date(2023, 1, 1))
    unchanged = nothing_written()

    response = api_client.post(REPORTS, report_payload(violation_type="N04"), format="json")

    assert response.status_code == 400 and list(response.json()["errors"]) == ["violation_type"]
    unchanged()


def test_malformed_json_is_400_with_a_detail(api_client, agency, nothing_written):
    unchanged = nothing_written()

    response = api_client.post(REPORTS, b'{"accused_name": ', content_type="application/json")

    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    unchanged()


def test_json_that_is_not_an_object_is_400(api_client, agency):
    response = api_client.post(REPORTS, [1, 2], format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"non_field_errors"}


def test_several_invalid_fields_are_reported_together(api_client, agency):
    response = api_client.post(REPORTS, {"links": ["x"]}, format="json")

    assert set(response.json()["errors"]) == {"accused_name", "incident_date", "description", "links.0"}


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


def additions_url(report: Report) -> str:
    return f"{status_url(report)}additions/"


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
