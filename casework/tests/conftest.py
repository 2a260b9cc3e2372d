"""Fixtures shared by the casework lifecycle tests."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework import sanction_options
from casework.models import Case
from casework.tests.factories import CaseFactory, examiner, team_decree_signatory
from casework.tests.sanction_catalogue import fake_options
from core import clock


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=clock.JAKARTA)


@pytest.fixture(autouse=True)
def fake_sanction_options(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sanctions the LHP may recommend come from this fake catalogue (casework/tests/sanction_catalogue.py)."""
    monkeypatch.setattr(sanction_options, "_providers", [fake_options])


@pytest.fixture
def travel(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Move Netra's clock (core.clock.now) to a moment in Jakarta: `travel(2024, 10, 14)`, 09.00 unless told."""

    def to(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> None:
        moment = at(year, month, day, hour, minute)
        monkeypatch.setattr(clock, "now", lambda: moment)

    return to


@pytest.fixture
def agency(db: Any) -> Any:
    """Lebong, where the Bupati signs the decrees forming examination teams."""
    agency = AgencyFactory.create()
    team_decree_signatory(agency)
    return agency


@pytest.fixture
def officer(agency: Any) -> Any:
    return IntakeOfficerFactory(username="verifikator", first_name="Yanti", last_name="Oktaviani")


@pytest.fixture
def examiner_user(agency: Any) -> Any:
    return examiner("pemeriksa", first_name="Hendra", last_name="Saputra", nip="198203152006041002")


@pytest.fixture
def superior(agency: Any) -> CivilServant:
    """The head of the education office: the principal's direct superior, who signs his summonses without a team."""
    unit = UnitFactory(code="disdikbud", name="Dinas Pendidikan dan Kebudayaan")
    return CivilServantFactory.create(
        nip="196903111994031005",
        name="Drs. Syamsul Bahri, M.Pd.",
        position_title="Kepala Dinas Pendidikan dan Kebudayaan",
        position_kind=CivilServant.PositionKind.JPT_PRATAMA,
        functional_level="",
        unit=unit,
    )


@pytest.fixture
def principal(superior: CivilServant) -> CivilServant:
    unit = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong")
    return CivilServantFactory.create(
        nip="197805122003121003", name="Drs. Rahmat Hidayat", unit=unit, direct_superior=superior
    )


@pytest.fixture
def case(officer: Any, principal: CivilServant) -> Case:
    return CaseFactory.create(
        agency=officer.agency,
        accused=principal,
        accused_name=principal.name,
        accused_nip=principal.nip,
        registered_by=officer,
    )
