"""The public timeline of a report: the notes the reporter and the forwarding office read, and adding one.

Notes are stored untranslated (msgids, placeholders in TimelineEntry.note_params) and translated when shown
(TimelineEntry.translated_note), so each reader sees them in their own language. A note is public-safe: never a
name, never internal reasoning beyond what the reporter may know.
"""

import datetime

from django.utils.translation import gettext_noop

from core import clock
from violations.models import Report, TimelineEntry

NOTE_RECEIVED = gettext_noop("Report received.")
NOTE_IN_REVIEW = gettext_noop("An officer is reviewing the report.")
NOTE_INFORMATION_REQUESTED = gettext_noop("The officer asks for more information: %(message)s")
NOTE_INFORMATION_ADDED = gettext_noop("The reporter added information.")
NOTE_REJECTED = gettext_noop("The report was not taken further: %(reason)s")
NOTE_MERGED = gettext_noop("The report concerns the same matter as another report and is handled with it.")
NOTE_IN_PROCESS = gettext_noop("A case was opened and is being handled under the civil-service discipline rules.")
NOTE_DECIDED = gettext_noop("A decision has been made on this report.")
NOTE_OUTCOME = gettext_noop("The decision on the case has taken effect.")
NOTE_CLOSED = gettext_noop("The case is closed: the decision was carried out.")


def timeline_append(
    report: Report,
    note: str,
    *,
    status: str | None = None,
    at: datetime.datetime | None = None,
    params: dict[str, str] | None = None,
) -> TimelineEntry:
    """Append an entry under `status` (default: the report's public status, now): `note` is a NOTE_* msgid and
    `params` fill its placeholders when it is shown."""
    return TimelineEntry.objects.create(
        report=report,
        status=status or report.public_status,
        at=at or clock.now(),
        note=note,
        note_params=params or {},
    )
