"""What a decision cites and whom it is copied to: Memperhatikan (the letters taken into account) and Tembusan
(the copies), their defaults from the case and the checks of what a drafter typed."""

from typing import Any

from django.utils.translation import gettext as _

from casework.letter_snapshots import letter_copies
from casework.models import Case
from core import clock
from core.errors import DomainError
from violations.models import Channel, Report


def default_references(case: Case) -> list[dict[str, str]]:
    """Memperhatikan: the Bawaslu forwardings (letter and register number) and BKN recommendations of the case."""
    references: list[dict[str, str]] = []
    reports = (
        Report.objects.filter(case_report__case=case)
        .select_related("forwarding__office", "recommendation__bawaslu_office")
        .order_by("received_at")
    )
    for report in reports:
        received = clock.local_date(report.received_at).isoformat()
        forwarding = getattr(report, "forwarding", None)
        if forwarding is not None:
            references.append(
                {
                    "label": f"Surat {forwarding.office.name}",
                    "number": forwarding.letter_number or forwarding.reference_number,
                    "register_number": forwarding.reference_number,
                    "date": received,
                }
            )
        elif (letter := getattr(report, "recommendation", None)) is not None:
            body = "Badan Kepegawaian Negara" if letter.bawaslu_office is None else letter.bawaslu_office.name
            references.append(
                {"label": f"Rekomendasi {body}", "number": letter.letter_number, "date": letter.letter_date.isoformat()}
            )
        elif report.channel == Channel.BKN:
            references.append({"label": "Rekomendasi Badan Kepegawaian Negara", "number": "", "date": received})
    return references


def default_copies(case: Case, *, track: str) -> list[str]:
    """Tembusan: the agency's copy table for a decision on `track` (docs/letters.md, "Letters that read right"); the
    drafter may change the list on the draft (an empty one prints the table's again)."""
    return letter_copies(case.agency, "decision", track=track)


def clean_references(references: Any) -> list[dict[str, str]]:
    if not isinstance(references, list):
        raise DomainError("references_invalid", _("The letters taken into account are not valid."), field="references")
    cleaned = []
    for item in references:
        if not isinstance(item, dict) or not str(item.get("label", "")).strip():
            raise DomainError(
                "references_invalid", _("Every letter taken into account needs a description."), field="references"
            )
        cleaned.append({key: str(value).strip() for key, value in item.items() if value is not None})
    return cleaned


def clean_copies(copies: Any) -> list[str]:
    if not isinstance(copies, list):
        raise DomainError("copies_invalid", _("The copies list is not valid."), field="copies")
    return [str(copy).strip() for copy in copies if str(copy).strip()]
