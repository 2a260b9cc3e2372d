import datetime

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from sanctions.models import AuthorityRule, SanctionType
from sanctions.sanction_guidance import (
    authority_rule_for,
    heaviest_level,
    sanction_guidance,
    superior_with_authority,
)
from sanctions.sanction_history import HistoryEntry
from violations.models import ViolationKind, ViolationType

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 7, 1)


def _codes(sanctions):
    return [sanction.code for sanction in sanctions]


def _earlier(code, violation_codes, day, kinds=("pp94-pasal-5-huruf-n",)):
    """An earlier sanction as sanctions.sanction_history reports it."""
    sanction = _sanction(code)
    return HistoryEntry(
        code, violation_codes, day, severity=sanction.severity, sanction_name=sanction.name, kinds=kinds
    )


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
    [ptdh] = guidance.discipline_options
    assert (ptdh.regulation, ptdh.track, ptdh.remedy) == (
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
        "statutory",
        "appeal",
    )


def test_an_ethics_only_violation_offers_only_the_moral_sanction():
    guidance = sanction_guidance(violation_codes=["N07"], employee_type="pns", on=ON)

    assert guidance.discipline_level == ""
    assert guidance.discipline_options == []
    assert _codes(guidance.ethics_options) == ["M1", "M2"]


def test_a_repeat_must_be_heavier_than_the_last_sanction_for_the_same_kind():
    history = [_earlier("S1", ("N08",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of is not None and guidance.repeat_of.sanction_code == "S1"
    assert _codes(guidance.discipline_options) == ["S2", "S3"]


def test_a_repeat_after_the_heaviest_moderate_sanction_escalates_to_heavy():
    history = [
        _earlier("S1", ("N08",), datetime.date(2020, 3, 1)),
        _earlier("S3", ("N08",), datetime.date(2024, 3, 1)),
    ]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of.sanction_code == "S3"
    assert _codes(guidance.discipline_options) == ["B1", "B2", "B3"]
    assert [entry.sanction_code for entry in guidance.repeats] == ["S1", "S3"]


def test_any_violation_of_pasal_5_huruf_n_is_of_the_same_kind_across_codes():
    history = [_earlier("B1", ("N04",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N02"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of.sanction_code == "B1"
    assert _codes(guidance.discipline_options) == ["B2", "B3"]


def test_what_counts_as_the_same_kind_is_catalogue_data():
    own = ViolationKind.objects.create(
        code="n08-only", name="Pendekatan ke partai", name_en="Approaching a party", regulation="SKB", valid_from=ON
    )
    ViolationType.objects.filter(code="N08").update(repeat_kind=own)
    history = [_earlier("B1", ("N04",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of is None
    assert _codes(guidance.discipline_options) == ["S1", "S2", "S3"]


def test_a_prior_sanction_for_another_kind_of_violation_is_not_a_repeat():
    history = [_earlier("S1", (), datetime.date(2024, 3, 1), kinds=())]

    guidance = sanction_guidance(violation_codes=["N08"], employee_type="pns", history=history, on=ON)

    assert guidance.repeat_of is None
    assert _codes(guidance.discipline_options) == ["S1", "S2", "S3"]


def test_unknown_codes_are_reported_not_guessed():
    guidance = sanction_guidance(violation_codes=["N99"], employee_type="pns", on=ON)

    assert guidance.unknown_codes == ["N99"]
    assert guidance.discipline_options == []


def test_a_pppk_is_offered_the_pppk_rows_marked_for_verification():
    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pppk", on=ON)

    assert _codes(guidance.discipline_options) == ["PK-B1", "PK-B2", "PK-B3"]
    assert _codes(guidance.ethics_options) == ["PK-M1", "PK-M2"]
    assert all(option.needs_verification for option in guidance.discipline_options + guidance.ethics_options)
    termination = guidance.discipline_options[-1]
    assert termination.name == "Pemutusan hubungan perjanjian kerja dengan hormat tidak atas permintaan sendiri"
    assert (termination.regulation, termination.applied_provisions) == (
        "PP 49/2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
        "Pasal 8 ayat (4) huruf c PP 94/2021",
    )


def test_a_sanction_type_withdrawn_for_an_employee_type_is_not_offered():
    SanctionType.objects.filter(code="PK-B3").update(employee_types=[])

    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pppk", on=ON)

    assert _codes(guidance.discipline_options) == ["PK-B1", "PK-B2"]


def test_release_to_an_executor_post_is_not_offered_to_an_executor():
    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pns", position_kind="executor", on=ON)

    assert _codes(guidance.discipline_options) == ["B1", "B3"]
    assert _codes(guidance.excluded) == ["B2"]


def test_a_repeat_by_an_executor_after_b1_leaves_the_dismissal():
    history = [_earlier("B1", ("N04",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(
        violation_codes=["N04"], employee_type="pns", position_kind="executor", history=history, on=ON
    )

    assert _codes(guidance.discipline_options) == ["B3"]


def test_n10_is_heavy_with_the_skb_reading_recorded_as_an_alternative():
    guidance = sanction_guidance(violation_codes=["N10"], employee_type="pns", on=ON)

    assert guidance.discipline_level == "heavy"
    assert _codes(guidance.discipline_options) == ["B1", "B2", "B3"]
    [n10] = guidance.alternative_readings
    assert (n10.level_basis, n10.alternative_level, n10.alternative_level_basis) == (
        "PP 94/2021 Pasal 5 huruf n angka 6 jo. Pasal 14",
        "moderate",
        "SKB 2022 Lampiran II huruf B (sebagaimana direproduksi): sedang",
    )


def test_the_statutory_dismissal_is_offered_only_for_the_violation_that_leads_to_it():
    history = [_earlier("B3", ("N04",), datetime.date(2024, 3, 1))]

    guidance = sanction_guidance(violation_codes=["N04"], employee_type="pns", history=history, on=ON)

    assert guidance.discipline_options == []


def test_heaviest_level_ignores_empty_levels():
    assert heaviest_level(["", "light", "moderate"]) == "moderate"
    assert heaviest_level(["", ""]) == ""


def _servant(kind, level="", superior=None):
    return CivilServantFactory(position_kind=kind, functional_level=level, direct_superior=superior)


def _sanction(code):
    return SanctionType.objects.in_force(ON).get(code=code)


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
        ("functional", "ahli_muda", "PTDH", "staffing_authority"),
        ("functional", "ahli_utama", "PTDH", "president"),
        ("functional", "ahli_utama", "PK-PTDH", "president"),
        ("functional", "ahli_utama", "PK-B3", "president"),
        ("jpt_utama", "", "PTDH", "president"),
        ("jpt_madya", "", "PTDH", "president"),
        ("jpt_madya", "", "B3", "president"),
        ("jpt_madya", "", "B1", "staffing_authority"),
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
