"""The BAP and the LHP are read only by those who hold the examination (the case's examiners and team) and the
intake officer who registered the case; other officers and administrators of the agency see the letter listed but
may not open it (issue 12)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import IntakeOfficerFactory
from casework.letters import letter_render, letter_request
from casework.models import Letter
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from casework.tests.letter_helpers import scenario_context
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(user)
    return client


@pytest.fixture
def world() -> dict[str, Any]:
    registrar = IntakeOfficerFactory.create(username="verifikator")
    case = CaseFactory.create(registered_by=registrar, agency=registrar.agency)
    assigned = examiner("pemeriksa")
    case.assigned_examiners.add(assigned)
    letters = {
        kind: letter_render(
            letter_id=letter_request(case=case, kind=kind, actor=registrar, context=scenario_context(kind)).pk
        )
        for kind in ("examination_record", "examination_report", "summons_1")
    }
    return {
        "case": case,
        "letters": letters,
        "registrar": registrar,
        "assigned": assigned,
        "other_officer": IntakeOfficerFactory(username="verifikator-2", agency=registrar.agency),
        "administrator": agency_administrator(agency=registrar.agency),
    }


@pytest.mark.parametrize("kind", ["examination_record", "examination_report"])
@pytest.mark.parametrize(
    ("who", "status"), [("registrar", 200), ("assigned", 200), ("other_officer", 403), ("administrator", 403)]
)
def test_the_examination_records_are_for_the_examiners_and_the_registering_officer(world, kind, who, status):
    letter: Letter = world["letters"][kind]
    downloads = AuditEvent.objects.filter(action="letter_downloaded").count()

    response = _client(world[who]).get(reverse("casework:letter-download", args=[letter.pk]))

    assert response.status_code == status
    assert AuditEvent.objects.filter(action="letter_downloaded").count() == downloads + (status == 200)


@pytest.mark.parametrize("who", ["other_officer", "administrator"])
def test_other_letters_stay_open_to_the_agency_and_the_case_page_says_who_opens_the_records(world, who):
    client = _client(world[who])
    summons = world["letters"]["summons_1"]

    assert client.get(reverse("casework:letter-download", args=[summons.pk])).status_code == 200
    page = client.get(reverse("casework:case-detail", args=[world["case"].pk])).content.decode()
    assert reverse("casework:letter-download", args=[summons.pk]) in page
    assert reverse("casework:letter-download", args=[world["letters"]["examination_record"].pk]) not in page
    assert page.count("Hanya pemeriksa dan verifikator kasus ini yang dapat membukanya") == 2
