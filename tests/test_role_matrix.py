"""Every role × every triage and casework page and action: the exact status code, and nothing written when refused.

Only intake officers of the report's agency see and act on reports (another agency's report or case is a 404);
the case pages also let in the agency's administrators and examiners (an examiner not on the case: 404);
internal reporters may only record internal findings; other signed-in users get 403; visitors are sent to log in.
Every account opens its own pages (profile, password change).
"""

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import (
    AgencyFactory,
    BawasluUserFactory,
    CivilServantFactory,
    IntakeOfficerFactory,
    UserFactory,
)
from casework import services as case_services
from casework.letters import letter_mark_failed, letter_render, letter_request
from casework.models import Case, Letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import scenario_context
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes
from violations.evidence import validate_evidence_files
from violations.models import Report
from violations.services import ReporterInput, ReportInput, report_submit
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

ROLES = (
    "intake_officer",
    "intake_officer_other_agency",
    "examiner",
    "sanctioning_official",
    "leadership",
    "bawaslu_office",
    "administrator",
    "internal_reporter",
    "anonymous",
)


@dataclass
class World:
    report: Any
    original: Any
    case: Any
    evidence_id: int
    servant: Any

    @cached_property
    def case_evidence_id(self) -> int:
        files = validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")])
        return case_services.case_evidence_add_files(case=self.case, actor=self.case.registered_by, files=files)[0].pk

    def _letter(self) -> Letter:
        return letter_request(
            case=self.case, kind="summons_1", actor=self.case.registered_by, context=scenario_context("summons_1")
        )

    @cached_property
    def issued_letter_id(self) -> int:
        return letter_render(letter_id=self._letter().pk).pk

    @cached_property
    def failed_letter_id(self) -> int:
        return letter_mark_failed(letter_id=self._letter().pk, error="WeasyPrint crashed").pk


@dataclass(frozen=True)
class Endpoint:
    method: str
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]] = lambda world: {}
    writes: bool = False


def _report_url(name: str, **extra: Callable[[World], Any]) -> Callable[[World], str]:
    return lambda world: reverse(
        f"triage:{name}", kwargs={"report_id": world.report.pk, **{key: get(world) for key, get in extra.items()}}
    )


def _recommendation_url(world: World) -> str:
    return reverse("casework_actions:recommendation-record", kwargs={"case_id": world.case.pk})


def _recommendation_letter() -> dict[str, Any]:
    document = io.BytesIO(pdf_bytes())
    document.name = "rekomendasi.pdf"
    return {
        "body": "bkn",
        "letter_number": "B-1/R/KS.04/XI/2024",
        "letter_date": "2024-11-04",
        "text": "Menjatuhkan hukuman disiplin sesuai PP 94/2021.",
        "document": document,
    }


FINDING = {
    "channel": "diskominfo",
    "organisation": "Tim Pemantau Media Sosial Diskominfo",
    "accused_name": "Drs. Rahmat Hidayat",
    "incident_date": "2024-10-07",
    "description": "Membagikan tiga unggahan kampanye pasangan calon bupati.",
    "evidence-TOTAL_FORMS": "0",
    "evidence-INITIAL_FORMS": "0",
}

