import datetime

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from sanctions.models import AuthorityRule, SanctionType
from sanctions.sanction_guidance import (
    PriorSanction,
    authority_rule_for,
    heaviest_level,
    sanction_guidance,
    superior_with_authority,
)

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 7, 1)


def _codes(sanctions):
    return [sanction.code for sanction in sanctions]


def test_a_heavy_violation_offers_the_three_heavy_sanctions_and_the_moral_sanction():
    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pns", on=ON)

    assert guidance.discipline_level == "heavy"
    assert _codes(guidance.discipline_options) == ["B1", "B2", "B3"]
    assert _codes(guidance.ethics_options) == ["M1", "M2"]
    assert guidance.repeat_of is None


def test_several_violations_in_one_examination_give_the_heaviest_level():
    guidance = sanction_guidance(violation_codes=["N08", "N04"], employee_type="pns", on=ON)

    assert guidance.discipline_level == "heavy"
    assert _codes(guidance.discipline_options) == ["B1", "B2", "B3"]


def test_a_moderate_violation_without_ethics_track_offers_only_allowance_cuts():
    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", on=ON)

    assert _codes(guidance.discipline_options) == ["S1", "S2", "S3"]
    assert guidance.ethics_options == []


def test_party_membership_leads_to_dismissal_not_with_honour():
    guidance = sanction_guidance(violation_codes=["N09"], employee_type="pns", on=ON)

    assert guidance.discipline_level == "dismissal"
    assert _codes(guidance.discipline_options) == ["PTDH"]


def test_an_ethics_only_violation_offers_only_the_moral_sanction():
    guidance = sanction_guidance(violation_codes=["N07"], employee_type="pns", on=ON)

    assert guidance.discipline_level == ""
    assert guidance.discipline_options == []
    assert _codes(guidance.ethics_options) == ["M1", "M2"]


def test_a_repeat_must_be_heavier_than_the_last_sanction_for_the_same_kind():
    history = [PriorSanction("S1", ("N08",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of is not None and guidance.repeat_of.code == "S1"
    assert _codes(guidance.discipline_options) == ["S2", "S3"]


def test_a_repeat_after_the_heaviest_moderate_sanction_escalates_to_heavy():
    history = [
        PriorSanction("S1", ("N08",), datetime.date(2020, 3, 1)),
        PriorSanction("S3", ("N08",), datetime.date(2024, 3, 1)),
    ]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of.code == "S3"
    assert _codes(guidance.discipline_options) == ["B1", "B2", "B3"]


def test_a_prior_sanction_for_another_kind_of_violation_is_not_a_repeat():
    history = [PriorSanction("B1", ("N04",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of is None
    assert _codes(guidance.discipline_options) == ["S1", "S2", "S3"]


def test_unknown_codes_are_reported_not_guessed():
    guidance = sanction_guidance(violation_codes=["N99"], employee_type="pns", on=ON)

    assert guidance.unknown_codes == ["N99"]
    assert guidance.discipline_options == []


def test_a_sanction_type_withdrawn_for_an_employee_type_is_not_offered():
    SanctionType.objects.filter(code="B3").update(employee_types=["pns"])

    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pppk", on=ON)

    assert _codes(guidance.discipline_options) == ["B1", "B2"]


def test_heaviest_level_ignores_empty_levels():
    assert heaviest_level(["", "light", "moderate"]) == "moderate"
    assert heaviest_level(["", ""]) == ""


def _servant(kind, level="", superior=None):
    return CivilServantFactory(position_kind=kind, functional_level=level, direct_superior=superior)


def _sanction(code):
    return SanctionType.objects.get(code=code)


@pytest.mark.parametrize(
    ("kind", "functional_level", "code", "authority"),
    [
        ("jpt_pratama", "", "R2", "staffing_authority"),
        ("jpt_pratama", "", "S1", "staffing_authority"),
        ("jpt_pratama", "", "B1", "staffing_authority"),
        ("administrator", "", "R1", "superior_in_line"),
        ("administrator", "", "S2", "staffing_authority"),
        ("administrator", "", "B2", "staffing_authority"),
        ("supervisor", "", "R3", "superior_in_line"),
        ("executor", "", "R1", "superior_in_line"),
        ("executor", "", "B3", "staffing_authority"),
        ("functional", "ahli_muda", "R1", "superior_in_line"),
        ("functional", "ahli_muda", "S3", "superior_in_line"),
        ("functional", "ahli_muda", "B1", "staffing_authority"),
        ("functional", "ahli_utama", "R1", "staffing_authority"),
        ("functional", "ahli_utama", "B2", "staffing_authority"),
        ("functional", "ahli_utama", "B3", "president"),
        ("executor", "", "PTDH", "staffing_authority"),
    ],
)
def test_authority_table_for_each_position_kind_and_level(kind, functional_level, code, authority):
    rule = authority_rule_for(accused=_servant(kind, functional_level), sanction=_sanction(code), on=ON)

    assert rule is not None
    assert rule.authority == authority


def test_the_nearest_qualifying_superior_up_the_line_decides_a_light_sanction():
    head = _servant(CivilServant.PositionKind.JPT_PRATAMA)
    section_head = _servant(CivilServant.PositionKind.SUPERVISOR, superior=head)
    clerk = _servant(CivilServant.PositionKind.EXECUTOR, superior=section_head)
    rule = authority_rule_for(accused=clerk, sanction=_sanction("R1"), on=ON)

    assert superior_with_authority(accused=clerk, rule=rule) == section_head


def test_a_functional_officer_skips_a_supervisor_to_reach_an_administrator():
    head = _servant(CivilServant.PositionKind.ADMINISTRATOR)
    coordinator = _servant(CivilServant.PositionKind.SUPERVISOR, superior=head)
    teacher = _servant(CivilServant.PositionKind.FUNCTIONAL, "ahli_muda", superior=coordinator)
    rule = authority_rule_for(accused=teacher, sanction=_sanction("S1"), on=ON)

    assert superior_with_authority(accused=teacher, rule=rule) == head


def test_no_superior_is_named_when_the_staffing_authority_decides():
    rule = AuthorityRule.objects.get(position_kind="jpt_pratama", level="heavy", sanction_code="")

    assert superior_with_authority(accused=_servant("jpt_pratama"), rule=rule) is None
