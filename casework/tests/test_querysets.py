"""The case list's reusable filters: each narrows what the caller already scoped, empty ones change nothing."""

from typing import Any

import pytest

from casework import services
from casework.models import Case, ExaminationReport
from casework.querysets import case_list_filtered, open_cases_of_officer, with_violation
from casework.tests.factories import CaseFactory, case_in
from violations.models import ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(officer: Any, principal: Any) -> dict[str, Case]:
    n04 = ViolationType.objects.get(code="N04")
    return {
        "principal": CaseFactory.create(
            agency=officer.agency,
            accused=principal,
            accused_name=principal.name,
            accused_nip=principal.nip,
            reports=[ReportFactory(violation_type=n04)],
        ),
        "other": CaseFactory.create(agency=officer.agency, accused_name="Yuliani", accused_nip="199001012015032001"),
    }


def test_empty_filters_change_nothing(cases):
    everything = Case.objects.all()

    assert set(case_list_filtered(everything, {"nip": "", "name": "", "status": "", "overdue": False})) == set(
        everything
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"nip": "197805"}, {"principal"}),
        ({"name": "YULI"}, {"other"}),
        ({"status": "registered", "violation": "N04"}, {"principal"}),
        ({"violation": "N02"}, set()),
    ],
)
def test_filters_narrow_the_list(cases, filters, expected):
    names = {case.pk: name for name, case in cases.items()}

    assert {names[case.pk] for case in case_list_filtered(Case.objects.all(), filters)} == expected


def test_a_violation_named_only_in_the_examination_report_counts(cases, officer):
    report = ExaminationReport.objects.create(
        case=cases["other"], act_time="7 Oktober 2024", act_place="Facebook", proven=False, submitted_by=officer
    )
    report.violation_types.set([ViolationType.objects.get(code="N02")])

    assert set(with_violation(Case.objects.all(), "N02")) == {cases["other"]}
    assert set(with_violation(Case.objects.all(), "N04")) == {cases["principal"]}


def test_an_officer_s_open_cases_are_the_assigned_and_team_ones_still_open(cases, officer, examiner_user):
    services.case_assign(case=cases["principal"], actor=officer, examiners=[examiner_user])
    closed = case_in(Case.Status.WITHDRAWN, agency=officer.agency)
    closed.assigned_examiners.add(examiner_user)

    assert list(open_cases_of_officer(Case.objects.all(), examiner_user)) == [cases["principal"]]
