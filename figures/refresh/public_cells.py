"""The public statistics' counts of one agency (figures.models.PublicCell), from its case facts and its reports.

Tables (docs/statistics.md, "Public statistics"); every count is of a partition of one population, so the tables
of a population add up to the same total, which the suppression (figures.public.suppression) relies on:

- reports: `reports_by_month` (every report received, whatever became of it) and `reports_total`;
- cases (every case but those merged into another): `cases_by_month` (registered), `cases_by_violation` (the
  case's first violation code, "unknown" without one), `outcomes` (in process, sanctioned, not proven, annulled,
  stopped) and `cases_total`;
- sanctioned cases: `sanctions_by_level` (light, moderate, heavy, dismissal, ethics); their total is the
  `outcomes` cell "sanctioned";
- `decision_days`: how many decided cases took each number of working days from report to decision (the median
  is read from it; it is never shown as counts).
"""

from django.db import models
from django.db.models import CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import TruncMonth

from casework.models import Case
from core.clock import JAKARTA
from figures.models import CaseFact, PublicCell
from sanctions.models import Decision
from violations.models import Report

UNKNOWN = "unknown"
OUTCOME_KEYS = ("in_process", "sanctioned", "not_proven", "annulled", "stopped")
LEVEL_KEYS = ("light", "moderate", "heavy", "dismissal", "ethics")


def public_cases(agency_id: int) -> QuerySet[CaseFact]:
    return CaseFact.objects.filter(agency_id=agency_id).exclude(status=Case.Status.MERGED)


def outcome_expression() -> models.Case:
    """Each case in exactly one outcome, the first that applies."""
    sanctioned = Q(decided_on__isnull=False, decision_outcome=Decision.Outcome.SANCTION)
    stopped = Q(status__in=[Case.Status.DISMISSED, Case.Status.WITHDRAWN])
    return models.Case(
        When(annulled=True, then=Value("annulled")),
        When(not_proven=True, then=Value("not_proven")),
        When(sanctioned, then=Value("sanctioned")),
        When(stopped, then=Value("stopped")),
        default=Value("in_process"),
        output_field=CharField(),
    )


def level_expression() -> models.Case:
    return models.Case(
        When(sanction_level="", then=Value("ethics")), default=F("sanction_level"), output_field=CharField()
    )


def _grouped(queryset: QuerySet, key: str) -> dict[str, int]:  # type: ignore[type-arg]
    rows = queryset.order_by().values(key).annotate(n=Count("pk")).values_list(key, "n")
    return {str(value) if value not in (None, "") else UNKNOWN: count for value, count in rows}


def _by_month(queryset: QuerySet, field: str, *, timestamp: bool = False) -> dict[str, int]:  # type: ignore[type-arg]
    month = TruncMonth(field, tzinfo=JAKARTA) if timestamp else TruncMonth(field)
    rows = queryset.order_by().annotate(month=month).values("month").annotate(n=Count("pk")).values_list("month", "n")
    return {f"{value:%Y-%m}": count for value, count in rows}


def agency_tables(agency_id: int) -> dict[str, dict[str, int]]:
    """The counts of every public table of one agency (no unit-level table exists)."""
    reports = Report.objects.filter(agency_id=agency_id)
    cases = public_cases(agency_id)
    with_outcome = cases.annotate(outcome=outcome_expression())
    sanctioned = with_outcome.filter(outcome="sanctioned").annotate(level_key=level_expression())
    decided = cases.filter(decided_on__isnull=False, days_to_decision__isnull=False)
    return {
        "reports_by_month": _by_month(reports, "received_at", timestamp=True),
        "reports_total": {"total": reports.count()},
        "cases_by_month": _by_month(cases, "registered_on"),
        "cases_by_violation": _grouped(cases, "violation_code"),
        "outcomes": dict.fromkeys(OUTCOME_KEYS, 0) | _grouped(with_outcome, "outcome"),
        "sanctions_by_level": dict.fromkeys(LEVEL_KEYS, 0) | _grouped(sanctioned, "level_key"),
        "cases_total": {"total": cases.count()},
        "decision_days": _grouped(decided, "days_to_decision"),
    }


def public_cells_replace(agency_id: int) -> int:
    """Replace the agency's cells (inside the caller's transaction); returns how many it has now."""
    cells = [
        PublicCell(agency_id=agency_id, table=table, key=key, value=value)
        for table, counts in agency_tables(agency_id).items()
        for key, value in counts.items()
    ]
    PublicCell.objects.filter(agency_id=agency_id).delete()
    PublicCell.objects.bulk_create(cells, batch_size=2000)
    return len(cells)
