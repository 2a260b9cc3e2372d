"""What a decision needs besides an allowed sanction (sanctions.services.decision_requirements): a heavy sanction only
after an examination by a team, the terms its catalogue row asks for, a recorded reason to depart from the LHP, and a
decision date the file can bear. Each rule from both sides; a refusal writes nothing."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.models import Examination, Letter
from core import clock
from core.errors import DomainError
from core.models import AuditEvent
from sanctions.models import Decision
from sanctions.services import (
    decision_review,
    decision_sign,
    decision_submit_for_review,
    decision_update_draft,
)
from sanctions.tests.decision_helpers import (
    NEW_POSITION,
    decision_on,
    examination_report,
    forwarded_case,
    terms_for,
    to_awaiting_signature,
)
from sanctions.tests.factories import DecisionFactory, sanction

pytestmark = pytest.mark.django_db

_D = Decision.Status


def _written() -> tuple[int, int, int]:
    return Decision.objects.count(), AuditEvent.objects.count(), Letter.objects.count()


# --- a heavy sanction requires an examination team -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["B1", "B2", "B3"])
def test_a_heavy_draft_on_a_case_examined_without_a_team_is_refused(world, code):
    case = forwarded_case(world, team=False)
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, sanction_code=code)

    assert (refused.value.code, refused.value.field) == ("examination_team_required", "sanction_code")
    assert "Tim Pemeriksa" in refused.value.message
    assert _written() == before


def test_a_moderate_or_ethics_decision_needs_no_team(world):
    case = forwarded_case(world, codes=("N08",), team=False)
    assert decision_on(case, world, sanction_code="S1").sanction_type == sanction("S1")
    ethics_case = forwarded_case(world, team=False, bawaslu=False)
    assert decision_on(ethics_case, world, track="ethics", sanction_code="M1").sanction_type == sanction("M1")


def test_a_heavy_draft_on_a_case_examined_by_its_team_is_saved(world, case):
    assert decision_on(case, world, sanction_code="B1").status == _D.DRAFT


def _set_aside_the_examination(case) -> None:
    """The examination held under the team no longer serves (e.g. set aside by casework): no team examination."""
    Examination.objects.filter(case=case).update(set_aside_at=timezone.now(), set_aside_reason="Diulang")


def test_a_heavy_draft_is_refused_at_review_and_signature_when_the_team_examination_no_longer_counts(world, case):
    in_review = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    _set_aside_the_examination(case)
    before = (_written(), in_review.version)

    with pytest.raises(DomainError) as refused:
        decision_review(decision=in_review, actor=world.officer, approve=True)
    assert refused.value.code == "examination_team_required"
    in_review.refresh_from_db()
    assert (_written(), in_review.version, in_review.status) == (*before, _D.IN_REVIEW)

    # Returning it to the drafter stays possible.
    assert decision_review(decision=in_review, actor=world.officer, approve=False, note="Bentuk tim").status == _D.DRAFT


def test_signing_a_heavy_decision_without_the_team_examination_is_refused(world, case):
    awaiting = to_awaiting_signature(decision_on(case, world), world)
    _set_aside_the_examination(case)
    before = (_written(), awaiting.version)

    with pytest.raises(DomainError) as refused:
        decision_sign(decision=awaiting, actor=world.bupati)

    assert refused.value.code == "examination_team_required"
    awaiting.refresh_from_db()
    assert (_written(), awaiting.version, awaiting.status, awaiting.letter_id) == (*before, _D.AWAITING_SIGNATURE, None)


def test_submitting_a_heavy_draft_is_refused_without_the_team(world):
    case = forwarded_case(world, team=False)
    draft = DecisionFactory.create(
        case=case, sanction_type=sanction("B1"), new_position="Guru", drafted_by=world.examiner,
        violation_types=[case.reports.first().violation_type],
    )  # fmt: skip
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_submit_for_review(decision=draft, actor=world.examiner)

    assert refused.value.code == "examination_team_required"
    assert _written() == before


# --- the terms a sanction asks for -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "field"), [("B1", "new_position"), ("B2", "new_position"), ("B3", "dismissal_date")])
def test_demotion_release_and_dismissal_name_their_terms(world, case, code, field):
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, sanction_code=code, new_position="", dismissal_date=None)

    assert (refused.value.code, refused.value.field) == (f"{field}_required", field)
    assert _written() == before
    decision = decision_on(case, world, sanction_code=code, **terms_for(code))
    assert getattr(decision, field) == terms_for(code)[field]


def test_a_term_the_sanction_does_not_use_is_dropped(world):
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    decision = decision_on(case, world, sanction_code="S2", new_position="Guru", dismissal_date=clock.today())

    assert (decision.new_position, decision.dismissal_date) == ("", None)


def test_b2_is_not_offered_to_an_accused_already_in_an_executor_position(world):
    clerk = CivilServantFactory.create(
        name="Andi Saputra", position_title="Pengadministrasi Umum", position_kind=CivilServant.PositionKind.EXECUTOR,
        functional_level="",
        unit=world.principal.unit, direct_superior=world.kasi,
    )  # fmt: skip
    case = forwarded_case(world, clerk, bawaslu=False)
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, sanction_code="B2", new_position="Pengadministrasi Umum")

    assert refused.value.code == "sanction_not_allowed"
    assert "Pembebasan dari jabatannya menjadi jabatan pelaksana" in refused.value.message
    assert _written() == before
    assert decision_on(case, world, sanction_code="B1", new_position="Pengadministrasi").sanction_type.code == "B1"


# --- the draft starts from the LHP's recommendation ------------------------------------------------------------------


def test_the_draft_starts_from_the_lhp_recommendation(world, case):
    examination_report(case, world, code="B2")

    decision = decision_on(case, world, sanction_code="", new_position=NEW_POSITION["release"])

    assert (decision.sanction_type.code, decision.sanction_change_reason) == ("B2", "")


def test_another_sanction_than_the_lhp_recommends_needs_a_reason(world, case):
    examination_report(case, world, code="B1")
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, sanction_code="B2")
    assert (refused.value.code, refused.value.field) == (
        "sanction_change_reason_required",
        "sanction_change_reason",
    )
    assert _written() == before

    decision = decision_on(case, world, sanction_code="B2", sanction_change_reason="Dampak lebih luas dari LHP.")
    assert decision.sanction_change_reason == "Dampak lebih luas dari LHP."
    event = AuditEvent.objects.filter(action="decision_drafted").get()
    assert (event.data["recommended_sanction"], event.data["sanction_change_reason"]) == (
        "B1",
        "Dampak lebih luas dari LHP.",
    )


def test_dismissing_what_the_lhp_found_proven_needs_a_reason_too(world, case):
    examination_report(case, world, code="B1")

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, outcome="dismissal", sanction_code="")
    assert refused.value.code == "sanction_change_reason_required"

    decision = decision_on(case, world, outcome="dismissal", sanction_code="", sanction_change_reason="Bukti lemah.")
    assert decision.sanction_change_reason == "Bukti lemah."


def test_returning_to_the_lhp_recommendation_drops_the_reason(world, case):
    examination_report(case, world, code="B1")
    decision = decision_on(case, world, sanction_code="B2", sanction_change_reason="Dampak luas.")

    decision = decision_update_draft(decision=decision, actor=world.examiner, sanction_code="B1")

    assert (decision.sanction_type.code, decision.sanction_change_reason) == ("B1", "")


# --- dates that can be true ------------------------------------------------------------------------------------------


def test_a_decision_dated_before_the_lhp_is_refused(world, case):
    examination_report(case, world, reported_on=datetime.date(2024, 11, 4))
    awaiting = to_awaiting_signature(decision_on(case, world), world)
    before = (_written(), awaiting.version)

    with pytest.raises(DomainError) as refused:
        decision_sign(decision=awaiting, actor=world.bupati, decision_date=datetime.date(2024, 11, 1))

    assert (refused.value.code, refused.value.field) == ("decision_before_examination_report", "decision_date")
    assert "4 November 2024" in refused.value.message
    awaiting.refresh_from_db()
    assert (_written(), awaiting.version, awaiting.decision_date) == (*before, None)

    signed = decision_sign(decision=awaiting, actor=world.bupati, decision_date=datetime.date(2024, 11, 4))
    assert (signed.status, signed.decision_date) == (_D.SIGNED, datetime.date(2024, 11, 4))


def test_a_decision_dated_in_the_future_is_refused(world, case):
    awaiting = to_awaiting_signature(decision_on(case, world), world)

    with pytest.raises(DomainError) as refused:
        decision_sign(decision=awaiting, actor=world.bupati, decision_date=clock.today() + datetime.timedelta(days=1))

    assert refused.value.code == "date_in_future"
    awaiting.refresh_from_db()
    assert awaiting.status == _D.AWAITING_SIGNATURE


def test_a_dismissal_cannot_take_effect_before_the_decision_date(world, case):
    awaiting = to_awaiting_signature(
        decision_on(case, world, sanction_code="B3", dismissal_date=datetime.date(2024, 11, 1)), world
    )
    before = _written()

    with pytest.raises(DomainError) as refused:
        decision_sign(decision=awaiting, actor=world.bupati, decision_date=datetime.date(2024, 11, 20))

    assert (refused.value.code, refused.value.field) == ("dismissal_date_before_decision", "dismissal_date")
    assert _written() == before
    assert decision_sign(decision=awaiting, actor=world.bupati, decision_date=datetime.date(2024, 11, 1)).is_signed
