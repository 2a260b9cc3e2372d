"""Benchmarks: run with `make bench`; figures go to docs/benchmarks.md with the machine and the date.

`python bench/run.py letters` (`make bench-letters`) runs only the letter rendering benchmark (bench/letters.py,
no database) and replaces only its section of the page; `python bench/run.py dashboard` only the leadership figures
benchmark (bench/dashboard.py, its own scratch database, in a process of its own), likewise; `python bench/run.py
search` (`make bench-search`) only the staff search benchmark (bench/search.py, 1,000,000 reports), likewise.

Measures, on a scratch PostgreSQL database (`netra_bench`, dropped afterwards):
- the triage queue (first page, a deep cursor page, a filtered page) over BENCH_REPORTS reports;
- the Bawaslu office's forwarding list;
- evidence validation (content sniffing + SHA-256) of a 10 MB file;
- a full public report submission through the API (PIN hashing included).
"""

import contextlib
import datetime
import io
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("CACHE_URL", "rediscache://127.0.0.1:6379/3")
ADMIN_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/netra").rsplit("/", 1)[0]
os.environ["DATABASE_URL"] = f"{ADMIN_URL}/netra_bench"
REPORTS = int(os.environ.get("BENCH_REPORTS", "200000"))
RUNS = 7


def _today() -> datetime.date:
    from core import clock  # after sys.path and the settings module are set

    return clock.today()


def _psql(sql: str) -> None:
    subprocess.run(["/usr/bin/psql", f"{ADMIN_URL}/postgres", "-qc", sql], check=True, capture_output=True)  # noqa: S603


def _median_ms(func: Callable[[], object], runs: int = RUNS) -> float:
    func()  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kib = int(
        next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    )
    return f"{os.cpu_count()} cores ({cpu}), {memory_kib / 1024 / 1024:.0f} GiB RAM, Python {platform.python_version()}"


def machine_description() -> str:
    return _machine()


def _dashboard() -> None:
    """The leadership figures benchmark, in its own process (its own settings and scratch database)."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "dashboard.py")], check=True)  # noqa: S603


def _search() -> None:
    """The staff search benchmark, in its own process (its own settings and scratch database)."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "search.py")], check=True)  # noqa: S603


def main(argv: list[str] | None = None) -> None:
    from bench import letters

    args = sys.argv[1:] if argv is None else argv
    if args == ["letters"]:
        print(letters.write(letters.run(), _machine()))
        return
    if args == ["dashboard"]:
        _dashboard()
        return
    if args == ["search"]:
        _search()
        return
    _psql("DROP DATABASE IF EXISTS netra_bench")
    _psql("CREATE DATABASE netra_bench")
    try:
        results = _run()
    finally:
        from django.db import connections

        connections.close_all()
        _psql("DROP DATABASE IF EXISTS netra_bench")
    _write(results)
    print(letters.write(letters.run(), _machine()))
    _dashboard()
    _search()


