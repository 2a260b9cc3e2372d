"""The transition kernel: lock, version check, transitions table, one audit event, side effects on commit.

The kernel is generic; these tests drive it over a kernel model (a deadline rule's `unit` as the status and its
`count` as the version counter) so they need no app above core. The apps' own tests cover their lifecycles.
"""

import datetime

import pytest
from django.db import transaction
from django.utils.translation import pgettext_lazy

from core.audit_registry import declare, forget
from core.errors import ConflictError, TransitionNotAllowed
from core.lifecycle import Lifecycle
from core.models import AuditEvent, DeadlineRule

pytestmark = pytest.mark.django_db

_U = DeadlineRule.Unit
RULE_LIFECYCLE = Lifecycle(
    name="rule",
    model=DeadlineRule,
    transitions={_U.WORKING_DAYS: frozenset({_U.CALENDAR_DAYS}), _U.CALENDAR_DAYS: frozenset()},
    status_field="unit",
    version_field="count",
    clean_exclude=(),
)


@pytest.fixture
def changed():
    action = declare("rule_unit_changed", pgettext_lazy("audit action", "probe"), target="core.deadlinerule")
    yield action
    forget(action.code)


@pytest.fixture
def rule():
    return DeadlineRule.objects.create(
        code="T1",
        name="Uji",
        name_en="Test",
        count=3,
        unit=_U.WORKING_DAYS,
        anchor="x",
        anchor_en="x",
        outcome="x",
        outcome_en="x",
        regulation="PP 94/2021",
        valid_from=datetime.date(2021, 1, 1),
    )


def test_a_transition_saves_bumps_the_version_and_writes_one_event(rule, changed):
    with transaction.atomic():
        locked = RULE_LIFECYCLE.lock(rule)
        RULE_LIFECYCLE.check_version(locked, 3)
        RULE_LIFECYCLE.transition(locked, to=_U.CALENDAR_DAYS, actor=None, action=changed, reason="koreksi")

    rule.refresh_from_db()
    assert (rule.unit, rule.count) == (_U.CALENDAR_DAYS, 4)
    event = AuditEvent.objects.get()
    assert (event.action, event.target_type, event.target_id) == ("rule_unit_changed", "core.deadlinerule", rule.pk)
    assert (event.from_status, event.to_status, event.reason) == ("working_days", "calendar_days", "koreksi")


def test_a_stale_version_is_a_conflict_and_nothing_is_written(rule, changed):
    with pytest.raises(ConflictError) as raised, transaction.atomic():
        locked = RULE_LIFECYCLE.lock(rule)
        RULE_LIFECYCLE.check_version(locked, 2)
        RULE_LIFECYCLE.transition(locked, to=_U.CALENDAR_DAYS, actor=None, action=changed)

    assert raised.value.code == "rule_changed"
    rule.refresh_from_db()
    assert (rule.unit, rule.count) == (_U.WORKING_DAYS, 3)
    assert AuditEvent.objects.count() == 0


def test_a_move_the_table_does_not_allow_is_refused_and_nothing_is_written(rule, changed):
    rule.unit = _U.CALENDAR_DAYS
    rule.save()

    with pytest.raises(TransitionNotAllowed) as raised, transaction.atomic():
        RULE_LIFECYCLE.transition(RULE_LIFECYCLE.lock(rule), to=_U.WORKING_DAYS, actor=None, action=changed)

    assert raised.value.code == "rule_transition_not_allowed"
    assert AuditEvent.objects.count() == 0
    rule.refresh_from_db()
    assert rule.count == 3


def test_no_expected_version_skips_the_check(rule):
    RULE_LIFECYCLE.check_version(rule, None)


def test_side_effects_run_only_after_the_commit(rule, changed, django_capture_on_commit_callbacks):
    ran: list[str] = []

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        RULE_LIFECYCLE.transition(
            RULE_LIFECYCLE.lock(rule),
            to=_U.CALENDAR_DAYS,
            actor=None,
            action=changed,
            after_commit=[lambda: ran.append("enqueued")],
        )
        assert ran == []

    assert len(callbacks) == 1
    assert ran == ["enqueued"]


def test_side_effects_of_a_rolled_back_change_never_run(rule, changed, django_capture_on_commit_callbacks):
    ran: list[str] = []

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        RULE_LIFECYCLE.transition(
            RULE_LIFECYCLE.lock(rule),
            to=_U.CALENDAR_DAYS,
            actor=None,
            action=changed,
            after_commit=[lambda: ran.append("enqueued")],
        )
        raise RuntimeError("the change failed")

    assert (callbacks, ran) == ([], [])
    assert AuditEvent.objects.count() == 0


def test_record_keeps_the_status_and_bumps_the_version_when_it_saves(rule, changed):
    rule.name = "Uji ulang"
    event = RULE_LIFECYCLE.record(rule, actor=None, action=changed, fields=("name",), data={"field": "name"})

    rule.refresh_from_db()
    assert (rule.name, rule.count, rule.unit) == ("Uji ulang", 4, _U.WORKING_DAYS)
    assert (event.from_status, event.to_status, event.data) == ("working_days", "working_days", {"field": "name"})


def test_the_table_answers_what_may_follow():
    assert RULE_LIFECYCLE.allows(_U.WORKING_DAYS, _U.CALENDAR_DAYS)
    assert not RULE_LIFECYCLE.allows(_U.CALENDAR_DAYS, _U.WORKING_DAYS)
    assert not RULE_LIFECYCLE.allows("unknown", _U.WORKING_DAYS)
