"""An outside client checks every promise of docs/api-contract.md over real HTTP against a live server.

Written as a citizen's app or a Bawaslu office's system would be: urllib only, no Django test client, nothing but
URLs, headers and JSON. Each test is one promise (or a small group of related ones), bad inputs included.
"""

import datetime
import io
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

import pytest
from django.core.management import call_command

from accounts.tests.factories import AgencyFactory
from core.testing import png_bytes
from violations.models import BawasluForwarding, Evidence, Report
from violations.services import report_record_outcome, report_reject

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ISO_JAKARTA = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00$")
REFERENCE = "001/Reg/LP/PB/Kab/04.06/XI/2024"
HTML_AS_JPEG = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: Any


class Client:
    """A minimal HTTP client, as an app would have."""

    def __init__(self, base_url: str, token: str = "", language: str = "") -> None:
        self.base_url = base_url
        self.token = token
        self.language = language

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        raw: bytes | None = None,
        content_type: str = "",
        fields: list[tuple[str, str]] | None = None,
        files: list[tuple[str, str, bytes]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        data = raw
        all_headers = {"Accept": "application/json", **(headers or {})}
        if json_body is not None:
            data, content_type = json.dumps(json_body).encode(), "application/json"
        elif fields is not None or files is not None:
            data, content_type = _multipart(fields or [], files or [])
        if content_type:
            all_headers["Content-Type"] = content_type
        if self.token:
            all_headers["Authorization"] = f"Token {self.token}"
        if self.language:
            all_headers["Accept-Language"] = self.language
        url = path if path.startswith("http") else f"{self.base_url}{path}"
        request = Request(url, data=data, method=method, headers=all_headers)  # noqa: S310 (the live server)
        try:
            with urlopen(request, timeout=30) as response:  # noqa: S310
                return Answer(response.status, dict(response.headers), _decode(response.read()))
        except HTTPError as error:
            return Answer(error.code, dict(error.headers), _decode(error.read()))

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Answer:
        return self.request("POST", path, **kwargs)


def _decode(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return content.decode(errors="replace")


def _multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for name, value in fields:
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def report_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "reporter_name": "Siti Aminah",
        "reporter_email": "siti.aminah@example.id",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": "198001012005031001",
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Terlapor membagikan dan menyukai unggahan kampanye pasangan calon bupati.",
        "violation_type": "N04",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    body.update(overrides)
    return body


def forwarding_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "reference_number": REFERENCE,
        "origin": "finding",
        "election": "Pilkada 2024 Kabupaten Lebong",
        "accused_name": "Drs. Rahmat Hidayat",
        "incident_date": "2024-10-07",
        "description": "Terlapor hadir dan aktif mendukung pada kampanye pasangan calon.",
        "recommendation": "Diteruskan kepada PPK.",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    body.update(overrides)
    return body


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def citizen(live_server, agency) -> Client:
    return Client(live_server.url)


@pytest.fixture
def office_token(agency) -> str:
    out = io.StringIO()
    call_command("bawaslu_office_create", "Bawaslu Kabupaten Lebong", stdout=out)
    return out.getvalue().splitlines()[-1]


@pytest.fixture
def office(live_server, office_token) -> Client:
    return Client(live_server.url, token=office_token)


@pytest.fixture
def rates(settings):
    def set_rates(public_reports: str = "30/hour", pin_failures: str = "10/hour") -> None:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"public_reports": public_reports, "pin_failures": pin_failures},
        }

    return set_rates


def _filed(citizen: Client, **overrides: Any) -> dict[str, Any]:
    answer = citizen.post("/api/v1/public/reports/", json_body=report_body(**overrides))
    assert answer.status == 201, answer.body
    return answer.body


# --- general rules ------------------------------------------------------------------------------------------


def test_schema_and_docs_are_served(citizen):
    schema = citizen.get("/api/schema/?format=json")
    docs = Client(citizen.base_url).request("GET", "/api/docs/", headers={"Accept": "text/html"})

    assert schema.status == 200 and schema.body["openapi"].startswith("3.")
    assert "/api/v1/public/reports/" in schema.body["paths"]
    assert docs.status == 200 and "swagger" in docs.body.lower()


