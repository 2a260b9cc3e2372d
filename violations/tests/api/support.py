"""Helpers shared by the API tests (and the evidence tests): a valid NIP, the citizens' endpoints and a valid
report, and the "nothing written" snapshot."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.models import AuditEvent
from core.testing import stored_files
from violations.models import (
    BawasluForwarding,
    Evidence,
    Report,
    ReportAddition,
    Reporter,
    ReportLink,
    TimelineEntry,
)

VALID_NIP = "198001012005031001"

REPORTS = "/api/v1/public/reports/"
TYPES = "/api/v1/public/violation-types/"
JAKARTA_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def report_payload(**overrides: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "reporter_name": "Siti Aminah",
        "reporter_phone": "081234567890",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati di Facebook.",
        "violation_type": "N04",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    payload.update(overrides)
    return payload


def status_url(report: Report) -> str:
    return f"{REPORTS}{report.tracking_code}/"


def additions_url(report: Report) -> str:
    return f"{status_url(report)}additions/"


def _counts() -> dict[str, int]:
    models: list[Any] = [
        Report,
        Reporter,
        ReportLink,
        ReportAddition,
        Evidence,
        TimelineEntry,
        BawasluForwarding,
        AuditEvent,
    ]
    return {model.__name__: model.objects.count() for model in models}


def snapshot_writes(storage: Path) -> Callable[[], None]:
    """Take a snapshot of rows and stored files; the returned function asserts that nothing changed since."""
    rows, files = _counts(), stored_files(storage)

    def assert_unchanged() -> None:
        assert _counts() == rows
        assert stored_files(storage) == files

    return assert_unchanged
