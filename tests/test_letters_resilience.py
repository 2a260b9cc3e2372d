"""Decision letters survive a crashing worker and a broker outage: every letter is produced exactly once.

Real Celery worker subprocesses (prefork, concurrency 2, prefetch 1, late ack, reject on worker loss) in their own
process group, the test database, and Redis:
- 100 decision letters requested in one transaction; a pool child is SIGKILLed mid-render (the pool replaces it), and
  separately the whole worker process group is SIGKILLed and a new worker started. The broker redelivers what the
  dead processes held: at once for a child (task_reject_on_worker_lost), after the visibility timeout for the whole
  worker (kombu restores unacked messages older than it; the test worker uses 20 s and restore throttle 1, as the
  figures in shared/reference/perf-reliability.md §2.2 suggest).
- letters requested while Redis is down: the request succeeds, the letters wait as `requested`, and once Redis is back
  the relay (casework.letters.letters_relay_pending, the beat job's service) enqueues them and the worker renders them.
  That needs a Redis of our own to stop: a second redis-server on a free port (the shared one on 6379 serves other
  test processes and is never touched beyond database 6).

Exactly once = one Letter row per request, all issued, one PDF file each whose SHA-256 is the stored one, distinct
hashes, one `letter_issued` audit event each, no `letter_failed`, and an empty queue with nothing unacked at the end.
Timings are printed (run with -s to see them).
"""

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import kombu.pools
import pytest
import redis
from django.conf import settings
from django.db import connection, transaction

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import letters
from casework.letters import LetterRelay, letters_relay_pending
from casework.models import Case, Letter
from casework.tasks import render_letter
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import ACCUSED, N04, pdf_text
from core.models import AuditEvent

