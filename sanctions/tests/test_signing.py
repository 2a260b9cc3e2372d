"""Only the competent official signs, returns or declares a conflict; recusals and conflicts of interest; the
predicates the views and the after-decision services share."""

import datetime

import pytest

from casework.models import Letter
from core import clock
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent, Notification
from sanctions.models import ConflictOfInterest, Decision, DecisionRecusal
from sanctions.services import (
    conflict_of_interest_record,
    decision_correct,
    decision_declare_conflict,
    decision_return_by_official,
    decision_sign,
    decision_submit_for_review,
)
from sanctions.tests.decision_helpers import (
    case_actions,
    decision_on,
    forwarded_case,
    signed,
    to_awaiting_signature,
)

pytestmark = pytest.mark.django_db

_D = Decision.Status


# --- only the competent official signs -------------------------------------------------------------------------------


def test_only_the_competent_official_may_sign(world, case):
    from accounts.roles import Role
    from casework.tests.factories import agency_administrator

    decision = to_awaiting_signature(decision_on(case, world), world)
    superuser = agency_administrator("root", is_superuser=True)

    for actor in (world.wakil, world.sekda_user, world.kadis_user, world.examiner, world.officer, world.reviewer,
                  superuser):  # fmt: skip
        with pytest.raises(PermissionDenied) as error:
            decision_sign(decision=decision, actor=actor)
        assert error.value.code == "decision_sign_not_permitted"
        with pytest.raises(PermissionDenied):
            decision_return_by_official(decision=decision, actor=actor, note="x")

    world.bupati.groups.filter(name=str(Role.SANCTIONING_OFFICIAL)).delete()
    world.bupati.groups.clear()
    with pytest.raises(PermissionDenied):
        decision_sign(decision=decision, actor=world.bupati)

    decision.refresh_from_db()
    assert (decision.status, decision.signed_by) == (_D.AWAITING_SIGNATURE, None)
    assert not Letter.objects.exists()


def test_a_decision_for_the_president_cannot_be_signed_in_netra(world):
    from accounts.models import CivilServant
    from accounts.tests.factories import CivilServantFactory

    professor = CivilServantFactory.create(
        position_kind=CivilServant.PositionKind.FUNCTIONAL, functional_level="ahli_utama", unit=world.kadis.unit
    )
    case = forwarded_case(world, professor, bawaslu=False)
    decision = to_awaiting_signature(decision_on(case, world, sanction_code="B3"), world)
    assert (decision.competent_official, decision.competent_official_title) == (None, "Presiden Republik Indonesia")

    with pytest.raises(PermissionDenied) as error:
        decision_sign(decision=decision, actor=world.bupati)
    assert error.value.code == "decision_official_outside"