ENDPOINTS = {
    "queue": Endpoint("get", lambda world: reverse("triage:queue")),
    "report": Endpoint("get", _report_url("report-detail")),
    "evidence": Endpoint("get", _report_url("evidence-download", evidence_id=lambda world: world.evidence_id)),
    "start_review": Endpoint("post", _report_url("report-start-review"), writes=True),
    "reject": Endpoint("post", _report_url("report-reject"), lambda world: {"reason": "Bukan ASN."}, writes=True),
    "request_information": Endpoint(
        "post", _report_url("report-request-information"), lambda world: {"message": "Kirim tautan."}, writes=True
    ),
    "link_duplicate": Endpoint(
        "post",
        _report_url("report-link-duplicate"),
        lambda world: {"original": world.original.tracking_code},
        writes=True,
    ),
    "identify_accused_page": Endpoint("get", _report_url("report-identify-accused")),
    "identify_accused": Endpoint(
        "post", _report_url("report-identify-accused"), lambda world: {"civil_servant": world.servant.pk}, True
    ),
    "internal_finding_form": Endpoint("get", lambda world: reverse("triage:internal-finding")),
    "internal_finding": Endpoint(
        "post", lambda world: reverse("triage:internal-finding"), lambda world: FINDING, writes=True
    ),
    "internal_finding_receipt": Endpoint("get", lambda world: reverse("triage:internal-finding-receipt")),
    "case_list": Endpoint("get", lambda world: reverse("casework:case-list")),
    "case": Endpoint("get", lambda world: reverse("casework:case-detail", kwargs={"case_id": world.case.pk})),
    "case_register": Endpoint(
        "post", lambda world: reverse("casework:case-register"), lambda world: {"reports": [world.report.pk]}, True
    ),
    "case_evidence_download": Endpoint(
        "get",
        lambda world: reverse(
            "casework:case-evidence-download",
            kwargs={"case_id": world.case.pk, "evidence_id": world.case_evidence_id},
        ),
    ),
    "letter_download": Endpoint(
        "get", lambda world: reverse("casework:letter-download", kwargs={"letter_id": world.issued_letter_id})
    ),
    "letter_status": Endpoint(
        "get", lambda world: reverse("casework:letter-status", kwargs={"letter_id": world.failed_letter_id})
    ),
    "letter_retry": Endpoint(
        "post",
        lambda world: reverse("casework:letter-retry", kwargs={"letter_id": world.failed_letter_id}),
        writes=True,
    ),
    "officer_handover": Endpoint("get", lambda world: reverse("casework:officer-handover")),
    "account_profile": Endpoint("get", lambda world: reverse("account:profile")),
    "account_password_change": Endpoint("get", lambda world: reverse("account:password-change")),
    "search": Endpoint("get", lambda world: reverse("casework:search")),
    "case_identify_accused_page": Endpoint(
        "get", lambda world: reverse("casework_actions:identify-accused", kwargs={"case_id": world.case.pk})
    ),
    "case_identify_accused": Endpoint(
        "post",
        lambda world: reverse("casework_actions:identify-accused", kwargs={"case_id": world.case.pk}),
        lambda world: {"civil_servant": world.servant.pk, "expected_version": world.case.version},
        writes=True,
    ),
    "recommendation_form": Endpoint("get", _recommendation_url),
    "recommendation": Endpoint("post", _recommendation_url, lambda world: _recommendation_letter(), writes=True),
}

# The expected status code of each endpoint, in the order of ROLES:
#          officer  other-agency  examiner  sanctioning  leadership  bawaslu  admin  internal  anonymous
MATRIX: dict[str, tuple[int, ...]] = {
    "queue": (200, 200, 403, 403, 403, 403, 403, 403, 302),
    "report": (200, 404, 403, 403, 403, 403, 403, 403, 302),
    "evidence": (200, 404, 403, 403, 403, 403, 403, 403, 302),
    "start_review": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "reject": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "request_information": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "link_duplicate": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "identify_accused_page": (200, 404, 403, 403, 403, 403, 403, 403, 302),
    "identify_accused": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "internal_finding_form": (200, 200, 403, 403, 403, 403, 403, 200, 302),
    "internal_finding": (302, 302, 403, 403, 403, 403, 403, 302, 302),
    "internal_finding_receipt": (302, 302, 403, 403, 403, 403, 403, 302, 302),
    "case_list": (200, 200, 200, 403, 403, 403, 200, 403, 302),
    "case": (200, 404, 404, 403, 403, 403, 200, 403, 302),
    "case_register": (302, 404, 403, 403, 403, 403, 403, 403, 302),
    "case_evidence_download": (200, 404, 404, 403, 403, 403, 200, 403, 302),
    "letter_download": (200, 404, 404, 403, 403, 403, 200, 403, 302),
    "letter_status": (200, 404, 404, 403, 403, 403, 200, 403, 302),
    "letter_retry": (302, 404, 404, 403, 403, 403, 302, 403, 302),
    "officer_handover": (200, 200, 403, 403, 403, 403, 200, 403, 302),
    # Every account's own pages (accounts.urls).
    "account_profile": (200, 200, 200, 200, 200, 200, 200, 200, 302),
    "account_password_change": (200, 200, 200, 200, 200, 200, 200, 200, 302),
    "search": (200, 200, 200, 403, 403, 403, 200, 403, 302),
    "case_identify_accused_page": (200, 404, 404, 403, 403, 403, 200, 403, 302),
    "case_identify_accused": (302, 404, 404, 403, 403, 403, 302, 403, 302),
    "recommendation_form": (200, 404, 404, 403, 403, 403, 403, 403, 302),
    "recommendation": (302, 404, 404, 403, 403, 403, 403, 403, 302),
}