# One xdist worker runs these one after another, like tests/test_letters_celery.py (which uses database 5).
pytestmark = [
    pytest.mark.celery,
    pytest.mark.xdist_group("celery-broker"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

T = TypeVar("T")
KIND = "decision"
LETTERS = 100
CASES = 10
BROKER_URL = "redis://127.0.0.1:6379/6"
VISIBILITY_TIMEOUT = 20
TRANSPORT_OPTIONS = {"visibility_timeout": VISIBILITY_TIMEOUT, "unacked_restore_throttle": 1}
# The worker runs config.settings.test, whose private storage is fixed; files are named after verification codes.
WORKER_STORAGE = Path(settings.BASE_DIR) / "var" / "test-private"
DEADLINE_SECONDS = 150

# The worker's entry point: config.settings.test plus the short visibility timeout (settings keep 600 s).
WORKER_MAIN = (
    "import sys\n"
    "from config.celery_app import app\n"
    f"app.conf.broker_transport_options = {TRANSPORT_OPTIONS!r}\n"
    "app.worker_main(sys.argv[1:])\n"
)


def _decision_context(case: Case, index: int) -> dict[str, Any]:
    """A Keputusan of scenario 1 (heavy discipline sanction), as sanctions.letters.decision_letter_context makes it."""
    subject = f"penjatuhan hukuman disiplin tingkat berat kepada Pegawai Negeri Sipil atas nama {ACCUSED['name']}"
    return {
        "case_number": case.number,
        "accused": ACCUSED,
        "legal_basis": [N04],
        "decision_id": index,
        "track": "discipline",
        "outcome": "sanction",
        "official_title": "Bupati Lebong",
        "subject": subject,
        "subject_sentence": subject,
        "sanction": {
            "code": "B1",
            "name": "Penurunan jabatan setingkat lebih rendah",
            "level_label": "berat",
            "duration_months": 12,
            "duration_words": "dua belas",
            "is_permanent": False,
            "allowance_cut_percent": 0,
            "regulation": "PP 94/2021",
            "article": "Pasal 8 ayat (4) huruf a",
        },
        "considerations": ["yang bersangkutan mengakui perbuatannya dalam pemeriksaan"],
        "statutes": ["Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", "PP 94/2021"],
        "references": [
            {"label": "Rekomendasi Bawaslu Kabupaten Lebong", "number": "001/PP/2024", "date": "2024-10-01"}
        ],
        "examination_report": {"number": "800/0003/BKPSDM/2024", "date": "2024-11-04"},
        "parts": [
            {"key": key, "label": label}
            for key, label in zip(
                ("sanction", "effective", "objection", "delivery"),
                ("KESATU", "KEDUA", "KETIGA", "KEEMPAT"),
                strict=True,
            )
        ],
        "appeal": False,
        "effective_working_days": 15,
        "effective_working_days_words": "lima belas",
        "objection_working_days": 14,
        "objection_working_days_words": "empat belas",
        "copies": ["Kepala BKN", "Bawaslu Kabupaten Lebong", "Arsip"],
        "signatory": {"name": "Kopli Ansori", "nip": "", "position": "Bupati Lebong"},
        "decision_date": "2024-11-20",
        "letter_date": "2024-11-20",
        "version_number": 1,
        "replaces": None,
        "correction_reason": "",
    }


# --- processes --------------------------------------------------------------------------------------------------------


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":  # a killed child not reaped yet is no longer a pool process
                children.append(int(entry.name))
    return sorted(children)


class Worker:
    """`celery worker` (prefork, 2 children) in a process group of its own, so the whole group can be killed."""

    def __init__(self, broker_url: str, log_path: Path) -> None:
        self.broker_url = broker_url
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": self.broker_url,
        }
        argv = [
            "worker",
            "--pool=prefork",
            "--concurrency=2",
            "--prefetch-multiplier=1",
            "--without-gossip",
            "--without-mingle",
            f"--hostname=resilience{self.starts}@%h",
            "--loglevel=info",
        ]
        with self.log_path.open("ab") as log:
            log.write(f"\n===== worker start {self.starts} =====\n".encode())
            log.flush()
            self.process = subprocess.Popen(
                [sys.executable, "-c", WORKER_MAIN, *argv],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,  # a file, not a pipe: a worker logging more than a pipe holds would block
                start_new_session=True,  # its own process group: pid == pgid
            )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def wait_ready(self, timeout: float = 60) -> None:
        marker = f"resilience{self.starts}@"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tail = self.log().rsplit("===== worker start", 1)[-1]
            if marker in tail and " ready." in tail and len(self.pool_children()) == 2:
                return
            assert self.process is not None and self.process.poll() is None, self.log()[-4000:]
            time.sleep(0.1)
        pytest.fail(f"worker not ready within {timeout} s:\n{self.log()[-4000:]}")

    def pool_children(self) -> list[int]:
        return _children_of(self.pid)

    def kill_group(self) -> None:
        os.killpg(self.pid, signal.SIGKILL)
        assert self.process is not None
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _group_alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group_alive(self.pid), "the worker's children outlived SIGKILL of the group"

    def stop(self) -> None:
        if self.process is None or not _group_alive(self.pid):
            return
        os.killpg(self.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=20)
        if _group_alive(self.pid):
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie leader (reaped above) is gone; children re-parented to init would still answer.
    return any(_pgid_of(int(entry.name)) == pgid for entry in Path("/proc").iterdir() if entry.name.isdigit())


def _pgid_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] == "Z" else int(fields[2])


def _free_port(preferred: int = 6390) -> int:
    for port in (preferred, *range(preferred + 1, preferred + 50)):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for a private redis-server")


