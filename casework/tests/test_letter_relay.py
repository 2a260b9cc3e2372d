"""A broker that is down when a letter is requested: the request still succeeds, the letter waits as `requested`,
and the relay (beat task casework.relay_pending_letters, command relay_letters) enqueues it again later.

No worker and no broker here: publishing is patched (tests/test_letters_resilience.py does it with real ones).
"""

import datetime
import logging
from collections.abc import Iterator
from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from kombu.exceptions import OperationalError

from casework import letters, services, tasks
from casework.letters import LetterRelay, letter_request, letter_retry, letters_relay_pending
from casework.models import Case, Letter
from casework.tests.letter_helpers import scenario_context
from core import clock
from core.models import AuditEvent
from core.testing import stored_files
from core.transactions import publish_quietly

BROKER_DOWN = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


class Broker:
    """Stands in for render_letter.delay: records what was published, or refuses like a broker that is down."""

    def __init__(self) -> None:
        self.published: list[int] = []
        self.down = False

    def delay(self, letter_id: int) -> None:
        if self.down:
            raise BROKER_DOWN
        self.published.append(letter_id)


@pytest.fixture
def broker() -> Iterator[Broker]:
    fake = Broker()
    with mock.patch.object(tasks.render_letter, "delay", side_effect=fake.delay):
        yield fake


def _request(case: Case, actor: Any) -> Letter:
    return letter_request(case=case, kind="summons_1", actor=actor, context=scenario_context("summons_1"))


def _age(letter: Letter, minutes: int) -> Letter:
    Letter.objects.filter(pk=letter.pk).update(requested_at=clock.now() - datetime.timedelta(minutes=minutes))
    return Letter.objects.get(pk=letter.pk)


def _relayed() -> list[tuple[int, int, str]]:
    return [
        (event.target_id, event.data["letter"], event.actor_label)
        for event in AuditEvent.objects.filter(action="letter_relayed").order_by("id")
    ]


# --- the publish after commit never breaks the caller -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_broker_error_after_commit_is_logged_and_the_letter_stays_requested(
    case, officer, broker, caplog, django_capture_on_commit_callbacks
):
    broker.down = True
    with caplog.at_level(logging.ERROR, logger="core.transactions"), django_capture_on_commit_callbacks(execute=True):
        letter = _request(case, officer)

    assert Letter.objects.get(pk=letter.pk).status == "requested"
    assert broker.published == []
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        ("ERROR", f"Could not enqueue task casework.render_letter({letter.pk},); a relay must enqueue it again.")
    ]
    assert caplog.records[0].exc_info[0] is OperationalError  # the traceback is in the log