CASES = [(endpoint, role, codes[index]) for endpoint, codes in MATRIX.items() for index, role in enumerate(ROLES)]


def _user(role: str) -> Any:
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    return {
        "intake_officer": lambda: IntakeOfficerFactory(username="verifikator"),
        "intake_officer_other_agency": lambda: IntakeOfficerFactory(username="verifikator-rl", agency=other),
        "examiner": lambda: UserFactory(username="pemeriksa", roles=[Role.EXAMINER]),
        "sanctioning_official": lambda: UserFactory(username="pybmh", roles=[Role.SANCTIONING_OFFICIAL]),
        "leadership": lambda: UserFactory(username="sekda", roles=[Role.LEADERSHIP]),
        "bawaslu_office": lambda: BawasluUserFactory(username="bawaslu-lebong"),
        "administrator": lambda: UserFactory(username="admin", roles=[Role.ADMINISTRATOR], is_staff=True),
        "internal_reporter": lambda: UserFactory(username="diskominfo", roles=[Role.INTERNAL_REPORTER]),
        "anonymous": lambda: None,
    }[role]()


@pytest.fixture
def world() -> World:
    agency = AgencyFactory()
    report = report_submit(
        data=ReportInput(
            accused_name="Drs. Rahmat Hidayat",
            incident_date=datetime.date(2024, 10, 7),
            description="Membagikan tiga unggahan kampanye pasangan calon bupati.",
        ),
        reporter=ReporterInput(name="Siti Aminah", phone="081234567890"),
        evidence=validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")]),
    ).report
    return World(
        report=report,
        original=ReportFactory(),
        case=CaseFactory(reports=[ReportFactory(status=Report.Status.IN_PROCESS)]),
        evidence_id=report.evidence.get().pk,
        servant=CivilServantFactory(unit__agency=agency, name="Drs. Rahmat Hidayat"),
    )


def _state() -> tuple[Any, ...]:
    return (
        tuple(Report.objects.order_by("pk").values_list("pk", "status", "merged_into_id", "rejection_reason")),
        AuditEvent.objects.count(),
        Case.objects.count(),
    )


def test_the_matrix_covers_every_url_of_triage_and_casework():
    from casework.urls import urlpatterns as casework_urls
    from violations.urls_triage import urlpatterns as triage_urls

    named = {f"triage:{pattern.name}" for pattern in triage_urls} | {
        f"casework:{pattern.name}" for pattern in casework_urls
    }

    assert named == {
        "triage:queue",
        "triage:report-detail",
        "triage:evidence-download",
        "triage:report-start-review",
        "triage:report-reject",
        "triage:report-request-information",
        "triage:report-link-duplicate",
        "triage:report-identify-accused",
        "triage:internal-finding",
        "triage:internal-finding-receipt",
        "casework:case-list",
        "casework:case-detail",
        "casework:case-register",
        "casework:case-evidence-download",
        "casework:letter-download",
        "casework:letter-status",
        "casework:letter-retry",
        "casework:officer-handover",
        "casework:search",
    }
    assert set(MATRIX) == set(ENDPOINTS)


@pytest.mark.parametrize(("endpoint", "role", "expected"), CASES, ids=[f"{e}-{r}" for e, r, _ in CASES])
def test_role_gets_exactly_this_status_and_a_refusal_writes_nothing(world, endpoint, role, expected):
    spec = ENDPOINTS[endpoint]
    user = _user(role)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    url = spec.url(world)
    before = _state()

    response = getattr(client, spec.method)(url, spec.data(world))

    assert response.status_code == expected
    if role == "anonymous":
        assert response.url == f"{reverse('login')}?next={url}"
    refused = expected in (403, 404) or role == "anonymous"
    if refused:
        assert _state() == before
    elif spec.writes:
        assert _state() != before
