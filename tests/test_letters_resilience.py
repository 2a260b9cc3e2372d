"""Decision letters survive a crashing worker and a broker outage: every letter is produced exactly once.

Real Celery worker subprocesses (prefork, concurrency 2, prefetch 1, late ack, reject on worker loss) in their own
process group, the test database, and Redis:
- 100 decision letters requested in one transaction; a pool child is SIGKILLed mid-render (the pool replaces it), and
  separately the whole worker process group is SIGKILLed and a new worker started. The broker redelivers what the
  dead processes held: at once for a child (task_reject_on_worker_lost), after the visibility timeout for the whole
  worker (kombu restores unacked messages older than it; the test worker uses 20 s and restore throttle 1, as the
  figures in docs/performance-references.md §2.2 suggest).
- letters requested while Redis is down: the request succeeds, the letters wait as `requested`, and once Redis is back
  the relay (casework.letters.letters_relay_pending, the beat job's service) enqueues them and the worker renders them.
  That needs a Redis of our own to stop: a second redis-server on a free port (the shared one on 6379 serves other
  test processes and is never touched beyond database 6).

Exactly once = one Letter row per request, all issued, one PDF file each whose SHA-256 is the stored one, distinct
hashes, one `letter_issued` audit event each, no `letter_failed`, and an empty queue with nothing unacked at the end.
Timings are printed (run with -s to see them).
"""

import os
import shutil
import signal
import time
from collections import Counter
from datetime import timedelta

import pytest
import redis

from casework.letters import LetterRelay, letters_relay_pending
from core.models import AuditEvent
from tests.letter_workers import (
    LETTERS,
    VISIBILITY_TIMEOUT,
    RedisServer,
    app_broker,
    assert_exactly_once,
    first_result,
    free_port,
    issued_or_relayed,
    letter_statuses,
    print_figures,
    queue_drained,
    rendering_snapshot,
    request_letters,
    wait_until,
)

