"""Citizens' API (docs/api-contract.md, "Citizens"): the catalogue and filing a report, with its errors (status,
additions and throttling: test_public_status.py)."""

import datetime
import re

import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.nip import parse_nip
from core import clock
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.models import Evidence, Report, ViolationType
from violations.tests.api.support import (
    JAKARTA_TIME,
    REPORTS,
    TYPES,
    VALID_NIP,
    report_payload,
)

pytestmark = pytest.mark.django_db


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


TOMORROW = (clock.today() + datetime.timedelta(days=1)).isoformat()


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
