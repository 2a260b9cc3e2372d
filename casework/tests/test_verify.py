"""/verify/<code>/ and GET /api/v1/public/documents/<code>/: is this letter genuine? No personal data."""

from typing import Any

import pytest

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import letters
from casework.letters import letter_render, letter_request, letter_supersede, requesting
from casework.models import Letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import ACCUSED, scenario_context
from core import clock
from core.audit_anchors import read_anchors
from core.models import AuditEvent

PERSONAL = [ACCUSED["name"], ACCUSED["nip"], "Rahmat", "Syamsul", "SMP Negeri 1", "0001/KASUS/LEBONG/2024"]


@pytest.fixture
def issued(db: Any, monkeypatch: pytest.MonkeyPatch) -> Letter:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    agency = AgencyFactory()
    officer: Any = IntakeOfficerFactory(username="verifikator-cek", agency=agency)
    case: Any = CaseFactory(agency=agency, registered_by=officer)
    letter = letter_request(case=case, kind="summons_1", actor=officer, context=scenario_context("summons_1"))
    return letter_render(letter_id=letter.pk)


def _api(client: Any, code: str, **headers: str) -> Any:
    return client.get(f"/api/v1/public/documents/{code}/", **headers)


@pytest.mark.django_db
def test_the_json_twin_tells_kind_number_date_office_hash_and_nothing_else(client, issued):
    response = _api(client, issued.verification_code)

    head = AuditEvent.objects.order_by("-id").first()
    assert response.status_code == 200
    assert response.json() == {
        "kind": "summons_1",
        "kind_label": "Surat Panggilan I",
        "number": issued.number,
        "date": clock.local_date(issued.requested_at).isoformat(),
        "issuing_office": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        "sha256": issued.sha256,
        "superseded": False,
        "audit_head_event": head.pk,
        "audit_head_hash": head.hash,
    }
    assert not [word for word in PERSONAL if word in response.content.decode()]


@pytest.mark.django_db
def test_the_json_twin_speaks_english_on_request_and_accepts_a_typed_code(client, issued):
    typed = letters.format_verification_code(issued.verification_code).lower()

    response = _api(client, typed, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.json()["kind_label"] == "Summons I"


@pytest.mark.django_db
def test_an_unknown_code_is_a_404_with_detail(client, issued):
    response = _api(client, "0000-0000-0000", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "No letter issued by Netra carries this verification code."}


@pytest.mark.django_db
def test_a_letter_not_issued_yet_is_unknown(client, issued):
    Letter.objects.filter(pk=issued.pk).update(status="rendering", pdf="", sha256="", issued_at=None)

    assert _api(client, issued.verification_code).status_code == 404
    assert client.get(f"/verify/{issued.verification_code}/").status_code == 404


@pytest.mark.django_db
def test_failed_look_ups_are_throttled_per_address(client, issued, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "pin_failures": "2/hour"},
    }

    statuses = [_api(client, "ZZZZZZZZZZZZ").status_code for _ in range(2)]
    refused = _api(client, issued.verification_code)
    page = client.get(f"/verify/{issued.verification_code}/")

    assert statuses == [404, 404]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert page.status_code == 429
    assert issued.sha256 not in page.content.decode()


@pytest.mark.django_db
def test_the_page_shows_the_same_facts_and_how_to_compare_the_hash(client, issued):
    response = client.get(f"/verify/{issued.verification_code}/")

    html = response.content.decode()
    assert response.status_code == 200
    for fact in (
        "Surat Panggilan I",
        issued.number,
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        issued.sha256,
        letters.format_verification_code(issued.verification_code),
        "sha256sum",
        "Netra menerbitkan surat dengan kode verifikasi ini.",
    ):
        assert fact in html, fact
    assert not [word for word in PERSONAL if word in html]


@pytest.mark.django_db
def test_the_page_warns_when_the_letter_was_replaced(client, issued):
    replacement = letter_render(
        letter_id=letter_request(
            case=issued.case, kind="summons_1", actor=issued.requested_by, context=scenario_context("summons_1")
        ).pk
    )
    letter_supersede(letter=issued, replacement=replacement, actor=issued.requested_by, reason="Koreksi jadwal")

    page = client.get(f"/verify/{issued.verification_code}/")

    assert page.status_code == 200
    assert "kemudian digantikan oleh surat lain" in page.content.decode()
    assert _api(client, issued.verification_code).json()["superseded"] is True


@pytest.mark.django_db
def test_the_page_for_an_unknown_code_says_so(client, issued):
    response = client.get("/verify/ABCDABCDABCD/")

    assert response.status_code == 404
    assert "Tidak ada surat" in response.content.decode()


@pytest.mark.django_db
def test_issuing_a_letter_anchors_the_audit_trail_head_outside_the_database(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    agency = AgencyFactory()
    officer: Any = IntakeOfficerFactory(username="verifikator-jangkar", agency=agency)
    case: Any = CaseFactory(agency=agency, registered_by=officer)
    letter = letter_request(case=case, kind="summons_1", actor=officer, context=scenario_context("summons_1"))

    with django_capture_on_commit_callbacks(execute=True):
        letter_render(letter_id=letter.pk)

    head = AuditEvent.objects.order_by("-id").first()
    assert [(anchor.reason, anchor.event_id, anchor.hash) for anchor in read_anchors()] == [
        ("letter_issued", head.pk, head.hash)
    ]


@pytest.mark.django_db
def test_the_page_prints_the_audit_trail_head(client, issued):
    head = AuditEvent.objects.order_by("-id").first()

    page = client.get(f"/verify/{issued.verification_code}/").content.decode()

    assert head.hash in page
