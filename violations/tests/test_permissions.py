"""Who may triage reports, see who reported, and record internal findings."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from violations.permissions import (
    can_record_internal_finding,
    can_see_reporter_identity,
    can_triage,
    is_bawaslu_office,
    is_intake_officer,
)
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def _user(role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == Role.BAWASLU_OFFICE:
        return BawasluUserFactory()
    if role == Role.INTAKE_OFFICER:
        return IntakeOfficerFactory()
    return UserFactory(roles=[role])


# role → (intake officer, triage of own agency's report, sees identity, records internal findings, Bawaslu office)
EXPECTED = {
    Role.INTAKE_OFFICER: (True, True, True, True, False),
    Role.EXAMINER: (False, False, False, False, False),
    Role.SANCTIONING_OFFICIAL: (False, False, False, False, False),
    Role.LEADERSHIP: (False, False, False, False, False),
    Role.BAWASLU_OFFICE: (False, False, False, False, True),
    Role.ADMINISTRATOR: (False, False, False, False, False),
    Role.INTERNAL_REPORTER: (False, False, False, True, False),
    "anonymous": (False, False, False, False, False),
}


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items(), ids=[str(role) for role in EXPECTED])
def test_each_role_gets_exactly_its_permissions(role, expected):
    report = ReportFactory()
    user = _user(role)

    granted = (
        is_intake_officer(user),
        can_triage(user, report),
        can_see_reporter_identity(user, report),
        can_record_internal_finding(user),
        is_bawaslu_office(user),
    )

    assert granted == expected


def test_an_intake_officer_may_not_triage_another_agencys_report():
    report = ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))
    officer = IntakeOfficerFactory()

    assert (can_triage(officer, report), can_see_reporter_identity(officer, report)) == (False, False)


def test_an_intake_officer_without_an_agency_has_no_triage_rights():
    officer = IntakeOfficerFactory(agency=None)

    assert (is_intake_officer(officer), can_record_internal_finding(officer)) == (False, False)


def test_an_internal_reporter_without_an_agency_may_not_record_findings():
    assert can_record_internal_finding(UserFactory(roles=[Role.INTERNAL_REPORTER], agency=None)) is False


def test_a_deactivated_officer_loses_every_right():
    report = ReportFactory()
    officer = IntakeOfficerFactory(is_active=False)

    assert (is_intake_officer(officer), can_triage(officer, report), can_record_internal_finding(officer)) == (
        False,
        False,
        False,
    )


def test_a_superuser_without_the_role_is_not_an_intake_officer():
    report = ReportFactory()
    admin = UserFactory(is_superuser=True, is_staff=True)

    assert (can_triage(admin, report), can_see_reporter_identity(admin, report)) == (False, False)
