"""Every role × the decision pages: the exact status code (a decision awaiting the Bupati's signature).

Case workers of the agency see the decision (an examiner only on their own case); the competent official sees the
decision routed to him and alone may open its signing page; another agency's officer, an examiner not on the case
and an official it is not routed to get 404; roles without any business with decisions get 403; visitors log in.
"""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from casework.models import Case, ExaminationReport
from casework.tests.factories import examiner
from sanctions.models import Decision
from sanctions.tests.decision_helpers import build_world, decision_on, forwarded_case, to_awaiting_signature
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

ROLES = (
    "officer",
    "officer_other_agency",
    "examiner",
    "examiner_not_on_case",
    "competent_official",
    "other_official",
    "administrator",
    "leadership",
    "bawaslu_office",
    "anonymous",
)

# page → expected status per role, in the order of ROLES.
MATRIX: dict[str, tuple[int, ...]] = {
    "list": (200, 200, 200, 200, 200, 200, 200, 403, 403, 302),
    "detail": (200, 404, 200, 404, 200, 404, 200, 403, 403, 302),
    "sign": (403, 404, 403, 404, 200, 404, 403, 403, 403, 302),
    "correct": (403, 404, 403, 404, 403, 404, 403, 403, 403, 302),
    "draft": (200, 404, 200, 404, 403, 403, 403, 403, 403, 302),
    "follow_through": (200, 200, 403, 403, 403, 403, 200, 200, 403, 302),
}


@pytest.fixture
def setting() -> tuple[dict[str, Any], Case, Decision]:
    world = build_world()
    case = forwarded_case(world)
    lhp = ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="B1",
        recommended_sanction_level="heavy",
        submitted_by=world.examiner,
    )
    lhp.violation_types.set([ViolationType.objects.get(code="N04")])
    decision = to_awaiting_signature(decision_on(case, world), world)
    other_agency = AgencyFactory(code="rejang", name="Rejang Lebong", is_default=False)
    users = {
        "officer": world.officer,
        "officer_other_agency": IntakeOfficerFactory(username="verifikator-lain", agency=other_agency),
        "examiner": world.examiner,
        "examiner_not_on_case": examiner("pemeriksa-lain"),
        "competent_official": world.bupati,
        "other_official": world.kadis_user,
        "administrator": world.reviewer,
        "leadership": UserFactory(username="pimpinan", roles=[Role.LEADERSHIP]),
        "bawaslu_office": BawasluUserFactory(username="bawaslu"),
        "anonymous": None,
    }
    return users, case, decision


def _url(page: str, case: Case, decision: Decision) -> str:
    return {
        "list": reverse("sanctions:decision-list"),
        "detail": reverse("sanctions:decision-detail", kwargs={"decision_id": decision.pk}),
        "sign": reverse("sanctions:decision-sign", kwargs={"decision_id": decision.pk}),
        "correct": reverse("sanctions:decision-correct", kwargs={"decision_id": decision.pk}),
        "draft": reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}),
        "follow_through": reverse("sanctions:follow-through"),
    }[page]


@pytest.mark.parametrize("page", list(MATRIX))
def test_the_role_matrix_of_the_decision_pages(setting: tuple[dict[str, Any], Case, Decision], page: str) -> None:
    users, case, decision = setting
    seen = {}
    for role in ROLES:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        if users[role] is not None:
            client.force_login(users[role])
        seen[role] = client.get(_url(page, case, decision)).status_code

    assert seen == dict(zip(ROLES, MATRIX[page], strict=True))
