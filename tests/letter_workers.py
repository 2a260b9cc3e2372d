"""What the letter resilience tests share: real Celery worker subprocesses, a Redis of their own, and the checks of
"exactly once" (tests/test_letters_resilience.py says what they prove)."""

import hashlib
import os
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

from casework import letters
from casework.letters import letters_relay_pending
from casework.models import Case, Letter
from casework.tasks import render_letter
from casework.tests.letter_helpers import ACCUSED, N04, pdf_text
from core.models import AuditEvent

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


def decision_context(case: Case, index: int) -> dict[str, Any]:
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


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def children_of(pid: int) -> list[int]:
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
            "DATABASE_URL": database_url(),
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
        return children_of(self.pid)

    def kill_group(self) -> None:
        os.killpg(self.pid, signal.SIGKILL)
        assert self.process is not None
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while group_alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not group_alive(self.pid), "the worker's children outlived SIGKILL of the group"

    def stop(self) -> None:
        if self.process is None or not group_alive(self.pid):
            return
        os.killpg(self.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=20)
        if group_alive(self.pid):
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie leader (reaped above) is gone; children re-parented to init would still answer.
    return any(pgid_of(int(entry.name)) == pgid for entry in Path("/proc").iterdir() if entry.name.isdigit())


def pgid_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] == "Z" else int(fields[2])


def free_port(preferred: int = 6390) -> int:
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


# --- helpers ----------------------------------------------------------------------------------------------------------


def request_letters(cases: list[Case], count: int) -> list[int]:
    """`count` decision letters in one transaction (their renders are published when it commits)."""
    with transaction.atomic():
        return [
            letters.letter_request(
                case=(case := cases[index % len(cases)]),
                kind=KIND,
                actor=case.registered_by,
                context=decision_context(case, index),
            ).pk
            for index in range(count)
        ]


def letter_statuses(ids: list[int]) -> dict[int, str]:
    return dict(Letter.objects.filter(pk__in=ids).values_list("pk", "status"))


def files_of(letter: Letter) -> list[Path]:
    return sorted((WORKER_STORAGE / "letters" / str(letter.year)).glob(f"{letter.verification_code}*"))


def wait_until(what: str, done: Callable[[], bool], worker: Worker, timeout: float = DEADLINE_SECONDS) -> float:
    """Poll until done() (returns the monotonic time it became true); fail with the worker's log otherwise."""
    first_result(what, done, worker, timeout)
    return time.monotonic()


def first_result(what: str, probe: Callable[[], T], worker: Worker, timeout: float = DEADLINE_SECONDS) -> T:
    """Poll until probe() answers something truthy and return that answer; fail with the worker's log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = probe()
        if answer:
            return answer
        time.sleep(0.1)
    pytest.fail(f"{what}: not within {timeout} s; worker log:\n{worker.log()[-6000:]}")


def queue_drained(broker_url: str) -> Callable[[], bool]:
    queue = redis.Redis.from_url(broker_url)
    return lambda: queue.llen("celery") == 0 and queue.hlen("unacked") == 0


def assert_exactly_once(ids: list[int], cases: list[Case], broker_url: str) -> list[Letter]:
    issued = list(Letter.objects.filter(pk__in=ids).order_by("pk"))
    assert Letter.objects.filter(case__in=cases).count() == len(ids)  # one row per request, no more
    assert Counter(letter.status for letter in issued) == {"issued": len(ids)}
    for letter in issued:
        files = files_of(letter)
        assert [path.name for path in files] == [f"{letter.verification_code}.pdf"]
        assert hashlib.sha256(files[0].read_bytes()).hexdigest() == letter.sha256
        assert letter.pdf.name == f"letters/{letter.year}/{letter.verification_code}.pdf"
    assert len({letter.sha256 for letter in issued}) == len(ids)
    for letter in (issued[0], issued[-1]):  # real Keputusan documents, each with its own number
        text = pdf_text(files_of(letter)[0].read_bytes())
        assert f"KEPUTUSAN BUPATI LEBONG NOMOR {letter.number} TENTANG" in text
        assert "MEMUTUSKAN:" in text
    issued_events = Counter(
        AuditEvent.objects.filter(action="letter_issued", data__letter__in=ids).values_list("data__letter", flat=True)
    )
    assert issued_events == dict.fromkeys(ids, 1)
    assert not AuditEvent.objects.filter(action="letter_failed", data__letter__in=ids).exists()
    assert queue_drained(broker_url)()
    return issued


def print_figures(title: str, **figures: object) -> None:
    print(f"\n[resilience] {title}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


def issued_or_relayed(ids: list[int], broker_url: str, relayed: list[int]) -> Callable[[], bool]:
    """A poll: every letter issued? If not, and the broker holds no message at all (queue and unacked set empty),
    the letters still `requested` lost their message: kombu pops a message from the list before it records it as
    unacked, so a worker SIGKILLed in between takes it along. In production the beat job's relay
    (letters_relay_pending, after its grace period) publishes them again; here it runs as soon as that is visible."""
    drained = queue_drained(broker_url)

    def poll() -> bool:
        statuses = letter_statuses(ids)
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


def rendering_snapshot(ids: list[int], min_issued: int) -> Callable[[], set[int] | None]:
    """A poll that answers the letters being rendered once at least `min_issued` are issued and one is rendering."""

    def poll() -> set[int] | None:
        statuses = letter_statuses(ids)
        rendering = {pk for pk, status in statuses.items() if status == Letter.Status.RENDERING}
        issued = sum(status == Letter.Status.ISSUED for status in statuses.values())
        return rendering if issued >= min_issued and rendering else None

    return poll


# --- a) a worker killed in the middle of 100 decision letters ---------------------------------------------------------
