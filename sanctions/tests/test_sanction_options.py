"""What an examination report (LHP) may recommend: the provider sanctions registers with casework at start-up
(casework.sanction_options), from the guidance for the accused's employee type, position and history."""

import datetime

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.sanction_options import SanctionOption, sanction_options_for
from sanctions.models import PriorSanction
from sanctions.services import prior_sanction_record
from sanctions.tests.decision_helpers import forwarded_case
from sanctions.tests.factories import sanction
from violations.models import ViolationKind

pytestmark = pytest.mark.django_db


def test_the_lhp_may_recommend_the_heavy_sanctions_with_their_catalogue_labels(world, case):
    assert sanction_options_for(case, ["N04"]) == [
        SanctionOption("B1", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", "heavy"),
        SanctionOption("B2", "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", "heavy"),
        SanctionOption("B3", "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "heavy"),
    ]


def test_a_pppk_is_recommended_from_the_pppk_catalogue(world):
    teacher = CivilServantFactory.create(
        employee_type=CivilServant.EmployeeType.PPPK, position_kind="functional", functional_level="ahli_pertama",
        unit=world.principal.unit,
    )  # fmt: skip
    case = forwarded_case(world, teacher, bawaslu=False)

    assert [option.code for option in sanction_options_for(case, ["N04"])] == ["PK-B1", "PK-B2", "PK-B3"]


def test_an_executor_is_not_recommended_a_release_to_an_executor_position(world):
    clerk = CivilServantFactory.create(position_kind="executor", functional_level="", unit=world.principal.unit)
    case = forwarded_case(world, clerk, bawaslu=False)

    assert [option.code for option in sanction_options_for(case, ["N04"])] == ["B1", "B3"]


def test_a_repeat_is_recommended_heavier_than_the_last_sanction(world, case):
    prior_sanction_record(
        actor=world.officer, civil_servant=world.principal, sanction_type=sanction("B1"),
        decision_number="800/9/2023", decision_date=datetime.date(2023, 1, 9), source=PriorSanction.Source.PAPER,
        violation_kind=ViolationKind.objects.get(code="pp94-pasal-5-huruf-n"),
    )  # fmt: skip

    assert [option.code for option in sanction_options_for(case, ["N08"])] == ["B2", "B3"]