def test_a_decision_date_in_the_future_is_refused_an_earlier_one_is_kept(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    with pytest.raises(DomainError) as error:
        decision_sign(decision=decision, actor=world.bupati,
                      decision_date=clock.today() + datetime.timedelta(days=1))  # fmt: skip
    assert error.value.field == "decision_date"

    decision = decision_sign(decision=decision, actor=world.bupati, decision_date=datetime.date(2024, 11, 20))
    assert decision.decision_date == datetime.date(2024, 11, 20)
    assert decision.letter.context["decision_date"] == "2024-11-20"


# --- recusal ---------------------------------------------------------------------------------------------------------


def test_a_recusal_at_submission_is_recorded_and_audited(world, case):
    ConflictOfInterest.objects.create(official=world.bupati, description="Kakak ipar calon Bupati",
                                      valid_from=datetime.date(2024, 9, 1), recorded_by=world.officer)  # fmt: skip

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    assert decision.competent_official == world.wakil
    recusal = DecisionRecusal.objects.get(decision=decision)
    assert (recusal.official, recusal.reason, recusal.detail) == (world.bupati, "conflict", "Kakak ipar calon Bupati")
    event = AuditEvent.objects.get(action="decision_official_recused")
    assert event.data == {
        "decision": decision.pk, "track": "discipline", "official": world.bupati.pk,
        "official_name": "Kopli Ansori", "recusal_reason": "conflict",
    }  # fmt: skip
    assert event.reason == "Kakak ipar calon Bupati"


def test_the_official_declares_a_conflict_and_the_next_one_up_signs(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    with pytest.raises(DomainError):
        decision_declare_conflict(decision=decision, actor=world.bupati, detail="")
    decision = decision_declare_conflict(decision=decision, actor=world.bupati, detail="Paman calon wakil bupati")

    assert (decision.status, decision.competent_official, decision.competent_official_title) == (
        _D.AWAITING_SIGNATURE, world.wakil, "Wakil Bupati Lebong",
    )  # fmt: skip
    recusal = DecisionRecusal.objects.get(decision=decision)
    assert (recusal.official, recusal.reason) == (world.bupati, "declared")
    assert case_actions(case)[-2:] == ["decision_official_recused", "decision_rerouted"]
    assert Notification.objects.filter(user=world.wakil).count() == 1
    with pytest.raises(PermissionDenied):
        decision_sign(decision=decision, actor=world.bupati)
    decision = decision_sign(decision=decision, actor=world.wakil)
    assert decision.letter.context["signatory"]["position"] == "Wakil Bupati Lebong"


def test_an_official_conflicted_after_routing_cannot_sign(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)
    ConflictOfInterest.objects.create(official=world.bupati, description="Kerabat",
                                      valid_from=clock.today(), recorded_by=world.officer)  # fmt: skip

    with pytest.raises(ConflictError) as error:
        decision_sign(decision=decision, actor=world.bupati)
    assert error.value.code == "decision_official_recused"


def test_recording_a_conflict_of_interest(world):
    conflict = conflict_of_interest_record(
        actor=world.officer, official=world.bupati, description="Adik calon", valid_from=datetime.date(2024, 9, 1),
        accused=world.principal,
    )  # fmt: skip

    assert (conflict.official, conflict.accused, conflict.recorded_by) == (world.bupati, world.principal, world.officer)
    assert AuditEvent.objects.get(action="conflict_of_interest_recorded").target_id == conflict.pk
    with pytest.raises(PermissionDenied):
        conflict_of_interest_record(actor=world.examiner, official=world.bupati, description="x",
                                    valid_from=datetime.date(2024, 9, 1))  # fmt: skip
    with pytest.raises(DomainError) as error:
        conflict_of_interest_record(
            actor=world.officer,
            official=world.bupati,
            description="x",
            valid_from=datetime.date(2024, 9, 2),
            valid_to=datetime.date(2024, 9, 1),
        )
    assert error.value.field == "valid_to"


def test_correcting_needs_the_letter_issued(world, case):
    decision = signed(case, world)

    with pytest.raises(ConflictError) as error:
        decision_correct(decision=decision, actor=world.bupati, reason="Salah ketik")
    assert error.value.code == "decision_letter_not_issued"
    with pytest.raises(PermissionDenied):
        decision_correct(decision=decision, actor=world.wakil, reason="Salah ketik")


# --- the predicates the views and the after-decision services share ---------------------------------------------


def test_who_may_record_after_the_decision_and_who_decides_objections(world, case):
    from casework.tests.factories import examiner
    from sanctions.permissions import (
        can_correct_decision,
        can_decide_objection,
        can_record_after_decision,
        can_sign_decision,
    )

    decision = signed(case, world)
    stranger = examiner("pemeriksa-lain")

    assert [can_record_after_decision(u, decision) for u in (world.officer, world.reviewer, world.examiner)] == [
        True, True, True,
    ]  # fmt: skip
    assert [can_record_after_decision(u, decision) for u in (stranger, world.bupati, world.kadis_user)] == [
        False, False, False,
    ]  # fmt: skip
    assert [can_decide_objection(u, decision) for u in (world.bupati, world.wakil, world.officer)] == [
        True, False, False,
    ]  # fmt: skip
    ConflictOfInterest.objects.create(official=world.bupati, description="Kerabat", valid_from=clock.today(),
                                      recorded_by=world.officer)  # fmt: skip
    assert [can_decide_objection(u, decision) for u in (world.bupati, world.wakil)] == [False, True]
    assert can_correct_decision(world.bupati, decision) and not can_correct_decision(world.wakil, decision)
    assert can_sign_decision(world.bupati, decision) and not can_sign_decision(world.sekda_user, decision)


def test_declaring_a_conflict_with_nobody_left_changes_nothing(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)
    ConflictOfInterest.objects.create(official=world.wakil, description="Kerabat", valid_from=clock.today(),
                                      recorded_by=world.officer)  # fmt: skip

    with pytest.raises(DomainError) as error:
        decision_declare_conflict(decision=decision, actor=world.bupati, detail="Paman calon")

    assert error.value.code == "no_competent_official"
    decision.refresh_from_db()
    assert (decision.competent_official, decision.status) == (world.bupati, _D.AWAITING_SIGNATURE)
    assert not DecisionRecusal.objects.exists()
