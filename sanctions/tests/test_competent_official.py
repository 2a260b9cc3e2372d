"""The competent official for every position kind × level (the authority table as data), and recusal."""

import datetime

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from core import clock
from core.errors import DomainError
from sanctions.competent_official import PRESIDENT_TITLE, route_decision, staffing_authority_for
from sanctions.models import AuthorityRule, ConflictOfInterest, Decision, DecisionRecusal, StaffingAuthority
from sanctions.tests.decision_helpers import World, build_world, forwarded_case
from sanctions.tests.factories import DecisionFactory, sanction

pytestmark = pytest.mark.django_db

_A = AuthorityRule.Authority


@pytest.fixture
def world() -> World:
    return build_world()


def _accused(world: World, key: str) -> CivilServant:
    if key == "executor":
        return CivilServantFactory.create(
            name="Andi Pratama",
            position_title="Pengadministrasi Umum",
            position_kind=CivilServant.PositionKind.EXECUTOR,
            functional_level="",
            unit=world.kasi.unit,
            direct_superior=world.kasi,
        )
    if key == "ahli_utama":
        return CivilServantFactory.create(
            name="Prof. Dr. Sri Wahyuni",
            position_title="Widyaiswara Ahli Utama",
            position_kind=CivilServant.PositionKind.FUNCTIONAL,
            functional_level=CivilServant.FunctionalLevel.PRINCIPAL_EXPERT,
            unit=world.kadis.unit,
            direct_superior=world.kadis,
        )
    return {"jpt": world.kadis, "administrator": world.kabid, "supervisor": world.kasi, "functional": world.principal}[
        key
    ]


def _decision(world: World, accused: CivilServant | None, code: str | None, **case_kwargs) -> Decision:
    case = forwarded_case(world, accused, bawaslu=False, **case_kwargs)
    if code is None:
        return DecisionFactory.create(case=case, outcome=Decision.Outcome.DISMISSAL, drafted_by=world.examiner)
    return DecisionFactory.create(case=case, sanction_type=sanction(code), drafted_by=world.examiner)


# (accused, sanction: R2 light / S1 moderate / B1 heavy / B3 / PTDH, competent official, authority kind)
AUTHORITY_TABLE = [
    ("jpt", "R2", "bupati", _A.STAFFING_AUTHORITY),
    ("jpt", "S1", "bupati", _A.STAFFING_AUTHORITY),
    ("jpt", "B1", "bupati", _A.STAFFING_AUTHORITY),
    ("jpt", "PTDH", "bupati", _A.STAFFING_AUTHORITY),
    ("administrator", "R2", "kadis_user", _A.SUPERIOR_IN_LINE),
    ("administrator", "S1", "bupati", _A.STAFFING_AUTHORITY),
    ("administrator", "B1", "bupati", _A.STAFFING_AUTHORITY),
    ("administrator", "PTDH", "bupati", _A.STAFFING_AUTHORITY),
    ("supervisor", "R2", "kabid_user", _A.SUPERIOR_IN_LINE),
    ("supervisor", "S1", "bupati", _A.STAFFING_AUTHORITY),
    ("supervisor", "B2", "bupati", _A.STAFFING_AUTHORITY),
    ("executor", "R1", "kasi_user", _A.SUPERIOR_IN_LINE),
    ("executor", "S2", "bupati", _A.STAFFING_AUTHORITY),
    ("executor", "B3", "bupati", _A.STAFFING_AUTHORITY),
    ("functional", "R3", "kadis_user", _A.SUPERIOR_IN_LINE),
    ("functional", "S3", "kadis_user", _A.SUPERIOR_IN_LINE),
    ("functional", "B1", "bupati", _A.STAFFING_AUTHORITY),
    ("functional", "PTDH", "bupati", _A.STAFFING_AUTHORITY),
    ("ahli_utama", "R1", "bupati", _A.STAFFING_AUTHORITY),
    ("ahli_utama", "S1", "bupati", _A.STAFFING_AUTHORITY),
    ("ahli_utama", "B2", "bupati", _A.STAFFING_AUTHORITY),
    ("ahli_utama", "B3", None, _A.PRESIDENT),
]


@pytest.mark.parametrize(("accused_key", "code", "official_key", "authority"), AUTHORITY_TABLE)
def test_the_authority_table_routes_every_position_kind_and_level(world, accused_key, code, official_key, authority):
    decision = _decision(world, _accused(world, accused_key), code)

    routing = route_decision(decision)

    assert routing.authority == authority
    assert routing.official == (getattr(world, official_key) if official_key else None)
    assert routing.recusals == []
    assert routing.rule is not None
    assert routing.rule.level == sanction(code).level
    expected_title = {
        "bupati": "Bupati Lebong",
        "kadis_user": "Kepala Dinas Pendidikan dan Kebudayaan",
        "kabid_user": "Kepala Bidang Pembinaan SMP",
        "kasi_user": "Kepala Seksi Kurikulum SMP",
        None: PRESIDENT_TITLE,
    }[official_key]
    assert routing.title == expected_title
    assert routing.signable is (official_key is not None)


def test_a_rule_naming_the_sanction_beats_the_rule_for_its_level(world):
    routing = route_decision(_decision(world, _accused(world, "ahli_utama"), "B3"))

    assert routing.rule.sanction_code == "B3"
    assert routing.rule.authority == _A.PRESIDENT


