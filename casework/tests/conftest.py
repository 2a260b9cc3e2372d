"""Fixtures shared by the casework lifecycle tests."""

import datetime
from typing import Any

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework.models import Case
from casework.tests.factories import CaseFactory, examiner
from core import clock


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=clock.JAKARTA)


@pytest.fixture
def agency(db: Any) -> Any:
    return AgencyFactory()


@pytest.fixture
def officer(agency: Any) -> Any:
    return IntakeOfficerFactory(username="verifikator", first_name="Yanti", last_name="Oktaviani")


@pytest.fixture
def examiner_user(agency: Any) -> Any:
    return examiner("pemeriksa", first_name="Hendra", last_name="Saputra", nip="198203152006041002")


@pytest.fixture
def principal(agency: Any) -> CivilServant:
    unit = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong")
    return CivilServantFactory.create(nip="197805122003121003", name="Drs. Rahmat Hidayat", unit=unit)


@pytest.fixture
def case(officer: Any, principal: CivilServant) -> Case:
    return CaseFactory.create(
        agency=officer.agency,
        accused=principal,
        accused_name=principal.name,
        accused_nip=principal.nip,
        registered_by=officer,
    )
