"""Bawaslu offices' API (docs/api-contract.md): token access, idempotent forwarding, 409, isolation, list, detail,
outcome."""

import datetime
import re
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_issue
from accounts.roles import Role
from accounts.tests.factories import BawasluOfficeFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.models import BawasluForwarding, Evidence, Report
from violations.services import report_record_outcome, report_reject, report_start_review
from violations.tests.api.support import VALID_NIP
from violations.tests.factories import ForwardingFactory

pytestmark = pytest.mark.django_db

FORWARDINGS = "/api/v1/bawaslu/forwardings/"
REFERENCE = "001/Reg/LP/PB/Kab/04.06/XI/2024"
JAKARTA_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def forwarding_payload(**overrides: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "reference_number": REFERENCE,
        "origin": "finding",
        "election": "Pilkada 2024 Kabupaten Lebong",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Terlapor membagikan unggahan kampanye pasangan calon.",
        "violation_type": "N04",
        "recommendation": "Diteruskan kepada PPK untuk dijatuhi sanksi sesuai ketentuan.",
        "links": ["https://www.facebook.com/share/p/abc/", "https://www.facebook.com/share/p/def/"],
    }
    payload.update(overrides)
    return payload


def detail_url(reference_number: str) -> str:
    return f"{FORWARDINGS}{quote(reference_number, safe='')}/"


# --- authentication and roles ------------------------------------------------------------------------------


def test_without_a_token_the_answer_is_401(api_client, agency, nothing_written):
    unchanged = nothing_written()

    responses = [
        api_client.get(FORWARDINGS),
        api_client.post(FORWARDINGS, forwarding_payload(), format="json"),
        api_client.get(detail_url(REFERENCE)),
    ]

    assert [response.status_code for response in responses] == [401, 401, 401]
    assert responses[0]["WWW-Authenticate"] == "Token"
    assert set(responses[0].json()) == {"detail"}
    unchanged()


def test_an_invalid_token_is_401(agency):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")

    assert client.get(FORWARDINGS).status_code == 401


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [
        (lambda: IntakeOfficerFactory(), 403),
        (lambda: UserFactory(roles=[Role.BAWASLU_OFFICE]), 403),  # the role but no office
        (lambda: UserFactory(bawaslu_office=BawasluOfficeFactory()), 403),  # an office but not the role
        (lambda: UserFactory(roles=[Role.BAWASLU_OFFICE], bawaslu_office=BawasluOfficeFactory(), is_active=False), 401),
    ],
    ids=["intake_officer", "role_without_office", "office_without_role", "inactive"],
)
def test_accounts_that_are_not_an_active_office_are_refused_and_nothing_is_written(
    agency, nothing_written, make_user, expected
):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=make_user()).key}")
    unchanged = nothing_written()

    post = client.post(FORWARDINGS, forwarding_payload(), format="json")
    listing = client.get(FORWARDINGS)
    detail = client.get(detail_url(REFERENCE))

    assert [post.status_code, listing.status_code, detail.status_code] == [expected] * 3
    unchanged()