class RedisServer:
    """A private, throw-away redis-server (no persistence), so the test can stop the broker for real."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.port = port
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                ],
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail(f"redis-server on port {self.port} did not start:\n{self.log_path.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def app_broker(url: str) -> Iterator[None]:
    """Point this process's Celery app (what letter_request publishes through) at `url`, then back.

    Celery reads CELERY_BROKER_URL from the environment before its configuration (`make test` sets it), so both
    change. Every kombu pool is closed on the way in and out: none keeps a connection to a broker of the wrong test.
    """
    app: Any = render_letter.app  # private pool attributes: Celery has no public way to drop them
    saved = (app.conf.broker_url, app.conf.broker_transport_options, os.environ.get("CELERY_BROKER_URL"))

    def reset_pools() -> None:
        kombu.pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    os.environ["CELERY_BROKER_URL"] = url
    app.conf.broker_url, app.conf.broker_transport_options = url, dict(TRANSPORT_OPTIONS)
    reset_pools()
    assert app.connection_for_write().as_uri(include_password=True) == url
    try:
        yield
    finally:
        reset_pools()
        app.conf.broker_url, app.conf.broker_transport_options = saved[:2]
        if saved[2] is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved[2]


# --- fixtures ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def cases(transactional_db: Any) -> list[Case]:
    agency = AgencyFactory()
    officer = IntakeOfficerFactory(username="verifikator-resilience", agency=agency)
    return [CaseFactory.create(agency=agency, registered_by=officer) for _ in range(CASES)]


@pytest.fixture
def shared_broker() -> Iterator[str]:
    redis.Redis.from_url(BROKER_URL).flushdb()
    with app_broker(BROKER_URL):
        yield BROKER_URL
    redis.Redis.from_url(BROKER_URL).flushdb()


@pytest.fixture
def made() -> Iterator[list[int]]:
    """Ids of the letters a test made: their files are removed from the worker's storage afterwards."""
    ids: list[int] = []
    yield ids
    for letter in Letter.objects.filter(pk__in=ids):
        for path in _files_of(letter):
            path.unlink()


@pytest.fixture
def worker_on(tmp_path: Path) -> Iterator[Callable[[str], Worker]]:
    started: list[Worker] = []

    def make(broker_url: str) -> Worker:
        worker = Worker(broker_url, tmp_path / "worker.log")
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()


# --- helpers ----------------------------------------------------------------------------------------------------------


def _request_letters(cases: list[Case], count: int) -> list[int]:
    """`count` decision letters in one transaction (their renders are published when it commits)."""
    with transaction.atomic():
        return [
            letters.letter_request(
                case=(case := cases[index % len(cases)]),
                kind=KIND,
                actor=case.registered_by,
                context=_decision_context(case, index),
            ).pk
            for index in range(count)
        ]


def _statuses(ids: list[int]) -> dict[int, str]:
    return dict(Letter.objects.filter(pk__in=ids).values_list("pk", "status"))


def _files_of(letter: Letter) -> list[Path]:
    return sorted((WORKER_STORAGE / "letters" / str(letter.year)).glob(f"{letter.verification_code}*"))


def _wait(what: str, done: Callable[[], bool], worker: Worker, timeout: float = DEADLINE_SECONDS) -> float:
    """Poll until done() (returns the monotonic time it became true); fail with the worker's log otherwise."""
    _first(what, done, worker, timeout)
    return time.monotonic()