def test_the_moral_sanction_is_decided_by_the_staffing_authority(world):
    routing = route_decision(_decision(world, world.principal, "M2"))

    assert routing.official == world.bupati
    assert routing.rule is None


def test_a_case_without_a_registered_accused_goes_to_the_staffing_authority(world):
    routing = route_decision(_decision(world, None, "R2"))

    assert (routing.official, routing.authority) == (world.bupati, _A.STAFFING_AUTHORITY)


def test_a_dismissal_follows_the_level_the_lhp_or_the_review_expected(world):
    light = route_decision(_decision(world, world.kabid, None, probable_level="light"))
    heavy = route_decision(_decision(world, world.kabid, None, probable_level="heavy"))
    unknown = route_decision(_decision(world, world.kabid, None, probable_level=""))

    assert light.official == world.kadis_user
    assert heavy.official == world.bupati
    assert unknown.official == world.bupati


def test_a_superior_without_an_account_is_passed_over_for_the_next_one_up(world):
    world.kabid_user.nip = ""
    world.kabid_user.save(update_fields=["nip"])

    routing = route_decision(_decision(world, world.kasi, "R2"))

    assert routing.official == world.kadis_user
    assert routing.recusals == []


# --- recusal ---------------------------------------------------------------------------------------------------------


def test_an_official_who_is_the_accused_is_recused_and_the_next_one_decides(world):
    world.bupati.nip = world.principal.nip
    world.bupati.save(update_fields=["nip"])

    routing = route_decision(_decision(world, world.principal, "B1"))

    assert routing.official == world.wakil
    assert routing.title == "Wakil Bupati Lebong"
    assert [(r.official, r.reason) for r in routing.recusals] == [(world.bupati, DecisionRecusal.Reason.PARTY)]


def test_an_official_who_submitted_a_report_of_the_case_is_a_party(world):
    decision = _decision(world, world.principal, "B1")
    decision.case.reports.update(submitted_by=world.bupati)

    routing = route_decision(decision)

    assert routing.official == world.wakil
    assert [(r.official, r.reason) for r in routing.recusals] == [(world.bupati, DecisionRecusal.Reason.PARTY)]


def _conflict(world: World, official, **kwargs) -> ConflictOfInterest:
    defaults = {
        "description": "Adik kandung calon Bupati Lebong",
        "valid_from": clock.today() - datetime.timedelta(days=30),
        "recorded_by": world.officer,
    }
    defaults.update(kwargs)
    return ConflictOfInterest.objects.create(official=official, **defaults)


def test_a_recorded_conflict_recuses_the_superior_and_the_next_qualifying_superior_decides(world):
    _conflict(world, world.kabid_user)

    routing = route_decision(_decision(world, world.kasi, "R2"))

    assert routing.official == world.kadis_user
    assert routing.authority == _A.SUPERIOR_IN_LINE
    assert [(r.official, r.reason, r.detail) for r in routing.recusals] == [
        (world.kabid_user, DecisionRecusal.Reason.CONFLICT, "Adik kandung calon Bupati Lebong")
    ]


def test_with_no_superior_left_the_staffing_authority_decides(world):
    _conflict(world, world.kadis_user)

    routing = route_decision(_decision(world, world.principal, "S1"))

    assert routing.official == world.bupati
    assert routing.authority == _A.STAFFING_AUTHORITY
    assert [r.official for r in routing.recusals] == [world.kadis_user]


def test_a_conflict_about_another_accused_or_out_of_its_period_does_not_recuse(world):
    other = CivilServantFactory.create(unit=world.kadis.unit)
    _conflict(world, world.bupati, accused=other)
    _conflict(world, world.bupati, valid_to=clock.today() - datetime.timedelta(days=1))
    _conflict(world, world.bupati, valid_from=clock.today() + datetime.timedelta(days=1))

    routing = route_decision(_decision(world, world.principal, "B1"))

    assert routing.official == world.bupati
    assert routing.recusals == []


def test_a_conflict_about_this_accused_recuses(world):
    _conflict(world, world.bupati, accused=world.principal)

    routing = route_decision(_decision(world, world.principal, "B1"))

    assert routing.official == world.wakil
    assert [r.reason for r in routing.recusals] == [DecisionRecusal.Reason.CONFLICT]


def test_an_official_already_recused_on_the_decision_is_skipped_without_a_new_recusal(world):
    decision = _decision(world, world.principal, "B1")
    DecisionRecusal.objects.create(
        decision=decision, official=world.bupati, reason=DecisionRecusal.Reason.DECLARED, recorded_at=clock.now()
    )

    routing = route_decision(decision)

    assert routing.official == world.wakil
    assert routing.recusals == []


def test_an_inactive_staffing_authority_is_skipped(world):
    StaffingAuthority.objects.filter(user=world.bupati).update(is_active=False)

    assert route_decision(_decision(world, world.principal, "B1")).official == world.wakil


def test_when_every_staffing_authority_is_recused_routing_is_refused(world):
    _conflict(world, world.bupati)
    _conflict(world, world.wakil)

    with pytest.raises(DomainError) as error:
        route_decision(_decision(world, world.principal, "B1"))

    assert error.value.code == "no_competent_official"


def test_the_objection_decider_is_the_first_staffing_authority_not_recused(world):
    case = forwarded_case(world, bawaslu=False)
    assert staffing_authority_for(case).official == world.bupati

    _conflict(world, world.bupati)

    assert staffing_authority_for(case).official == world.wakil