def test_a_staff_account_gets_403_with_a_detail(agency):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=IntakeOfficerFactory()).key}")

    response = client.get(FORWARDINGS, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert response.json() == {"detail": "Only a Bawaslu office's account may use this endpoint."}


def test_session_login_is_not_accepted(agency, office_user):
    client = APIClient()
    client.force_login(office_user)

    assert client.get(FORWARDINGS).status_code == 401


# --- forwarding -------------------------------------------------------------------------------------------


def test_forwarding_answers_201_with_exactly_the_contract_fields(office_client, office_user):
    response = office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    assert response.status_code == 201
    body = response.json()
    forwarding = BawasluForwarding.objects.get()
    report = forwarding.report
    assert body == {
        "reference_number": REFERENCE,
        "tracking_code": report.tracking_code,
        "status": "received",
        "received_at": timezone.localtime(report.received_at).isoformat(timespec="seconds"),
    }
    assert JAKARTA_TIME.match(body["received_at"])
    assert (forwarding.office, forwarding.origin) == (office_user.bawaslu_office, "finding")
    assert forwarding.recommendation == "Diteruskan kepada PPK untuk dijatuhi sanksi sesuai ketentuan."
    assert (report.channel, report.source, report.submitted_by) == ("bawaslu", "api", office_user)
    assert (report.agency, report.election_text) == (office_user.bawaslu_office.agency, "Pilkada 2024 Kabupaten Lebong")
    assert report.violation_type.code == "N04" and report.accused_nip == VALID_NIP
    assert report.reporter.organisation == "Bawaslu Kabupaten Lebong"
    assert list(report.links.values_list("url", flat=True)) == [
        "https://www.facebook.com/share/p/abc/",
        "https://www.facebook.com/share/p/def/",
    ]
    assert list(AuditEvent.objects.order_by("id").values_list("action", "actor")) == [
        ("api_token_issued", None),  # the fixture's token
        ("report_received", office_user.pk),
    ]


def test_only_the_contracts_required_fields_are_required(office_client):
    payload = {
        "reference_number": "7/PL/2024",
        "origin": "report",
        "accused_name": "Rahmat",
        "incident_date": "2024-10-07",
        "description": "Foto bersama calon.",
    }

    response = office_client.post(FORWARDINGS, payload, format="json")

    assert response.status_code == 201
    assert Report.objects.get().violation_type is None


def test_missing_required_fields_are_each_reported(office_client, nothing_written):
    unchanged = nothing_written()

    response = office_client.post(FORWARDINGS, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"reference_number", "origin", "accused_name", "incident_date", "description"}
    assert errors["origin"] == ["This field is required."]
    unchanged()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"origin": "rumour"}, "origin"),
        ({"accused_nip": "123"}, "accused_nip"),
        ({"incident_date": "07-10-2024"}, "incident_date"),
        ({"incident_date": "2999-01-01"}, "incident_date"),
        ({"violation_type": "Z01"}, "violation_type"),
        ({"links": ["https://ok.example/", "mailto:a@b.c"]}, "links.1"),
        ({"reference_number": "001/Reg\n/2024"}, "reference_number"),
        ({"reference_number": "x" * 121}, "reference_number"),
    ],
)
def test_invalid_forwarding_is_400_keyed_by_field_and_writes_nothing(office_client, nothing_written, overrides, field):
    unchanged = nothing_written()

    response = office_client.post(FORWARDINGS, forwarding_payload(**overrides), format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    unchanged()


def test_identical_repeat_answers_200_with_the_same_body_and_no_duplicate(office_client):
    first = office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    again = office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert BawasluForwarding.objects.count() == 1 and Report.objects.count() == 1


def test_repeat_is_identical_despite_link_order_omitted_empty_fields_and_code_case(office_client):
    first = office_client.post(FORWARDINGS, forwarding_payload(accused_position=""), format="json")
    payload = forwarding_payload(violation_type="n04")
    payload["links"] = list(reversed(payload["links"]))  # type: ignore[arg-type]
    del payload["accused_position"]

    again = office_client.post(FORWARDINGS, payload, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert BawasluForwarding.objects.count() == 1


def test_repeat_reports_the_current_status(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    report_start_review(report=Report.objects.get(), actor=None)

    again = office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    assert (again.status_code, again.json()["status"]) == (200, "in_review")


def test_same_number_with_other_content_is_409_and_changes_nothing(office_client, nothing_written):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    unchanged = nothing_written()

    response = office_client.post(
        FORWARDINGS, forwarding_payload(description="Isi yang lain."), format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 409
    assert response.json()["detail"] == (
        f"A forwarding with reference number {REFERENCE} already exists with other content. Nothing was changed; "
        "send corrections through your contact at the agency."
    )
    assert BawasluForwarding.objects.get().report.description == "Terlapor membagikan unggahan kampanye pasangan calon."
    unchanged()


def test_invalid_body_under_an_existing_number_is_400_not_200_or_409(office_client, nothing_written):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    unchanged = nothing_written()

    response = office_client.post(FORWARDINGS, forwarding_payload(incident_date="kemarin"), format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["incident_date"]
    unchanged()


def test_two_offices_may_use_the_same_reference_number(office_client, other_office_client):
    first = office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    second = other_office_client.post(FORWARDINGS, forwarding_payload(description="Lain."), format="json")

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["tracking_code"] != second.json()["tracking_code"]


def test_multipart_forwarding_with_files_is_idempotent_on_the_files_content(office_client, private_storage):
    def payload(*files: tuple[str, bytes]) -> dict[str, object]:
        return forwarding_payload(
            evidence=[
                SimpleUploadedFile(name, content, content_type="application/octet-stream") for name, content in files
            ]
        )

    first = office_client.post(FORWARDINGS, payload(("a.png", png_bytes()), ("b.pdf", pdf_bytes())), format="multipart")
    same = office_client.post(FORWARDINGS, payload(("b.pdf", pdf_bytes()), ("a.png", png_bytes())), format="multipart")
    other = office_client.post(FORWARDINGS, payload(("a.png", png_bytes(color=(1, 2, 3)))), format="multipart")

    assert (first.status_code, same.status_code, other.status_code) == (201, 200, 409)
    assert list(Evidence.objects.order_by("id").values_list("kind", flat=True)) == ["image", "pdf"]
    assert len(stored_files(private_storage)) == 2


def test_spoofed_evidence_in_a_forwarding_is_400_and_writes_nothing(office_client, nothing_written):
    unchanged = nothing_written()

    response = office_client.post(
        FORWARDINGS,
        forwarding_payload(evidence=[SimpleUploadedFile("foto.jpg", b"<html><script></script></html>")]),
        format="multipart",
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["evidence.0"]
    unchanged()


def test_bawaslu_endpoints_are_not_throttled_by_the_public_rates(office_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"public_reports": "1/hour", "pin_failures": "1/hour"},
    }

    statuses = [
        office_client.post(FORWARDINGS, forwarding_payload(reference_number=f"{n}/2024"), format="json").status_code
        for n in range(3)
    ]

    assert statuses == [201, 201, 201]


# --- list -----------------------------------------------------------------------------------------------


def _forwardings(office, count: int, **kwargs: object) -> list[Any]:
    return [ForwardingFactory(office=office, report__agency=office.agency, **kwargs) for _ in range(count)]


def test_list_shows_only_the_offices_own_forwardings_newest_first(office_client, office_user):
    own = _forwardings(office_user.bawaslu_office, 3)
    _forwardings(BawasluOfficeFactory(), 2)

    response = office_client.get(FORWARDINGS)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"next", "previous", "results"}
    assert (body["next"], body["previous"]) == (None, None)
    assert [item["reference_number"] for item in body["results"]] == [f.reference_number for f in reversed(own)]
    first = own[-1]
    assert body["results"][0] == {
        "reference_number": first.reference_number,
        "tracking_code": first.report.tracking_code,
        "status": "received",
        "received_at": timezone.localtime(first.report.received_at).isoformat(timespec="seconds"),
    }


def test_list_is_paginated_with_a_cursor(office_client, office_user):
    own = _forwardings(office_user.bawaslu_office, 5)

    page1 = office_client.get(FORWARDINGS, {"page_size": 2}).json()
    page2 = office_client.get(page1["next"]).json()
    page3 = office_client.get(page2["next"]).json()

    seen = [item["reference_number"] for page in (page1, page2, page3) for item in page["results"]]
    assert seen == [f.reference_number for f in reversed(own)]
    assert "cursor=" in page1["next"] and page1["previous"] is None
    assert page3["next"] is None and page3["previous"] is not None


def test_list_filters_by_public_status(office_client, office_user):
    office = office_user.bawaslu_office
    received = _forwardings(office, 1)[0]
    in_review = _forwardings(office, 1)[0]
    awaiting = _forwardings(office, 1, report__status=Report.Status.AWAITING_INFORMATION)[0]
    report_start_review(report=in_review.report, actor=None)

    def references(status: str) -> set[str]:
        return {
            item["reference_number"] for item in office_client.get(FORWARDINGS, {"status": status}).json()["results"]
        }

    assert references("received") == {received.reference_number}
    assert references("in_review") == {in_review.reference_number, awaiting.reference_number}
    assert references("rejected") == set()


def test_list_with_an_unknown_status_is_400(office_client):
    response = office_client.get(FORWARDINGS, {"status": "awaiting_information"})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["status"]


@pytest.mark.parametrize("count", [3, 12])
def test_list_query_count_does_not_grow_with_the_number_of_forwardings(
    office_client, office_user, django_assert_num_queries, count
):
    _forwardings(office_user.bawaslu_office, count)

    # token + user, roles, office, page of forwardings with their reports
    with django_assert_num_queries(4):
        response = office_client.get(FORWARDINGS)

    assert len(response.json()["results"]) == count


# --- detail ---------------------------------------------------------------------------------------------


def test_detail_by_percent_encoded_reference_number_has_timeline_and_null_outcome(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    report = Report.objects.get()

    response = office_client.get(f"{FORWARDINGS}001%2FReg%2FLP%2FPB%2FKab%2F04.06%2FXI%2F2024/")

    assert response.status_code == 200
    at = timezone.localtime(report.received_at).isoformat(timespec="seconds")
    assert response.json() == {
        "reference_number": REFERENCE,
        "tracking_code": report.tracking_code,
        "status": "received",
        "received_at": at,
        "timeline": [{"status": "received", "at": at, "note": "Laporan diterima."}],
        "outcome": None,
    }


def test_detail_shows_the_outcome_once_recorded(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    report_record_outcome(
        report=Report.objects.get(),
        proven=True,
        decided_at=datetime.date(2025, 1, 20),
        sanction_type="B1",
        sanction_label="Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        decision_number="800.1.6.4/012/BKPSDM/2025",
    )

    body = office_client.get(detail_url(REFERENCE)).json()

    assert body["outcome"] == {
        "proven": True,
        "sanction_type": "B1",
        "sanction_label": "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "decided_at": "2025-01-20",
        "decision_number": "800.1.6.4/012/BKPSDM/2025",
    }


def test_outcome_without_a_sanction_has_a_null_sanction_type(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    report_record_outcome(report=Report.objects.get(), proven=False, decided_at=datetime.date(2025, 1, 20))

    outcome = office_client.get(detail_url(REFERENCE)).json()["outcome"]

    assert (outcome["proven"], outcome["sanction_type"], outcome["sanction_label"]) == (False, None, "")


def test_detail_timeline_is_public_and_translated(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")
    report_reject(report=Report.objects.get(), actor=None, reason="Terlapor bukan ASN Kabupaten Lebong.")

    body = office_client.get(detail_url(REFERENCE), HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["status"] == "rejected"
    assert [(entry["status"], entry["note"]) for entry in body["timeline"]] == [
        ("received", "Report received."),
        ("rejected", "The report was not taken further: Terlapor bukan ASN Kabupaten Lebong."),
    ]


def test_another_offices_forwarding_is_404(office_client, other_office_client):
    other_office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    response = office_client.get(detail_url(REFERENCE), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "No forwarding of your office has this reference number."}


def test_unknown_reference_number_is_404(office_client):
    assert office_client.get(detail_url("999/Reg/2024")).status_code == 404


def test_a_plain_slash_path_reaches_the_same_forwarding(office_client):
    office_client.post(FORWARDINGS, forwarding_payload(), format="json")

    assert office_client.get(f"{FORWARDINGS}{REFERENCE}/").status_code == 200
