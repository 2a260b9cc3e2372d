"""A report's status and public timeline as its reporter and its forwarding office read them (and the intake
officer, who sees what they see)."""

import datetime
from dataclasses import dataclass

from violations.models import Report


@dataclass(frozen=True)
class TimelineItem:
    status_label: str
    at: datetime.datetime
    note: str


def status_label(status: str) -> str:
    """The public label of a report status, in the active language."""
    public = Report(status=status).public_status
    return str(Report.Status(public).label) if public in Report.Status.values else public


def timeline_items(report: Report) -> list[TimelineItem]:
    return [
        TimelineItem(status_label=status_label(entry.public_status), at=entry.at, note=entry.translated_note)
        for entry in report.timeline.all()
    ]