def _first(what: str, probe: Callable[[], T], worker: Worker, timeout: float = DEADLINE_SECONDS) -> T:
    """Poll until probe() answers something truthy and return that answer; fail with the worker's log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = probe()
        if answer:
            return answer
        time.sleep(0.1)
    pytest.fail(f"{what}: not within {timeout} s; worker log:\n{worker.log()[-6000:]}")


def _drained(broker_url: str) -> Callable[[], bool]:
    queue = redis.Redis.from_url(broker_url)
    return lambda: queue.llen("celery") == 0 and queue.hlen("unacked") == 0


def _assert_exactly_once(ids: list[int], cases: list[Case], broker_url: str) -> list[Letter]:
    issued = list(Letter.objects.filter(pk__in=ids).order_by("pk"))
    assert Letter.objects.filter(case__in=cases).count() == len(ids)  # one row per request, no more
    assert Counter(letter.status for letter in issued) == {"issued": len(ids)}
    for letter in issued:
        files = _files_of(letter)
        assert [path.name for path in files] == [f"{letter.verification_code}.pdf"]
        assert hashlib.sha256(files[0].read_bytes()).hexdigest() == letter.sha256
        assert letter.pdf.name == f"letters/{letter.year}/{letter.verification_code}.pdf"
    assert len({letter.sha256 for letter in issued}) == len(ids)
    for letter in (issued[0], issued[-1]):  # real Keputusan documents, each with its own number
        text = pdf_text(_files_of(letter)[0].read_bytes())
        assert f"KEPUTUSAN BUPATI LEBONG NOMOR {letter.number} TENTANG" in text
        assert "MEMUTUSKAN:" in text
    issued_events = Counter(
        AuditEvent.objects.filter(action="letter_issued", data__letter__in=ids).values_list("data__letter", flat=True)
    )
    assert issued_events == dict.fromkeys(ids, 1)
    assert not AuditEvent.objects.filter(action="letter_failed", data__letter__in=ids).exists()
    assert _drained(broker_url)()
    return issued


def _report(title: str, **figures: object) -> None:
    print(f"\n[resilience] {title}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


def _issued_or_relayed(ids: list[int], broker_url: str, relayed: list[int]) -> Callable[[], bool]:
    """A poll: every letter issued? If not, and the broker holds no message at all (queue and unacked set empty),
    the letters still `requested` lost their message: kombu pops a message from the list before it records it as
    unacked, so a worker SIGKILLed in between takes it along. In production the beat job's relay
    (letters_relay_pending, after its grace period) publishes them again; here it runs as soon as that is visible."""
    drained = _drained(broker_url)

    def poll() -> bool:
        statuses = _statuses(ids)
        if Counter(statuses.values()) == {"issued": len(ids)}:
            return True
        waiting = [pk for pk, status in statuses.items() if status == Letter.Status.REQUESTED]
        if waiting and drained():
            time.sleep(1)  # a message being handed over right now shows up in the unacked set meanwhile
            if drained():
                letters_relay_pending(older_than=timedelta(0), again_after=timedelta(seconds=30))
                relayed.extend(pk for pk in waiting if pk not in relayed)
        return False

    return poll


def _rendering_snapshot(ids: list[int], min_issued: int) -> Callable[[], set[int] | None]:
    """A poll that answers the letters being rendered once at least `min_issued` are issued and one is rendering."""

    def poll() -> set[int] | None:
        statuses = _statuses(ids)
        rendering = {pk for pk, status in statuses.items() if status == Letter.Status.RENDERING}
        issued = sum(status == Letter.Status.ISSUED for status in statuses.values())
        return rendering if issued >= min_issued and rendering else None

    return poll


# --- a) a worker killed in the middle of 100 decision letters ---------------------------------------------------------


def test_a_pool_child_killed_mid_render_loses_and_doubles_no_letter(cases, shared_broker, worker_on, made):
    worker = worker_on(shared_broker)
    worker.start()
    worker.wait_ready()
    started = time.monotonic()
    made.extend(ids := _request_letters(cases, LETTERS))

    poll = _rendering_snapshot(ids, min_issued=20)
    victims: list[int] = []
    interrupted: set[int] = set()
    # Kill a pool child while letters are being rendered; a child that happened to be idle interrupted nothing,
    # so kill again (the pool replaces each one) until the log shows a task lost with its worker.
    for _ in range(6):
        rendering = _first("letters rendering", poll, worker)
        victim = worker.pool_children()[0]
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        victims.append(victim)
        # The pool notices a dead child within a couple of seconds; the log then says whether a task died with it.
        marker = f"pid:{victim} exited"
        _wait("the pool to notice", lambda: marker in worker.log(), worker, timeout=15)  # noqa: B023
        time.sleep(0.2)
        if "WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL)" in worker.log():
            interrupted = rendering
            break
    assert interrupted, f"no render was interrupted by killing {victims}:\n{worker.log()[-4000:]}"
    assert worker.process is not None and worker.process.poll() is None  # the worker itself lives on

    recovered = _wait(
        "the interrupted letters",
        lambda: all(_statuses(list(interrupted)).get(pk) == "issued" for pk in interrupted),
        worker,
    )
    finished = _wait("all letters issued", lambda: Counter(_statuses(ids).values()) == {"issued": LETTERS}, worker)
    _wait("the queue drained", _drained(shared_broker), worker, timeout=30)

    issued = _assert_exactly_once(ids, cases, shared_broker)
    attempts = Counter(letter.attempts for letter in issued)
    assert sum(letter.attempts for letter in issued) > LETTERS  # at least one render ran again after the kill
    assert worker.pool_children() and victims[-1] not in worker.pool_children()
    _report(
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
    made.extend(ids := _request_letters(cases, LETTERS))

    poll = _rendering_snapshot(ids, min_issued=30)
    rendering = _first("letters rendering", poll, worker)
    # Right after the snapshot that saw letters rendering: parent and both children at once, so nothing gets the
    # chance to ack or requeue.
    worker.kill_group()
    killed_at = time.monotonic()
    interrupted = {pk for pk, status in _statuses(list(rendering)).items() if status != "issued"}
    at_kill = Counter(_statuses(ids).values())
    assert interrupted, "the kill interrupted no render"
    unacked_at_kill = redis.Redis.from_url(shared_broker).hlen("unacked")

    worker.start()  # restarted at once
    worker.wait_ready()
    ready_at = time.monotonic()
    recovered = _wait(
        "the interrupted letters",
        lambda: all(status == "issued" for status in _statuses(list(interrupted)).values()),
        worker,
    )
    relayed: list[int] = []
    finished = _wait("all letters issued", _issued_or_relayed(ids, shared_broker, relayed), worker)
    _wait("the queue drained", _drained(shared_broker), worker, timeout=30)

    issued = _assert_exactly_once(ids, cases, shared_broker)
    by_pk = {letter.pk: letter for letter in issued}
    assert all(by_pk[pk].attempts >= 2 for pk in interrupted)  # started before the kill, rendered again after it
    # Only letters whose message the broker no longer held were relayed (see _issued_or_relayed).
    assert all(by_pk[pk].status == "issued" for pk in relayed)
    # Redelivery waited for the visibility timeout, not for the default hour.
    assert recovered - killed_at < VISIBILITY_TIMEOUT + 45
    _report(
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
    server = RedisServer(_free_port(), tmp_path / "redis.log")
    server.start()
    try:
        with app_broker(server.url):
            worker = worker_on(server.url)
            worker.start()
            worker.wait_ready()

            server.stop()
            requested_at = time.monotonic()
            with caplog.at_level("ERROR", logger="core.transactions"):
                made.extend(ids := [_request_letters(cases, 1)[0] for _ in range(3)])  # three requests, three commits
            request_seconds = (time.monotonic() - requested_at) / 3

            # Each request committed and returned; each failed publish was logged, not raised.
            assert [record.getMessage() for record in caplog.records] == [
                f"Could not enqueue task casework.render_letter({pk},); a relay must enqueue it again." for pk in ids
            ]
            assert set(_statuses(ids).values()) == {"requested"}
            # With the broker down the relay enqueues nothing (and says so) and the letters keep waiting.
            assert letters_relay_pending(older_than=timedelta(0)) == LetterRelay(pending=3, enqueued=0)

            server.start()  # empty: nothing queued survived, nothing was ever queued
            back_at = time.monotonic()
            assert letters_relay_pending(older_than=timedelta(0)) == LetterRelay(pending=3, enqueued=3)
            # A second relay run at once (two beat runs, an operator's command) publishes duplicates: harmless.
            assert letters_relay_pending(older_than=timedelta(0), again_after=timedelta(0)) == LetterRelay(
                pending=3, enqueued=3
            )
            finished = _wait(
                "letters issued after the outage", lambda: set(_statuses(ids).values()) == {"issued"}, worker
            )
            _wait("the queue drained", _drained(server.url), worker, timeout=30)

            issued = _assert_exactly_once(ids, cases, server.url)
            assert AuditEvent.objects.filter(action="letter_relayed", data__letter__in=ids).count() == 6
            _report(
                "Redis down during the request",
                request_s=round(request_seconds, 2),
                relay_to_issued_s=round(finished - back_at, 1),
                attempts=dict(Counter(letter.attempts for letter in issued)),
            )
    finally:
        server.stop()