def test_bad_input_never_gets_a_5xx(citizen, office):
    answers = [
        citizen.post("/api/v1/public/reports/", raw=b"{not json", content_type="application/json"),
        citizen.post("/api/v1/public/reports/", raw=b"plain text", content_type="text/plain"),
        citizen.post("/api/v1/public/reports/", json_body=["a", "list"]),
        citizen.post("/api/v1/public/reports/", json_body={"incident_date": "2024-02-30", "links": "x"}),
        citizen.get("/api/v1/public/reports/%00%ff/", headers={"X-Access-Pin": "\u00e9"}),
        office.post("/api/v1/bawaslu/forwardings/", json_body={"evidence": [1], "links": [{"a": 1}]}),
        office.get("/api/v1/bawaslu/forwardings/?cursor=garbage&page_size=100000"),
        office.get("/api/v1/bawaslu/forwardings/%00/"),
    ]

    assert [answer.status for answer in answers] == [400, 415, 400, 400, 404, 400, 404, 404]
    assert Report.objects.count() == 0


# --- citizens ----------------------------------------------------------------------------------------------


def test_violation_types_are_a_plain_array_named_in_the_request_language(citizen):
    indonesian = citizen.get("/api/v1/public/violation-types/")
    english = Client(citizen.base_url, language="en").get("/api/v1/public/violation-types/")

    assert isinstance(indonesian.body, list) and len(indonesian.body) == 13
    assert all(set(item) == {"code", "name", "description", "category"} for item in indonesian.body)
    assert indonesian.body[0]["code"] == "N01" and english.body[0]["code"] == "N01"
    assert indonesian.body[0]["name"].startswith("Memasang")
    assert english.body[0]["name"].startswith("Puts up")


def test_filing_a_report_returns_code_pin_status_and_time(citizen):
    body = _filed(citizen)

    assert set(body) == {"tracking_code", "access_pin", "status", "received_at"}
    assert body["status"] == "received"
    assert ISO_JAKARTA.match(body["received_at"])
    stored = Report.objects.get(tracking_code=body["tracking_code"])
    assert body["access_pin"] not in stored.access_pin_hash


def test_filing_with_multipart_stores_the_file(citizen):
    fields = [(key, value) for key, value in report_body().items() if key != "links"]
    fields += [("links", "https://www.facebook.com/share/p/abc/"), ("links", "https://www.instagram.com/p/xyz/")]

    answer = citizen.post("/api/v1/public/reports/", fields=fields, files=[("evidence", "layar.png", png_bytes())])

    assert answer.status == 201, answer.body
    report = Report.objects.get(tracking_code=answer.body["tracking_code"])
    assert report.links.count() == 2
    assert list(Evidence.objects.filter(report=report).values_list("content_type", flat=True)) == ["image/png"]


def test_field_errors_are_keyed_with_list_positions_and_nothing_is_stored(citizen):
    english = Client(citizen.base_url, language="en")

    links = english.post("/api/v1/public/reports/", json_body=report_body(links=["https://ok.example/", "nope"]))
    fields = [(key, value) for key, value in report_body().items() if key != "links"]
    evidence = english.post(
        "/api/v1/public/reports/",
        fields=fields,
        files=[("evidence", "ok.png", png_bytes()), ("evidence", "foto.jpg", HTML_AS_JPEG)],
    )

    assert links.status == 400
    assert links.body == {"errors": {"links.1": ["Enter a valid web address starting with http:// or https://."]}}
    assert evidence.status == 400
    assert evidence.body == {
        "errors": {"evidence.1": ["File type not accepted (text/html). Send an image, a PDF or a video."]}
    }
    assert Report.objects.count() == 0 and Evidence.objects.count() == 0


def test_validation_rules_of_the_report(citizen):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    cases = {
        "accused_name": report_body(accused_name=""),
        "accused_nip": report_body(accused_nip="123456789012345678"),
        "incident_date": report_body(incident_date=tomorrow),
        "description": report_body(description="Terlalu pendek."),
        "violation_type": report_body(violation_type="N77"),
        "reporter_name": report_body(reporter_name=""),
        "reporter_email": report_body(reporter_email=""),
    }

    keys = {
        field: sorted(citizen.post("/api/v1/public/reports/", json_body=body).body["errors"])
        for field, body in cases.items()
    }

    assert keys == {field: [field] for field in cases}
    assert _filed(citizen, anonymous=True, reporter_name="", reporter_email="")["status"] == "received"


def test_messages_are_indonesian_by_default_and_english_on_request(citizen):
    body = report_body(description="Pendek.")

    indonesian = citizen.post("/api/v1/public/reports/", json_body=body)
    english = Client(citizen.base_url, language="en").post("/api/v1/public/reports/", json_body=body)

    assert indonesian.body == {"errors": {"description": ["Uraikan kejadian sekurang-kurangnya 30 karakter."]}}
    assert english.body == {"errors": {"description": ["Describe what happened in at least 30 characters."]}}


