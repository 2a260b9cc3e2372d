"""What anyone holding a summary report may learn from its code: that it is genuine, its number, agency, period,
issue date and SHA-256 — nothing the report does not already say."""

from casework.letters.verification_codes import normalize_verification_code
from figures.models import SummaryReport


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
