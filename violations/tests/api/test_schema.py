"""The OpenAPI schema documents the published contract: paths, fields, error responses, Retry-After, limits."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from violations.evidence import limits_description

pytestmark = pytest.mark.django_db

PUBLIC_STATUSES = ["received", "in_review", "rejected", "merged", "in_process", "decided", "closed"]


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.json()


def _component(schema: dict, ref_holder: dict) -> dict:
    ref = ref_holder.get("$ref") or ref_holder["allOf"][0]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def _json_body(schema: dict, operation: dict, status: str) -> dict:
    return _component(schema, operation["responses"][status]["content"]["application/json"]["schema"])


def _invalid_body_shapes(schema: dict, operation: dict) -> list[list[str]]:
    """The required fields of each shape a 400 of a body-taking operation may have."""
    one_of = _json_body(schema, operation, "400")["oneOf"]
    return [_component(schema, shape)["required"] for shape in one_of]


def test_schema_lists_every_contract_path_and_method(schema):
    paths = schema["paths"]

    assert set(paths["/api/v1/public/violation-types/"]) == {"get"}
    assert set(paths["/api/v1/public/reports/"]) == {"post"}
    assert set(paths["/api/v1/public/reports/{tracking_code}/"]) == {"get"}
    assert set(paths["/api/v1/public/reports/{tracking_code}/additions/"]) == {"post"}
    assert set(paths["/api/v1/bawaslu/forwardings/"]) == {"get", "post"}
    assert set(paths["/api/v1/bawaslu/forwardings/{reference_number}/"]) == {"get"}


def test_public_write_and_pin_endpoints_document_400_404_429_with_retry_after(schema):
    paths = schema["paths"]
    create = paths["/api/v1/public/reports/"]["post"]
    status = paths["/api/v1/public/reports/{tracking_code}/"]["get"]
    addition = paths["/api/v1/public/reports/{tracking_code}/additions/"]["post"]

    assert set(create["responses"]) == {"201", "400", "429"}
    assert set(status["responses"]) == {"200", "404", "429"}
    assert set(addition["responses"]) == {"201", "400", "404", "409", "429"}
    for operation in (create, status, addition):
        throttled = operation["responses"]["429"]
        assert throttled["headers"]["Retry-After"]["schema"] == {"type": "integer"}
        assert _json_body(schema, operation, "429")["required"] == ["detail"]
    assert _invalid_body_shapes(schema, create) == [["errors"], ["detail"]]
    for operation in (status, addition):
        pin = [p for p in operation["parameters"] if p["name"] == "X-Access-Pin"]
        assert pin == [pin[0]] and pin[0]["in"] == "header" and pin[0]["required"] is True


def test_report_request_takes_json_and_multipart_with_the_contract_fields(schema):
    body = schema["paths"]["/api/v1/public/reports/"]["post"]["requestBody"]["content"]
    multipart = _component(schema, body["multipart/form-data"]["schema"])
    as_json = _component(schema, body["application/json"]["schema"])

    expected = {
        "anonymous",
        "reporter_name",
        "reporter_email",
        "reporter_phone",
        "accused_name",
        "accused_nip",
        "accused_position",
        "accused_agency",
        "incident_date",
        "incident_place",
        "description",
        "violation_type",
        "links",
    }
    assert set(multipart["properties"]) == expected | {"evidence"}
    assert set(as_json["properties"]) == expected
    assert set(multipart["required"]) == {"accused_name", "incident_date", "description"}
    assert multipart["properties"]["description"]["minLength"] == 30
    assert multipart["properties"]["evidence"]["items"] == {"type": "string", "format": "binary"}


def test_evidence_limits_are_published_in_the_evidence_field_description(schema):
    with translation.override("en"):
        expected = limits_description()
    for path in ("/api/v1/public/reports/", "/api/v1/public/reports/{tracking_code}/additions/"):
        body = schema["paths"][path]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        assert _component(schema, body)["properties"]["evidence"]["description"] == expected
    assert "10 MB" in expected and "SVG" in expected


def test_response_shapes_match_the_contract(schema):
    paths = schema["paths"]
    receipt = _json_body(schema, paths["/api/v1/public/reports/"]["post"], "201")
    status = _json_body(schema, paths["/api/v1/public/reports/{tracking_code}/"]["get"], "200")
    timeline = _component(schema, status["properties"]["timeline"]["items"])
    forwarding = _json_body(schema, paths["/api/v1/bawaslu/forwardings/"]["post"], "201")
    detail = _json_body(schema, paths["/api/v1/bawaslu/forwardings/{reference_number}/"]["get"], "200")
    outcome = detail["properties"]["outcome"]
    types = paths["/api/v1/public/violation-types/"]["get"]["responses"]["200"]["content"]["application/json"]

    assert list(receipt["properties"]) == ["tracking_code", "access_pin", "status", "received_at"]
    assert list(status["properties"]) == ["tracking_code", "status", "status_label", "received_at", "timeline"]
    assert list(timeline["properties"]) == ["status", "at", "note"]
    assert _component(schema, status["properties"]["status"])["enum"] == PUBLIC_STATUSES
    assert list(forwarding["properties"]) == ["reference_number", "tracking_code", "status", "received_at"]
    assert list(detail["properties"]) == [*forwarding["properties"], "timeline", "outcome"]
    assert outcome["nullable"] is True
    assert list(_component(schema, outcome)["properties"]) == [
        "proven",
        "sanction_type",
        "sanction_label",
        "decided_at",
        "decision_number",
    ]
    assert types["schema"]["type"] == "array"
    assert list(_component(schema, types["schema"]["items"])["properties"]) == [
        "code",
        "name",
        "description",
        "category",
    ]


def test_bawaslu_endpoints_document_token_auth_pagination_and_errors(schema):
    paths = schema["paths"]
    listing = paths["/api/v1/bawaslu/forwardings/"]["get"]
    create = paths["/api/v1/bawaslu/forwardings/"]["post"]
    detail = paths["/api/v1/bawaslu/forwardings/{reference_number}/"]["get"]

    assert schema["components"]["securitySchemes"]["tokenAuth"]["name"] == "Authorization"
    for operation in (listing, create, detail):
        assert operation["security"] == [{"tokenAuth": []}]
        assert {"401", "403"} <= set(operation["responses"])
    assert set(create["responses"]) == {"200", "201", "400", "401", "403", "409"}
    assert "404" in detail["responses"]
    page = _json_body(schema, listing, "200")
    assert list(page["properties"]) == ["next", "previous", "results"]
    status_parameter = next(p for p in listing["parameters"] if p["name"] == "status")
    assert status_parameter["schema"]["enum"] == sorted(PUBLIC_STATUSES)
    forwarding = create["requestBody"]["content"]["multipart/form-data"]["schema"]
    required = _component(schema, forwarding)["required"]
    assert set(required) == {"reference_number", "origin", "accused_name", "incident_date", "description"}


def test_schema_descriptions_follow_the_request_language(client):
    schema_id = client.get("/api/schema/", {"format": "json"}).json()

    summary = schema_id["paths"]["/api/v1/public/reports/"]["post"]["summary"]

    assert summary == "Buat laporan"


def test_schema_generates_valid_and_without_warnings(tmp_path: Path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--file",
            str(tmp_path / "schema.yml"),
        ],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "/api/v1/bawaslu/forwardings/{reference_number}/" in (tmp_path / "schema.yml").read_text()


def test_a_400_of_a_body_taking_operation_is_field_errors_or_a_detail_as_a_malformed_body_gets(schema, client):
    """A body that is not JSON answers `{"detail"}` (docs/api-contract.md, "General rules"): the schema says so."""
    paths = schema["paths"]
    operations = [
        paths["/api/v1/public/reports/"]["post"],
        paths["/api/v1/public/reports/{tracking_code}/additions/"]["post"],
        paths["/api/v1/bawaslu/forwardings/"]["post"],
    ]

    malformed = client.post("/api/v1/public/reports/", "{not json", content_type="application/json")

    assert [_invalid_body_shapes(schema, operation) for operation in operations] == [[["errors"], ["detail"]]] * 3
    assert malformed.status_code == 400
    assert list(malformed.json()) == ["detail"]


def test_bkn_endpoints_are_documented_like_the_bawaslu_ones(schema):
    paths = schema["paths"]
    assert set(paths["/api/v1/bkn/recommendations/"]) == {"get", "post"}
    assert set(paths["/api/v1/bkn/recommendations/{letter_number}/"]) == {"get"}
    create = paths["/api/v1/bkn/recommendations/"]["post"]
    detail = paths["/api/v1/bkn/recommendations/{letter_number}/"]["get"]

    for operation in (paths["/api/v1/bkn/recommendations/"]["get"], create, detail):
        assert operation["security"] == [{"tokenAuth": []}]
        assert {"401", "403"} <= set(operation["responses"])
    assert set(create["responses"]) == {"200", "201", "400", "401", "403", "409"}
    assert "404" in detail["responses"]
    request = _component(schema, create["requestBody"]["content"]["multipart/form-data"]["schema"])
    assert set(request["required"]) == {"letter_number", "letter_date", "accused_name", "incident_date", "description"}
    assert "evidence" in request["properties"]