def _seed(agency: object, office: object) -> None:

    from core import clock
    from violations.models import BawasluForwarding, Channel, Report

    now = clock.now()
    statuses = [choice for choice, _label in Report.Status.choices]
    channels = [choice for choice, _label in Channel.choices]
    batch = []
    for index in range(REPORTS):
        batch.append(
            Report(
                tracking_code=f"NTR-B{index:08d}",
                agency=agency,
                channel=channels[index % len(channels)],
                source="api",
                status=statuses[index % len(statuses)] if statuses[index % len(statuses)] != "merged" else "received",
                received_at=now - datetime.timedelta(minutes=index),
                accused_name=f"Pegawai {index % 5000}",
                accused_nip=f"19800101200503{1}{index % 999 + 1:03d}",
                incident_date=datetime.date(2024, 10, 1),
                description="Laporan untuk pengukuran kinerja antrean telaah.",
            )
        )
        if len(batch) == 10_000:
            Report.objects.bulk_create(batch)
            batch = []
    Report.objects.bulk_create(batch)
    bawaslu = Report.objects.filter(channel=Channel.BAWASLU).values_list("pk", flat=True)
    BawasluForwarding.objects.bulk_create(
        [
            BawasluForwarding(
                report_id=pk,
                office=office,
                reference_number=f"{pk:06d}/Reg/TM/PB/Kab/07.04/X/2024",
                origin="finding",
                content_fingerprint=f"{pk:064x}",
            )
            for pk in bawaslu
        ],
        batch_size=10_000,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _run() -> list[tuple[str, str]]:
    import django

    django.setup()
    officer, office = _world()
    start = time.perf_counter()
    _seed(officer.agency, office)
    seeded = time.perf_counter() - start
    return [
        ("reports in the table", f"{REPORTS:,} (seeded in {seeded:.0f} s)"),
        *_list_figures(officer, office),
        *_intake_figures(),
    ]


def _world() -> tuple[Any, Any]:
    """A migrated database with one agency, its Bawaslu office and an intake officer."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from accounts.models import Agency, BawasluOffice, User
    from accounts.roles import Role

    call_command("migrate", verbosity=0)
    agency = Agency.objects.create(
        code="lebong", name="Pemerintah Kabupaten Lebong", region_name="Lebong", is_default=True
    )
    office = BawasluOffice.objects.create(name="Bawaslu Kabupaten Lebong", agency=agency)
    officer = User.objects.create(username="bench-intake", agency=agency)
    officer.groups.add(Group.objects.get(name=Role.INTAKE_OFFICER))
    return officer, office


def _list_figures(officer: Any, office: Any) -> list[tuple[str, str]]:
    from violations.selectors import forwarding_list_for_office, report_list_for_user

    queue = report_list_for_user(user=officer)
    cutoff = queue.values_list("received_at", flat=True)[REPORTS // 2]
    open_queue = queue.filter(status__in=["received", "in_review", "awaiting_information"])
    forwardings = forwarding_list_for_office(office=office).order_by("-report__received_at", "-id")
    return [
        ("triage queue, first page of 25 (SQL)", f"{_median_ms(lambda: list(queue[:25])):.1f} ms"),
        (
            "triage queue, cursor page in the middle (SQL)",
            f"{_median_ms(lambda: list(queue.filter(received_at__lt=cutoff)[:25])):.1f} ms",
        ),
        ("triage queue, open reports only (SQL)", f"{_median_ms(lambda: list(open_queue[:25])):.1f} ms"),
        ("Bawaslu forwarding list, first page (SQL)", f"{_median_ms(lambda: list(forwardings[:25])):.1f} ms"),
    ]


def _intake_figures() -> list[tuple[str, str]]:
    import django
    from django.test import Client
    from django.test.utils import override_settings

    from core.testing import png_bytes
    from violations.evidence import validate_evidence_file

    big = png_bytes(16, 16) + b"\0" * (10 * 1024 * 1024 - 200)
    check_ms = _median_ms(lambda: _validate_unchecked(validate_evidence_file, big))
    client = Client(HTTP_HOST="127.0.0.1")
    payload = {
        "anonymous": True,
        "accused_name": "Drs. Rahmat Hidayat",
        "incident_date": "2024-10-07",
        "description": "Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    rates = {"public_reports": "100000/hour", "pin_failures": "100000/hour"}
    with override_settings(REST_FRAMEWORK={**django.conf.settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}):

        def submit() -> None:
            response = client.post("/api/v1/public/reports/", payload, content_type="application/json")
            assert response.status_code == 201, response.content[:300]

        submit_ms = _median_ms(submit, runs=5)
    return [
        ("evidence check of a 10 MB file (sniff + SHA-256)", f"{check_ms:.1f} ms"),
        ("public report submission via the API (PBKDF2 PIN hash included)", f"{submit_ms:.0f} ms"),
    ]


def _validate_unchecked(validate: Callable[..., object], data: bytes) -> None:
    # The padded PNG fails Pillow's check after sniffing and hashing, which is what is measured.
    with contextlib.suppress(Exception):
        validate(io.BytesIO(data), "big.png")


def _write(results: list[tuple[str, str]]) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Run with `make bench` on {_today():%Y-%m-%d}. Machine: {_machine()}.",
        "PostgreSQL and the benchmark share the machine; medians of 7 runs after one warm-up.",
        "",
        "| what | figure |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in results],
        "",
    ]
    from bench import dashboard, letters, search

    # The other sections are written after this one; keep their previous figures if those fail.
    sections = (letters.existing_section(), dashboard.existing_section(), search.existing_section())
    kept = "".join("\n" + section for section in sections if section)
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + kept)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
