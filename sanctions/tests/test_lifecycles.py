"""The lifecycles declared beside the models (core.lifecycle): the decision, its execution and the objection, with
the codes and messages the app has always used."""

import pytest
from django.utils import translation

from core.errors import ConflictError, TransitionNotAllowed
from core.models import AuditEvent
from sanctions.models import (
    DECISION_LIFECYCLE,
    DECISION_TRANSITIONS,
    EXECUTION_LIFECYCLE,
    EXECUTION_TRANSITIONS,
    OBJECTION_LIFECYCLE,
    OBJECTION_TRANSITIONS,
    Decision,
    Objection,
)
from sanctions.services.execution import set_execution_status
from sanctions.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db

_D = Decision.Status
_E = Decision.Execution
_O = Objection.Status


def test_every_status_has_a_row_in_its_table():
    assert set(DECISION_TRANSITIONS) == set(_D.values)
    assert set(EXECUTION_TRANSITIONS) == set(_E.values)
    assert set(OBJECTION_TRANSITIONS) == set(_O.values)


def test_the_execution_starts_once_and_ends_completed():
    assert {
        _E.NOT_STARTED: {_E.SERVING, _E.COMPLETED, _E.NOT_APPLICABLE},
        _E.SERVING: {_E.COMPLETED},
        _E.COMPLETED: set(),
        _E.NOT_APPLICABLE: set(),
    } == EXECUTION_TRANSITIONS


def test_an_objection_is_decided_once_and_an_inadmissible_one_stays_so():
    assert {_O.PENDING: {_O.DECIDED}, _O.INADMISSIBLE: set(), _O.DECIDED: set()} == OBJECTION_TRANSITIONS
    assert OBJECTION_LIFECYCLE.version_field is None


def test_a_stale_decision_version_keeps_the_code_and_message_of_the_app():
    decision = DecisionFactory.create()

    with translation.override("en"), pytest.raises(ConflictError) as stale:
        DECISION_LIFECYCLE.check_version(decision, decision.version + 1)

    assert stale.value.code == "decision_changed"
    assert str(stale.value.message) == (
        "The decision was changed by someone else while you were working on it (it is now “Draft”). "
        "Reload it and try again; nothing was saved."
    )


def test_a_refused_decision_move_keeps_the_code_and_message_of_the_app():
    decision = DecisionFactory.create()

    with translation.override("en"), pytest.raises(TransitionNotAllowed) as refused:
        DECISION_LIFECYCLE.check_transition(decision, _D.SIGNED)

    assert refused.value.code == "decision_transition_not_allowed"
    assert str(refused.value.message) == "A decision in status “Draft” cannot become “Signed”."


def test_a_served_sanction_cannot_start_again():
    decision = DecisionFactory.create(status=_D.EFFECTIVE, execution_status=_E.SERVING)

    with pytest.raises(TransitionNotAllowed) as refused:
        set_execution_status(decision, _E.NOT_STARTED)

    assert refused.value.code == "execution_transition_not_allowed"
    assert decision.execution_status == _E.SERVING
    set_execution_status(decision, _E.SERVING)  # staying where it is is no change
    assert EXECUTION_LIFECYCLE.can_transition(decision, _E.COMPLETED)


def test_a_decision_event_is_recorded_on_its_case_with_the_decision_and_track():
    from casework.tests.factories import examiner
    from sanctions.audit_actions import DECISION_DRAFT_UPDATED

    decision = DecisionFactory.create()

    event = DECISION_LIFECYCLE.record(decision, actor=examiner("pemeriksa"), action=DECISION_DRAFT_UPDATED)

    assert (event.target_type, event.target_id, event.from_status, event.to_status, event.data) == (
        "casework.case", decision.case_id, "draft", "draft", {"decision": decision.pk, "track": "discipline"},
    )  # fmt: skip
    assert AuditEvent.objects.count() == 1
