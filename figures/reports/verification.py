"""What anyone holding a summary report may learn from its code: that it is genuine, its number, agency, period,
issue date and SHA-256 — nothing the report does not already say.

`summary_report_document` answers casework's /verify/ page and its JSON twin (registered in FiguresConfig.ready), so
one QR-code address serves letters and reports alike; `/figures/verify/` shows the report's period besides.
"""

from django.utils.translation import gettext

from casework.letters import LetterVerification
from casework.letters.verification_codes import normalize_verification_code
from core import clock
from core.audit_anchors import audit_head
from figures.models import SummaryReport

SUMMARY_REPORT_KIND = "summary_report"


def summary_report_verify(code: str) -> SummaryReport | None:
    canonical = normalize_verification_code(code)
    if canonical is None:
        return None
    return (
        SummaryReport.objects.filter(verification_code=canonical, status=SummaryReport.Status.ISSUED)
        .select_related("agency")
        .only("number", "period_start", "period_end", "issued_at", "sha256", "agency__name", "verification_code")
        .first()
    )


def summary_report_document(canonical_code: str) -> LetterVerification | None:
    """The issued summary report carrying the code, as /verify/ tells of a letter, or None."""
    report = summary_report_verify(canonical_code)
    if report is None or report.issued_at is None:
        return None
    head = audit_head()
    return LetterVerification(
        kind=SUMMARY_REPORT_KIND,
        kind_label=gettext("Summary report of the sanction statistics"),
        number=report.number,
        date=clock.local_date(report.issued_at),
        issuing_office=report.agency.name,
        sha256=report.sha256,
        superseded=False,
        audit_head_event=head[0] if head else None,
        audit_head_hash=head[1] if head else "",
    )
