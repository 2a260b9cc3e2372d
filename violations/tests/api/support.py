"""Helpers shared by the API tests (and the evidence tests): a valid NIP and the "nothing written" snapshot."""

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
