"""BKN's API (docs/api-contract.md, "BKN"): token access, idempotent recommendation, 409, isolation, list, detail."""

import datetime
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_issue
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent
from core.testing import pdf_bytes, stored_files
from violations.models import Evidence, Recommendation, Report
from violations.services import bkn_account_create
from violations.tests.api.support import VALID_NIP

pytestmark = pytest.mark.django_db

RECOMMENDATIONS = "/api/v1/bkn/recommendations/"
LETTER = "B-1234/R/KS.04/XI/2024"


def payload(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "letter_number": LETTER,
        "letter_date": "2024-11-04",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "incident_date": "2024-10-07",
        "description": "BKN merekomendasikan penjatuhan hukuman disiplin sesuai PP 94/2021.",
        "recommended_sanction": "R1",
    }
    values.update(overrides)
    return values


def detail_url(letter_number: str) -> str:
    return f"{RECOMMENDATIONS}{quote(letter_number, safe='')}/"


def _client(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user).key}")
    return client


@pytest.fixture
def bkn_client(agency) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {bkn_account_create(agency=agency, username='bkn-lebong').token}")
    return client


def test_without_a_token_401_and_other_accounts_403(api_client, agency, office_client, nothing_written):
    officer = _client(IntakeOfficerFactory(username="verifikator"))  # (issuing its token is audited: before)
    unchanged = nothing_written()

    statuses = [
        api_client.post(RECOMMENDATIONS, payload(), format="json").status_code,
        office_client.post(RECOMMENDATIONS, payload(), format="json").status_code,
        officer.post(RECOMMENDATIONS, payload(), format="json").status_code,
        office_client.get(RECOMMENDATIONS).status_code,
    ]

    assert statuses == [401, 403, 403, 403]
    unchanged()


def test_a_recommendation_is_recorded_as_a_bkn_report_in_triage(bkn_client, agency):
    response = bkn_client.post(RECOMMENDATIONS, payload(), format="json")

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"letter_number", "letter_date", "tracking_code", "status", "received_at"}
    assert (body["letter_number"], body["letter_date"], body["status"]) == (LETTER, "2024-11-04", "received")
    recommendation = Recommendation.objects.get()
    report = recommendation.report
    assert (recommendation.body, recommendation.agency, recommendation.recommended_sanction) == ("bkn", agency, "R1")
    assert recommendation.sent_by.username == "bkn-lebong"
    assert (report.tracking_code, report.channel, report.source, report.status) == (
        body["tracking_code"],
        "bkn",
        "api",
        "received",
    )
    assert (report.accused_nip, report.reporter.organisation) == (VALID_NIP, "BKN")
    assert AuditEvent.objects.filter(action="report_received", target_id=report.pk).count() == 1