def test_status_with_code_and_pin(citizen):
    filed = _filed(citizen)
    path = f"/api/v1/public/reports/{filed['tracking_code']}/"

    indonesian = citizen.get(path, headers={"X-Access-Pin": filed["access_pin"]})
    english = Client(citizen.base_url, language="en").get(path, headers={"X-Access-Pin": filed["access_pin"]})

    assert indonesian.status == 200
    assert indonesian.body == {
        "tracking_code": filed["tracking_code"],
        "status": "received",
        "status_label": "Diterima",
        "received_at": filed["received_at"],
        "timeline": [{"status": "received", "at": filed["received_at"], "note": "Laporan diterima."}],
    }
    assert (english.body["status_label"], english.body["timeline"][0]["note"]) == ("Received", "Report received.")


def test_wrong_code_wrong_pin_and_missing_pin_are_the_same_404(citizen):
    filed = _filed(citizen)
    path = f"/api/v1/public/reports/{filed['tracking_code']}/"

    answers = [
        citizen.get(path, headers={"X-Access-Pin": "00000000"}),
        citizen.get("/api/v1/public/reports/NTR-0000-0000/", headers={"X-Access-Pin": filed["access_pin"]}),
        citizen.get(path),
    ]

    assert {answer.status for answer in answers} == {404}
    assert answers[0].body == answers[1].body == answers[2].body
    assert set(answers[0].body) == {"detail"}


def test_repeated_pin_failures_are_throttled_with_retry_after(citizen, rates):
    rates(pin_failures="3/hour")
    filed = _filed(citizen)
    path = f"/api/v1/public/reports/{filed['tracking_code']}/"
    failures = [citizen.get(path, headers={"X-Access-Pin": f"{n:08d}"}).status for n in range(3)]

    blocked = citizen.get(path, headers={"X-Access-Pin": filed["access_pin"]})

    assert failures == [404, 404, 404]
    assert blocked.status == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 3601
    assert set(blocked.body) == {"detail"}


def test_new_reports_are_throttled_with_retry_after(citizen, rates):
    rates(public_reports="2/hour")
    _filed(citizen)
    _filed(citizen)

    third = citizen.post("/api/v1/public/reports/", json_body=report_body())

    assert third.status == 429
    assert int(third.headers["Retry-After"]) >= 1
    assert set(third.body) == {"detail"}
    assert Report.objects.count() == 2


def test_additions_answer_201_with_the_status_body_and_409_once_closed(citizen):
    filed = _filed(citizen)
    path = f"/api/v1/public/reports/{filed['tracking_code']}/additions/"
    pin = {"X-Access-Pin": filed["access_pin"]}

    added = citizen.post(path, json_body={"description": "Unggahan kedua, 8 Oktober."}, headers=pin)
    with_file = citizen.post(path, fields=[], files=[("evidence", "b.png", png_bytes())], headers=pin)
    report_reject(report=Report.objects.get(), actor=None, reason="Bukan ASN.")
    refused = citizen.post(path, json_body={"description": "Lagi."}, headers=pin)
    wrong_pin = citizen.post(path, json_body={"description": "Lagi."}, headers={"X-Access-Pin": "1"})

    assert added.status == 201
    assert set(added.body) == {"tracking_code", "status", "status_label", "received_at", "timeline"}
    assert with_file.status == 201 and Evidence.objects.count() == 1
    assert refused.status == 409 and set(refused.body) >= {"detail"}
    assert wrong_pin.status == 404
    timeline = citizen.get(f"/api/v1/public/reports/{filed['tracking_code']}/", headers=pin).body["timeline"]
    assert timeline[-1] == {
        "status": "rejected",
        "at": timeline[-1]["at"],
        "note": "Laporan tidak ditindaklanjuti: Bukan ASN.",
    }


def test_public_endpoints_need_no_csrf_token_nor_cookie(citizen):
    answer = citizen.post("/api/v1/public/reports/", json_body=report_body(), headers={"Origin": "https://app.example"})

    assert answer.status == 201
    assert "Set-Cookie" not in answer.headers


# --- Bawaslu offices ---------------------------------------------------------------------------------------


def test_bawaslu_endpoints_need_the_office_token(live_server, office_token):
    anonymous = Client(live_server.url)
    wrong = Client(live_server.url, token="f" * 40)

    assert anonymous.get("/api/v1/bawaslu/forwardings/").status == 401
    assert wrong.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body()).status == 401
    assert BawasluForwarding.objects.count() == 0


