"""Letters rendered by a real Celery worker over Redis: each letter gets exactly one PDF, even when its task is
delivered twice (task_acks_late, so duplicates are expected in production and must be harmless)."""

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.conf import settings
from django.db import connection, transaction
from kombu import Connection

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import letters
from casework.letters import requesting
from casework.models import Letter
from casework.tasks import render_letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import scenario_context
from core.models import AuditEvent

# One xdist worker runs these one after another: they share one broker database, which each test flushes.
pytestmark = [
    pytest.mark.celery,
    pytest.mark.xdist_group("celery-broker"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BROKER_DB = 5
BROKER_URL = f"redis://127.0.0.1:6379/{BROKER_DB}"
# The worker runs config.settings.test, whose private storage is fixed (the test process's per-test folder is not
# visible to it); every file is named after its letter's unique verification code.
WORKER_STORAGE = Path(settings.BASE_DIR) / "var" / "test-private"
DEADLINE_SECONDS = 90


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def broker() -> Iterator[Connection]:
    redis.Redis.from_url(BROKER_URL).flushdb()
    with Connection(BROKER_URL) as conn:
        yield conn
    redis.Redis.from_url(BROKER_URL).flushdb()


@pytest.fixture
def worker(broker: Connection, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
    }
    celery = Path(sys.executable).parent / "celery"
    process = subprocess.Popen(
        [str(celery), "-A", "config", "worker", "--pool=solo", "--without-gossip", "--without-mingle", "-l", "warning"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe: a worker that logs more than a pipe holds would block on writing.
        stderr=(tmp_path / "worker.log").open("wb"),
    )
    process.log_path = tmp_path / "worker.log"  # type: ignore[attr-defined]
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def publish_on_commit(monkeypatch: pytest.MonkeyPatch, broker: Connection) -> None:
    """letter_request enqueues on commit, as in production, but to this test's own Redis database."""

    def enqueue(letter: Letter) -> None:
        transaction.on_commit(lambda: render_letter.apply_async((letter.pk,), connection=broker))  # type: ignore[call-arg]

    monkeypatch.setattr(requesting, "enqueue_render", enqueue)


def _wait_until_issued(letter_ids: list[int], worker: subprocess.Popen[bytes]) -> list[Letter]:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        found = list(Letter.objects.filter(pk__in=letter_ids).order_by("pk"))
        if all(letter.status in ("issued", "failed") for letter in found):
            return found
        assert worker.poll() is None, _worker_log(worker)
        time.sleep(0.2)
    pytest.fail(f"letters not issued within {DEADLINE_SECONDS} s; worker said:\n{_worker_log(worker)}")


def _worker_log(worker: subprocess.Popen[bytes]) -> str:
    return Path(worker.log_path).read_text(errors="replace")[-4000:]  # type: ignore[attr-defined]


def _files_of(letter: Letter) -> list[Path]:
    return sorted((WORKER_STORAGE / "letters" / str(letter.year)).glob(f"{letter.verification_code}*"))


@pytest.fixture
def a_case(transactional_db: Any) -> Any:
    agency = AgencyFactory()
    officer = IntakeOfficerFactory(username="verifikator-celery", agency=agency)
    return CaseFactory(agency=agency, registered_by=officer)


@pytest.fixture
def cleanup_files() -> Iterator[list[Letter]]:
    made: list[Letter] = []
    yield made
    for letter in made:
        for path in _files_of(letter):
            path.unlink()


def test_a_real_worker_renders_each_requested_letter_once(a_case, worker, publish_on_commit, cleanup_files):
    kinds = ["summons_1", "examination_team_decision", "examination_record"]
    requested = []
    for kind in kinds:
        with transaction.atomic():
            requested.append(
                letters.letter_request(
                    case=a_case, kind=kind, actor=a_case.registered_by, context=scenario_context(kind)
                )
            )
    cleanup_files.extend(requested)

    issued = _wait_until_issued([letter.pk for letter in requested], worker)

    assert [letter.status for letter in issued] == ["issued"] * 3
    for letter in issued:
        files = _files_of(letter)
        assert [path.name for path in files] == [f"{letter.verification_code}.pdf"]
        assert hashlib.sha256(files[0].read_bytes()).hexdigest() == letter.sha256
        assert letter.attempts == 1


def test_a_task_delivered_twice_still_yields_one_file(a_case, worker, broker, cleanup_files, monkeypatch):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    letter = letters.letter_request(
        case=a_case, kind="summons_1", actor=a_case.registered_by, context=scenario_context("summons_1")
    )
    cleanup_files.append(letter)

    for _ in range(2):
        render_letter.apply_async(  # type: ignore[call-arg]
            (letter.pk,), task_id=f"render-letter-{letter.pk}", connection=broker
        )
    [issued] = _wait_until_issued([letter.pk], worker)
    # The duplicate is behind the first in the queue: once the queue is empty and the worker idle, both ran.
    queue = redis.Redis.from_url(BROKER_URL)
    deadline = time.monotonic() + 20
    while (queue.llen("celery") or queue.hlen("unacked")) and time.monotonic() < deadline:
        time.sleep(0.2)

    assert issued.status == "issued"
    assert [path.name for path in _files_of(issued)] == [f"{issued.verification_code}.pdf"]
    after = Letter.objects.get(pk=letter.pk)
    assert (after.sha256, after.attempts) == (issued.sha256, 1)  # the duplicate saw it issued and did nothing
    assert AuditEvent.objects.filter(action="letter_issued", data__letter=letter.pk).count() == 1
    assert (queue.llen("celery"), queue.hlen("unacked")) == (0, 0)