def test_an_identical_repeat_returns_the_same_answer_with_200(bkn_client):
    first = bkn_client.post(RECOMMENDATIONS, payload(), format="json")
    again = bkn_client.post(RECOMMENDATIONS, payload(), format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert (Recommendation.objects.count(), Report.objects.count()) == (1, 1)


def test_other_content_under_the_same_letter_number_is_409_and_changes_nothing(bkn_client, nothing_written):
    bkn_client.post(RECOMMENDATIONS, payload(), format="json")
    unchanged = nothing_written()

    response = bkn_client.post(RECOMMENDATIONS, payload(recommended_sanction="R2"), format="json")

    assert response.status_code == 409
    assert (set(response.json()), response.json()["code"]) == ({"code", "detail"}, "recommendation_conflict")
    assert LETTER in response.json()["detail"]
    unchanged()


def test_the_letter_goes_under_evidence_and_is_kept_once(bkn_client, private_storage):
    def letter() -> SimpleUploadedFile:
        return SimpleUploadedFile("rekomendasi.pdf", pdf_bytes(), content_type="application/pdf")

    first = bkn_client.post(RECOMMENDATIONS, payload(evidence=[letter()]), format="multipart")
    same = bkn_client.post(RECOMMENDATIONS, payload(evidence=[letter()]), format="multipart")

    assert (first.status_code, same.status_code) == (201, 200)
    assert list(Evidence.objects.values_list("kind", "original_name")) == [("pdf", "rekomendasi.pdf")]
    assert len(stored_files(private_storage)) == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"letter_number": ""}, "letter_number"),
        ({"letter_date": "2999-01-01"}, "letter_date"),
        ({"recommended_sanction": "XX9"}, "recommended_sanction"),
        ({"accused_nip": "123"}, "accused_nip"),
        ({"description": ""}, "description"),
    ],
)
def test_an_invalid_body_is_400_in_indonesian_and_writes_nothing(bkn_client, nothing_written, overrides, field):
    unchanged = nothing_written()

    response = bkn_client.post(RECOMMENDATIONS, payload(**overrides), format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    unchanged()


def test_a_spoofed_letter_file_is_400_and_writes_nothing(bkn_client, nothing_written):
    unchanged = nothing_written()

    response = bkn_client.post(
        RECOMMENDATIONS,
        payload(evidence=[SimpleUploadedFile("rekomendasi.pdf", b"<html><script></script></html>")]),
        format="multipart",
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["evidence.0"]
    unchanged()


def test_the_list_and_the_detail_show_only_bkns_own(bkn_client, agency):
    bkn_client.post(RECOMMENDATIONS, payload(), format="json")
    other_agency = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    other = _client(bkn_account_create(agency=other_agency, username="bkn-rejang").user)
    other.post(RECOMMENDATIONS, payload(letter_number="B-9/R/2024"), format="json")

    listed = bkn_client.get(RECOMMENDATIONS).json()
    detail = bkn_client.get(detail_url(LETTER))

    assert [item["letter_number"] for item in listed["results"]] == [LETTER]
    assert detail.status_code == 200
    assert set(detail.json()) == {
        "letter_number",
        "letter_date",
        "tracking_code",
        "status",
        "received_at",
        "recommended_sanction",
        "timeline",
        "outcome",
    }
    assert (detail.json()["outcome"], detail.json()["timeline"][0]["status"]) == (None, "received")


def test_another_bodys_recommendation_is_404(bkn_client, agency):
    other_agency = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    other = _client(bkn_account_create(agency=other_agency, username="bkn-rejang").user)
    other.post(RECOMMENDATIONS, payload(), format="json")

    response = bkn_client.get(detail_url(LETTER), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "No recommendation of BKN has this letter number."}


def test_a_bawaslu_recommendation_of_the_same_agency_is_not_bkns(bkn_client, agency):
    from accounts.tests.factories import BawasluOfficeFactory
    from violations.services import RecommendationInput, ReportInput, recommendation_submit

    office = BawasluOfficeFactory(name="Bawaslu Kabupaten Lebong", agency=agency)
    letter = RecommendationInput(
        body="bawaslu", letter_number=LETTER, letter_date=datetime.date(2024, 11, 4), bawaslu_office=office
    )
    data = ReportInput(accused_name="Drs. Rahmat Hidayat", incident_date=datetime.date(2024, 10, 7), description="x")
    recommendation_submit(
        agency=agency,
        letter=letter,
        data=data,
        fingerprint="f" * 64,
        source="staff",
        submitted_by=UserFactory(username="verifikator-b", roles=[Role.INTAKE_OFFICER]),
    )

    assert bkn_client.get(detail_url(LETTER)).status_code == 404
    assert bkn_client.get(RECOMMENDATIONS).json()["results"] == []


def test_the_intake_officer_finds_it_in_the_triage_queue_with_its_letter(bkn_client, agency):
    from django.test import Client

    bkn_client.post(RECOMMENDATIONS, payload(), format="json")
    officer = Client()
    officer.force_login(IntakeOfficerFactory(username="verifikator-q", agency=agency))

    page = officer.get("/triage/").content.decode()

    assert f"BKN · {LETTER}" in page