def test_forwarding_is_idempotent_and_conflicting_content_is_409(office):
    first = office.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body())
    again = office.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body())
    other = Client(office.base_url, token=office.token, language="en").post(
        "/api/v1/bawaslu/forwardings/", json_body=forwarding_body(description="Isi lain.")
    )
    invalid = office.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body(origin="gossip"))

    assert first.status == 201
    assert set(first.body) == {"reference_number", "tracking_code", "status", "received_at"}
    assert (first.body["reference_number"], first.body["status"]) == (REFERENCE, "received")
    assert ISO_JAKARTA.match(first.body["received_at"])
    assert (again.status, again.body) == (200, first.body)
    assert other.status == 409 and "already exists with other content" in other.body["detail"]
    assert invalid.status == 400 and list(invalid.body["errors"]) == ["origin"]
    assert BawasluForwarding.objects.count() == 1


def test_forwarding_with_multipart_evidence(office):
    fields = [(key, value) for key, value in forwarding_body().items() if key != "links"]
    fields.append(("links", "https://www.facebook.com/share/p/abc/"))

    answer = office.post("/api/v1/bawaslu/forwardings/", fields=fields, files=[("evidence", "a.png", png_bytes())])
    spoofed = office.post(
        "/api/v1/bawaslu/forwardings/",
        fields=[*fields[:1], ("reference_number", "2/2024"), *fields[1:]],
        files=[("evidence", "a.jpg", HTML_AS_JPEG)],
    )

    assert answer.status == 201 and Evidence.objects.count() == 1
    assert spoofed.status == 400 and list(spoofed.body["errors"]) == ["evidence.0"]


def test_list_is_cursor_paginated_filterable_and_own_only(live_server, office, agency):
    for n in range(3):
        office.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body(reference_number=f"{n}/Reg/2024"))
    out = io.StringIO()
    call_command("bawaslu_office_create", "Bawaslu Provinsi Bengkulu", stdout=out)
    other = Client(live_server.url, token=out.getvalue().splitlines()[-1])
    other.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body(reference_number="9/Reg/2024"))

    page1 = office.get("/api/v1/bawaslu/forwardings/?page_size=2")
    page2 = office.get(page1.body["next"])
    received = office.get("/api/v1/bawaslu/forwardings/?status=received")
    decided = office.get("/api/v1/bawaslu/forwardings/?status=decided")
    invalid = office.get("/api/v1/bawaslu/forwardings/?status=bogus")

    assert set(page1.body) == {"next", "previous", "results"}
    references = [item["reference_number"] for item in page1.body["results"] + page2.body["results"]]
    assert references == ["2/Reg/2024", "1/Reg/2024", "0/Reg/2024"]
    assert page2.body["next"] is None and page2.body["previous"] is not None
    assert set(page1.body["results"][0]) == {"reference_number", "tracking_code", "status", "received_at"}
    assert len(received.body["results"]) == 3 and decided.body["results"] == []
    assert invalid.status == 400 and list(invalid.body["errors"]) == ["status"]


def test_detail_by_percent_encoded_reference_with_timeline_and_outcome(live_server, office):
    filed = office.post("/api/v1/bawaslu/forwardings/", json_body=forwarding_body()).body
    path = f"/api/v1/bawaslu/forwardings/{quote(REFERENCE, safe='')}/"
    assert "%2F" in path

    before = office.get(path)
    report_record_outcome(
        report=Report.objects.get(),
        proven=True,
        decided_at=datetime.date(2025, 1, 20),
        sanction_type="M2",
        sanction_label="Sanksi moral berupa pernyataan secara terbuka",
        decision_number="800/015/BKPSDM/2025",
    )
    after = office.get(path)
    out = io.StringIO()
    call_command("bawaslu_office_create", "Bawaslu Kabupaten Rejang Lebong", stdout=out)
    stranger = Client(live_server.url, token=out.getvalue().splitlines()[-1]).get(path)

    assert before.status == 200
    assert {key: value for key, value in before.body.items() if key not in ("timeline", "outcome")} == filed
    assert before.body["outcome"] is None
    assert before.body["timeline"][0]["status"] == "received"
    assert after.body["outcome"] == {
        "proven": True,
        "sanction_type": "M2",
        "sanction_label": "Sanksi moral berupa pernyataan secara terbuka",
        "decided_at": "2025-01-20",
        "decision_number": "800/015/BKPSDM/2025",
    }
    assert stranger.status == 404 and set(stranger.body) == {"detail"}