# One xdist worker runs these one after another, like tests/test_letters_celery.py (which uses database 5).
pytestmark = [
    pytest.mark.celery,
    pytest.mark.xdist_group("celery-broker"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_pool_child_killed_mid_render_loses_and_doubles_no_letter(cases, shared_broker, worker_on, made):
    worker = worker_on(shared_broker)
    worker.start()
    worker.wait_ready()
    started = time.monotonic()
    made.extend(ids := request_letters(cases, LETTERS))

    poll = rendering_snapshot(ids, min_issued=20)
    victims: list[int] = []
    interrupted: set[int] = set()
    # Kill a pool child while letters are being rendered; a child that happened to be idle interrupted nothing,
    # so kill again (the pool replaces each one) until the log shows a task lost with its worker.
    for _ in range(6):
        rendering = first_result("letters rendering", poll, worker)
        victim = worker.pool_children()[0]
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        victims.append(victim)
        # The pool notices a dead child within a couple of seconds; the log then says whether a task died with it.
        marker = f"pid:{victim} exited"
        wait_until("the pool to notice", lambda: marker in worker.log(), worker, timeout=15)  # noqa: B023
        time.sleep(0.2)
        if "WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL)" in worker.log():
            interrupted = rendering
            break
    assert interrupted, f"no render was interrupted by killing {victims}:\n{worker.log()[-4000:]}"
    assert worker.process is not None and worker.process.poll() is None  # the worker itself lives on

    recovered = wait_until(
        "the interrupted letters",
        lambda: all(letter_statuses(list(interrupted)).get(pk) == "issued" for pk in interrupted),
        worker,
    )
    finished = wait_until(
        "all letters issued", lambda: Counter(letter_statuses(ids).values()) == {"issued": LETTERS}, worker
    )
    wait_until("the queue drained", queue_drained(shared_broker), worker, timeout=30)

    issued = assert_exactly_once(ids, cases, shared_broker)
    attempts = Counter(letter.attempts for letter in issued)
    assert sum(letter.attempts for letter in issued) > LETTERS  # at least one render ran again after the kill
    assert worker.pool_children() and victims[-1] not in worker.pool_children()
    print_figures(
        "pool child SIGKILL",
        kills=len(victims),
        in_flight_at_kill=sorted(interrupted),
        attempts=dict(attempts),
        recovery_s=round(recovered - killed_at, 1),
        total_s=round(finished - started, 1),
    )


def test_the_whole_worker_killed_and_restarted_loses_and_doubles_no_letter(cases, shared_broker, worker_on, made):
    worker = worker_on(shared_broker)
    worker.start()
    worker.wait_ready()
    started = time.monotonic()
    made.extend(ids := request_letters(cases, LETTERS))

    poll = rendering_snapshot(ids, min_issued=30)
    rendering = first_result("letters rendering", poll, worker)
    # Right after the snapshot that saw letters rendering: parent and both children at once, so nothing gets the
    # chance to ack or requeue.
    worker.kill_group()
    killed_at = time.monotonic()
    interrupted = {pk for pk, status in letter_statuses(list(rendering)).items() if status != "issued"}
    at_kill = Counter(letter_statuses(ids).values())
    assert interrupted, "the kill interrupted no render"
    unacked_at_kill = redis.Redis.from_url(shared_broker).hlen("unacked")

    worker.start()  # restarted at once
    worker.wait_ready()
    ready_at = time.monotonic()
    recovered = wait_until(
        "the interrupted letters",
        lambda: all(status == "issued" for status in letter_statuses(list(interrupted)).values()),
        worker,
    )
    relayed: list[int] = []
    finished = wait_until("all letters issued", issued_or_relayed(ids, shared_broker, relayed), worker)
    wait_until("the queue drained", queue_drained(shared_broker), worker, timeout=30)

    issued = assert_exactly_once(ids, cases, shared_broker)
    by_pk = {letter.pk: letter for letter in issued}
    assert all(by_pk[pk].attempts >= 2 for pk in interrupted)  # started before the kill, rendered again after it
    # Only letters whose message the broker no longer held were relayed (see issued_or_relayed).
    assert all(by_pk[pk].status == "issued" for pk in relayed)
    # Redelivery waited for the visibility timeout, not for the default hour.
    assert recovered - killed_at < VISIBILITY_TIMEOUT + 45
    print_figures(
        "whole worker SIGKILL + restart",
        statuses_at_kill=dict(at_kill),
        unacked_at_kill=unacked_at_kill,
        in_flight_at_kill=sorted(interrupted),
        attempts=dict(Counter(letter.attempts for letter in issued)),
        restart_ready_s=round(ready_at - killed_at, 1),
        recovery_s=round(recovered - killed_at, 1),
        relayed=len(relayed),
        total_s=round(finished - started, 1),
    )


# --- b) letters requested while Redis is down -------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server to run a Redis of its own")
def test_letters_requested_while_redis_is_down_are_produced_once_it_is_back(cases, worker_on, made, tmp_path, caplog):
    server = RedisServer(free_port(), tmp_path / "redis.log")
    server.start()
    try:
        with app_broker(server.url):
            worker = worker_on(server.url)
            worker.start()
            worker.wait_ready()

            server.stop()
            requested_at = time.monotonic()
            with caplog.at_level("ERROR", logger="core.transactions"):
                made.extend(ids := [request_letters(cases, 1)[0] for _ in range(3)])  # three requests, three commits
            request_seconds = (time.monotonic() - requested_at) / 3

            # Each request committed and returned; each failed publish was logged, not raised.
            assert [record.getMessage() for record in caplog.records] == [
                f"Could not enqueue task casework.render_letter({pk},); a relay must enqueue it again." for pk in ids
            ]
            assert set(letter_statuses(ids).values()) == {"requested"}
            # With the broker down the relay enqueues nothing (and says so) and the letters keep waiting.
            assert letters_relay_pending(older_than=timedelta(0)) == LetterRelay(pending=3, enqueued=0)

            server.start()  # empty: nothing queued survived, nothing was ever queued
            back_at = time.monotonic()
            assert letters_relay_pending(older_than=timedelta(0)) == LetterRelay(pending=3, enqueued=3)
            # A second relay run at once (two beat runs, an operator's command) publishes duplicates: harmless.
            assert letters_relay_pending(older_than=timedelta(0), again_after=timedelta(0)) == LetterRelay(
                pending=3, enqueued=3
            )
            finished = wait_until(
                "letters issued after the outage", lambda: set(letter_statuses(ids).values()) == {"issued"}, worker
            )
            wait_until("the queue drained", queue_drained(server.url), worker, timeout=30)

            issued = assert_exactly_once(ids, cases, server.url)
            assert AuditEvent.objects.filter(action="letter_relayed", data__letter__in=ids).count() == 6
            print_figures(
                "Redis down during the request",
                request_s=round(request_seconds, 2),
                relay_to_issued_s=round(finished - back_at, 1),
                attempts=dict(Counter(letter.attempts for letter in issued)),
            )
    finally:
        server.stop()
