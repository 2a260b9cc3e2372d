"""The backup and restore procedure of docs/operations.md, run for real: ops/backup.sh dumps the database, the file
store and the audit anchors; ops/restore.sh restores them into an empty database and file store; the counts, every
file's SHA-256 and the audit chain with its anchors check out."""

import datetime
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from accounts.tests.factories import AgencyFactory
from core.audit_anchors import audit_anchor
from core.testing import png_bytes
from violations.evidence import validate_evidence_file
from violations.services import ReporterInput, ReportInput, report_submit

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("core_auditevent", "violations_report", "violations_evidence", "violations_reporter", "accounts_agency")

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs PostgreSQL's client tools"),
]


def _url(database: str) -> str:
    params = connection.get_connection_params()
    user, host, port = params.get("user", "postgres"), params.get("host", "127.0.0.1"), params.get("port", 5432)
    return f"postgres://{user}@{host}:{port}/{database}"


def _counts(url: str) -> dict[str, int]:
    counts = {}
    with psycopg.connect(url) as db:
        for table in TABLES:
            row = db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            counts[table] = row[0] if row else 0
    return counts


def _run(script: str, argument: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    return subprocess.run(
        ["bash", str(ROOT / "ops" / script), str(argument)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture
def empty_database():
    name = f"netra_restore_{os.getpid()}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_with_its_files_and_an_intact_chain(
    tmp_path, private_storage, audit_anchor_file, empty_database
):
    AgencyFactory()
    for name in ("a.png", "b.png"):
        photo = validate_evidence_file(io.BytesIO(png_bytes()), name)
        report_submit(
            data=ReportInput(
                accused_name="Drs. Rahmat Hidayat",
                incident_date=datetime.date(2024, 10, 7),
                description="Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
            ),
            reporter=ReporterInput(name="Siti Aminah", email="siti@example.id"),
            evidence=[photo],
        )
    audit_anchor(reason="daily")
    backup = tmp_path / "backup"
    source = {
        "NETRA_PRIVATE_MEDIA_ROOT": str(private_storage),
        "NETRA_AUDIT_ANCHOR_FILE": str(audit_anchor_file),
    }

    dumped = _run("backup.sh", backup, DATABASE_URL=_url(connection.settings_dict["NAME"]), **source)
    restored_media = tmp_path / "restored-private"
    restored = _run(
        "restore.sh",
        backup,
        DATABASE_URL=_url(empty_database),
        NETRA_PRIVATE_MEDIA_ROOT=str(restored_media),
        NETRA_AUDIT_ANCHOR_FILE=str(tmp_path / "restored-anchors.jsonl"),
        NETRA_AUDIT_KEYS=settings.NETRA_AUDIT_KEYS,
        DJANGO_SETTINGS_MODULE="config.settings.test",
    )

    assert dumped.returncode == 0, dumped.stderr
    assert restored.returncode == 0, restored.stderr + restored.stdout
    assert _counts(_url(empty_database)) == _counts(_url(connection.settings_dict["NAME"]))
    assert sorted(p.name for p in restored_media.rglob("*") if p.is_file()) == sorted(
        p.name for p in private_storage.rglob("*") if p.is_file()
    )
    events = _counts(_url(empty_database))["core_auditevent"]
    assert f"intact: {events} events, 1 anchors" in restored.stdout
