"""A letter's status changes go through LETTER_LIFECYCLE: its table, its events on the case, and the downloads."""

from typing import Any

import pytest
from django.db import transaction

from casework.letters import (
    letter_download_record,
    letter_mark_failed,
    letter_render,
    letter_request,
    letter_retry,
    requesting,
)
from casework.letters.rendering import _start_rendering, _store
from casework.models import LETTER_LIFECYCLE, LETTER_TRANSITIONS, Case, Letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import scenario_context
from core import clock
from core.errors import ConflictError, TransitionNotAllowed
from core.models import AuditEvent
from core.testing import stored_files

pytestmark = pytest.mark.django_db

L = Letter.Status


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)


@pytest.fixture
def letter(officer: Any) -> Letter:
    case = CaseFactory.create(agency=officer.agency, registered_by=officer)
    return letter_request(case=case, kind="summons_1", actor=officer, context=scenario_context("summons_1"))


def test_the_table_is_exactly_the_documented_lifecycle():
    documented = {
        L.REQUESTED: {L.RENDERING, L.FAILED},
        L.RENDERING: {L.ISSUED, L.FAILED, L.REQUESTED},
        L.FAILED: {L.REQUESTED},
        L.ISSUED: set(),
    }

    assert documented == LETTER_TRANSITIONS
    assert set(L.values) == set(LETTER_TRANSITIONS)


@pytest.mark.parametrize("to", [L.REQUESTED, L.RENDERING, L.FAILED])
def test_an_issued_letter_never_changes_status_again(letter, to):
    issued = letter_render(letter_id=letter.pk)

    with pytest.raises(TransitionNotAllowed) as refused, transaction.atomic():
        LETTER_LIFECYCLE.check_transition(LETTER_LIFECYCLE.lock(issued), to)

    assert refused.value.code == "letter_transition_not_allowed"
    assert issued.can_transition_to(to) is False
    assert Letter.objects.get(pk=letter.pk).status == L.ISSUED


def test_every_event_of_a_letter_is_recorded_on_its_case_with_its_number(letter):
    letter_mark_failed(letter_id=letter.pk, error="WeasyPrint crashed")
    letter_retry(letter=letter, actor=letter.requested_by)
    letter_render(letter_id=letter.pk)

    events = AuditEvent.objects.filter(action__startswith="letter_").order_by("id")
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("letter_requested", "", "requested"),
        ("letter_failed", "requested", "failed"),
        ("letter_retried", "failed", "requested"),
        ("letter_issued", "rendering", "issued"),
    ]
    assert {(e.target_type, e.target_id, e.data["letter"], e.data["number"]) for e in events} == {
        ("casework.case", letter.case_id, letter.pk, letter.number)
    }


def test_retrying_a_letter_stuck_before_any_worker_took_it_keeps_it_requested(letter):
    Letter.objects.filter(pk=letter.pk).update(requested_at=clock.now() - requesting.STALE_AFTER * 2)

    retried = letter_retry(letter=letter, actor=letter.requested_by)

    event = AuditEvent.objects.get(action="letter_retried")
    assert (retried.status, event.from_status, event.to_status) == (L.REQUESTED, L.REQUESTED, L.REQUESTED)


def test_a_render_that_finishes_after_a_retry_stores_nothing_and_leaves_the_letter_to_the_retry(
    letter, private_storage
):
    started = _start_rendering(letter.pk)
    # The worker that took it died: past the render task's time limit no worker can still hold it.
    Letter.objects.filter(pk=letter.pk).update(rendering_started_at=clock.now() - requesting.ABANDONED_AFTER * 2)
    letter_retry(letter=Letter.objects.get(pk=started.pk), actor=letter.requested_by)

    result = _store(letter.pk, b"%PDF-1.7 rendered before the retry")

    assert (result.status, result.pdf.name, result.sha256) == (L.REQUESTED, "", "")
    assert stored_files(private_storage) == []
    assert not AuditEvent.objects.filter(action="letter_issued").exists()


def test_a_letter_a_worker_may_still_hold_is_not_retried_but_an_abandoned_one_is_at_once(letter):
    _start_rendering(letter.pk)

    with pytest.raises(ConflictError):
        letter_retry(letter=Letter.objects.get(pk=letter.pk), actor=letter.requested_by)
    Letter.objects.filter(pk=letter.pk).update(rendering_started_at=clock.now() - requesting.ABANDONED_AFTER * 2)
    retried = letter_retry(letter=Letter.objects.get(pk=letter.pk), actor=letter.requested_by)

    assert retried.status == L.REQUESTED
    assert AuditEvent.objects.filter(action="letter_retried").count() == 1


def test_a_worker_taking_the_letter_counts_the_attempt_without_an_event(letter):
    events = AuditEvent.objects.count()

    taken = _start_rendering(letter.pk)
    again = _start_rendering(letter.pk)  # the task delivered a second time

    assert (taken.status, taken.attempts, again.status, again.attempts) == (L.RENDERING, 1, L.RENDERING, 2)
    assert AuditEvent.objects.count() == events


def test_a_download_is_recorded_on_the_case_which_keeps_its_status(letter, officer):
    issued = letter_render(letter_id=letter.pk)
    Case.objects.filter(pk=letter.case_id).update(status=Case.Status.SUMMONED)
    issued.case.refresh_from_db()
    case_version = issued.case.version

    letter_download_record(letter=issued, actor=officer, data={"decision": 7})

    event = AuditEvent.objects.get(action="letter_downloaded")
    assert (event.actor, event.target_type, event.target_id) == (officer, "casework.case", letter.case_id)
    assert (event.from_status, event.to_status) == ("summoned", "summoned")
    assert event.data == {"letter": issued.pk, "number": issued.number, "sha256": issued.sha256, "decision": 7}
    assert Case.objects.get(pk=letter.case_id).version == case_version