@pytest.mark.django_db
def test_nothing_is_published_for_a_rolled_back_transaction(case, officer, broker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                _request(case, officer)
                raise RuntimeError("the step failed")
        except RuntimeError:
            pass

    assert (callbacks, broker.published, Letter.objects.count()) == ([], [], 0)


def test_publish_quietly_reports_success_and_failure(caplog):
    task = mock.Mock(name="task")
    task.name = "demo.task"
    assert publish_quietly(task, 7, flag=True) is True
    task.delay.assert_called_once_with(7, flag=True)

    task.delay.side_effect = BROKER_DOWN
    with caplog.at_level(logging.ERROR, logger="core.transactions"):
        assert publish_quietly(task, 8) is False
    assert [record.getMessage() for record in caplog.records] == [
        "Could not enqueue task demo.task(8,); a relay must enqueue it again."
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_summons_issued_while_the_broker_is_down_succeeds_and_its_letter_waits(
    case, officer, examiner_user, broker, caplog
):
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    services.case_start_review(
        case=Case.objects.get(pk=case.pk), actor=officer, probable_level="moderate", tracks=["ethics", "discipline"]
    )
    case = Case.objects.get(pk=case.pk)
    broker.down = True
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(examiner_user)

    with caplog.at_level(logging.ERROR, logger="core.transactions"):
        response = client.post(
            reverse("casework_actions:summons-issue", kwargs={"case_id": case.pk}),
            {
                "expected_version": case.version,
                "number": "1",
                "scheduled_at": "2024-10-28T09:00",
                "sent_on": "2024-10-16",
                "delivery_method": "in_person",
                "place": "Kantor BKPSDM Kabupaten Lebong",
            },
        )

    assert (response.status_code, response.url) == (302, reverse("casework:case-detail", kwargs={"case_id": case.pk}))
    letter = Letter.objects.get(case=case)
    assert (letter.kind, letter.status) == ("summons_1", "requested")
    assert [record.levelname for record in caplog.records] == ["ERROR"]  # the enqueue was tried and failed

    broker.down = False
    assert letters_relay_pending(older_than=datetime.timedelta(0)) == LetterRelay(pending=1, enqueued=1)
    assert broker.published == [letter.pk]


# --- the relay ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_relay_enqueues_only_letters_still_requested_after_the_grace_period(case, officer, broker):
    waiting = [_age(_request(case, officer), minutes=5) for _ in range(2)]
    young = _request(case, officer)
    rendering, issued, failed = (_age(_request(case, officer), minutes=5) for _ in range(3))
    Letter.objects.filter(pk=rendering.pk).update(status="rendering")
    letters.letter_render(letter_id=issued.pk)
    Letter.objects.filter(pk=failed.pk).update(status="failed")

    run = letters_relay_pending()

    assert run == LetterRelay(pending=2, enqueued=2)
    assert broker.published == [letter.pk for letter in waiting]
    assert _relayed() == [(case.pk, letter.pk, "system") for letter in waiting]
    assert young.pk not in broker.published
    statuses = dict(Letter.objects.values_list("pk", "status"))
    assert [statuses[letter.pk] for letter in (*waiting, young)] == ["requested"] * 3  # the worker changes them


@pytest.mark.django_db
def test_a_letter_abandoned_while_rendering_is_put_back_and_published_once(case, officer, broker):
    from casework.letters.requesting import ABANDONED_AFTER

    abandoned, held = (_age(_request(case, officer), minutes=20) for _ in range(2))
    # Both were taken by a worker; the first one's worker died long ago (a Redis restart lost its message too).
    Letter.objects.filter(pk=abandoned.pk).update(
        status="rendering", rendering_started_at=clock.now() - ABANDONED_AFTER * 2
    )
    Letter.objects.filter(pk=held.pk).update(status="rendering", rendering_started_at=clock.now())

    first = letters_relay_pending()
    second = letters_relay_pending()

    assert (first, second) == (LetterRelay(pending=1, enqueued=1), LetterRelay(pending=0, enqueued=0))
    assert broker.published == [abandoned.pk]
    assert dict(Letter.objects.filter(pk__in=[abandoned.pk, held.pk]).values_list("pk", "status")) == {
        abandoned.pk: "requested",
        held.pk: "rendering",
    }
    requeued = AuditEvent.objects.get(action="letter_requeued")
    assert (requeued.data["letter"], requeued.from_status, requeued.to_status) == (
        abandoned.pk,
        "rendering",
        "requested",
    )


@pytest.mark.django_db
def test_a_relayed_letter_is_not_enqueued_again_until_the_repeat_interval(case, officer, broker):
    letter = _age(_request(case, officer), minutes=5)
    assert letters_relay_pending().enqueued == 1

    assert letters_relay_pending() == LetterRelay(pending=0, enqueued=0)
    assert letters_relay_pending(again_after=datetime.timedelta(0)) == LetterRelay(pending=1, enqueued=1)
    assert broker.published == [letter.pk] * 2


@pytest.mark.django_db
def test_a_letter_just_retried_by_an_officer_is_left_to_its_own_task(case, officer, broker):
    letter = _age(_request(case, officer), minutes=30)
    Letter.objects.filter(pk=letter.pk).update(status="failed", last_error="boom")
    letter_retry(letter=letter, actor=officer)

    assert Letter.objects.get(pk=letter.pk).status == "requested"
    assert letters_relay_pending() == LetterRelay(pending=0, enqueued=0)
    assert letters_relay_pending(older_than=datetime.timedelta(0)).enqueued == 1


@pytest.mark.django_db
def test_the_relay_stops_while_the_broker_is_down_and_catches_up_later(case, officer, broker, caplog):
    waiting = [_age(_request(case, officer), minutes=3) for _ in range(3)]
    broker.down = True

    with caplog.at_level(logging.WARNING):
        assert letters_relay_pending() == LetterRelay(pending=3, enqueued=0)

    assert _relayed() == []
    assert "Letter relay: 0 of 3 pending letters enqueued; the broker refused." in [
        record.getMessage() for record in caplog.records
    ]
    broker.down = False
    assert letters_relay_pending() == LetterRelay(pending=3, enqueued=3)
    assert broker.published == [letter.pk for letter in waiting]


@pytest.mark.django_db
def test_the_relay_takes_at_most_a_batch_oldest_first(case, officer, broker):
    waiting = [_age(_request(case, officer), minutes=10 - index) for index in range(3)]

    assert letters_relay_pending(limit=2) == LetterRelay(pending=2, enqueued=2)
    assert letters_relay_pending(limit=2) == LetterRelay(pending=1, enqueued=1)
    assert broker.published == [letter.pk for letter in waiting]


@pytest.mark.django_db
def test_a_letter_requested_while_the_broker_was_down_is_rendered_once_after_the_relay(
    case, officer, broker, private_storage, django_capture_on_commit_callbacks
):
    broker.down = True
    with django_capture_on_commit_callbacks(execute=True):
        letter = _request(case, officer)
    broker.down = False

    assert letters_relay_pending(older_than=datetime.timedelta(0)).enqueued == 1
    # The worker runs the relayed task; a late copy of the original (or a second relay) changes nothing.
    for letter_id in [*broker.published, *broker.published]:
        assert tasks.render_letter(letter_id) == "issued"

    issued = Letter.objects.get(pk=letter.pk)
    assert (issued.status, issued.attempts) == ("issued", 1)
    assert stored_files(private_storage) == [
        private_storage / "letters" / str(issued.year) / issued.pdf.name.split("/")[-1]
    ]
    assert issued.pdf.name.endswith(f"{issued.verification_code}.pdf")
    assert AuditEvent.objects.filter(action="letter_issued", data__letter=letter.pk).count() == 1


# --- the beat job and the command -----------------------------------------------------------------------------------


def test_the_relay_runs_every_minute_from_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["letter-relay"]
    assert (entry["task"], entry["schedule"], entry["options"]) == (
        "casework.relay_pending_letters",
        60.0,
        {"expires": 50},
    )
    assert tasks.relay_pending_letters.app.tasks["casework.relay_pending_letters"].name == entry["task"]


@pytest.mark.django_db
def test_the_beat_task_reports_what_it_did(case, officer, broker):
    letter = _age(_request(case, officer), minutes=5)

    assert tasks.relay_pending_letters() == {"pending": 1, "enqueued": 1}
    assert broker.published == [letter.pk]


@pytest.mark.django_db
def test_the_command_relays_and_says_how_many(case, officer, broker):
    letter = _request(case, officer)
    out = StringIO()

    call_command("relay_letters", stdout=out)
    call_command("relay_letters", "--older-than", "0", stdout=out)
    call_command("relay_letters", "--older-than", "0", stdout=out)
    call_command("relay_letters", "--older-than", "0", "--now", stdout=out)

    # Commands speak the deployment's language (Indonesian).
    assert out.getvalue().splitlines() == [
        "0 dari 0 surat yang menunggu telah dimasukkan kembali ke antrean.",
        "1 dari 1 surat yang menunggu telah dimasukkan kembali ke antrean.",
        "0 dari 0 surat yang menunggu telah dimasukkan kembali ke antrean.",
        "1 dari 1 surat yang menunggu telah dimasukkan kembali ke antrean.",
    ]
    assert broker.published == [letter.pk, letter.pk]


@pytest.mark.django_db
def test_the_command_fails_while_the_broker_is_down(case, officer, broker):
    _request(case, officer)
    broker.down = True

    with pytest.raises(
        CommandError,
        match=r"^0 dari 1 surat yang menunggu telah dimasukkan kembali ke antrean\. Broker menolak sisanya",
    ):
        call_command("relay_letters", "--older-than", "0")
