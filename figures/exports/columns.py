"""What each export holds: its columns (heading and database expression) and its rows, scoped to the user.

Cases and decisions: the cases behind the dashboard's filters that the user may see (figures.selectors, i.e.
casework.selectors), and their decisions that the user may see (sanctions.selectors). The follow-through register:
the register page's rows (sanctions.follow_through). No export carries a reporter, an accused's name or NIP, or
the text of a case: codes, labels, dates and the officials named as responsible.

Codes become their labels in the database (CASE expressions built from the choices in the active language), so a
PostgreSQL COPY writes the same file the Python writers write.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, Replace, Trim
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant
from casework.models import Case
from figures.filters import Filters
from figures.models import CaseFact, ExportJob
from figures.selectors import drilldown_cases
from sanctions.follow_through import FollowThroughRow, follow_through_rows
from sanctions.models import Decision
from sanctions.selectors import decision_list_for_user
from violations.models import Channel, ElectionStage

_K = ExportJob.Kind


@dataclass(frozen=True)
class Column:
    heading: str
    expression: Any  # a field name or an expression of the export's queryset


def labelled(field: str, choices: Iterable[tuple[str, Any]]) -> models.Case:
    """The label of a code column, in the active language (the code itself when it has no label)."""
    whens = [models.When(**{field: value}, then=Value(str(label))) for value, label in choices if value]
    return models.Case(*whens, default=F(field), output_field=models.CharField())


def yes_no(field: str) -> models.Case:
    return models.Case(
        models.When(**{field: True}, then=Value(_("yes"))), default=Value(_("no")), output_field=models.CharField()
    )


def case_columns() -> list[Column]:
    return [
        Column(_("Case number"), "case__number"),
        Column(_("Registered on"), "registered_on"),
        Column(_("Status"), labelled("status", Case.Status.choices)),
        Column(_("Unit"), Coalesce("unit__name", Value(""))),
        Column(_("Position kind"), labelled("position_kind", CivilServant.PositionKind.choices)),
        Column(_("Employee type"), labelled("employee_type", CivilServant.EmployeeType.choices)),
        Column(_("Channel"), labelled("channel", Channel.choices)),
        Column(_("Election"), Coalesce("election__name", Value(""))),
        Column(_("Election stage"), labelled("election_stage", ElectionStage.choices)),
        Column(
            _("Violations"), Trim(Replace(Replace("violation_codes", Value(","), Value(" ")), Value("  "), Value(" ")))
        ),
        Column(_("Social media"), yes_no("social_media")),
        Column(_("Examined"), yes_no("examined")),
        Column(_("Decided on"), "decided_on"),
        Column(_("Decision status"), labelled("decision_status", Decision.Status.choices)),
        Column(_("Sanction"), "sanction_code"),
        Column(_("In effect"), yes_no("in_effect")),
        Column(_("Executed"), yes_no("executed")),
        Column(_("Working days to decision"), "days_to_decision"),
        Column(_("Working days to delivery"), "days_to_delivery"),
    ]


def decision_columns() -> list[Column]:
    return [
        Column(_("Case number"), "case__number"),
        Column(_("Decision number"), Coalesce("letter__number", Value(""))),
        Column(_("Version"), "version_number"),
        Column(_("Track"), labelled("track", Decision.Track.choices)),
        Column(_("Outcome"), labelled("outcome", Decision.Outcome.choices)),
        Column(_("Status"), labelled("status", Decision.Status.choices)),
        Column(_("Sanction"), Coalesce("sanction_type__code", Value(""))),
        Column(_("Decision date"), "decision_date"),
        Column(_("Delivered on"), "delivered_on"),
        Column(_("Received on"), "received_on"),
        Column(_("In effect from"), "effective_on"),
        Column(_("Execution"), labelled("execution_status", Decision.Execution.choices)),
        Column(_("Execution completed on"), "completed_on"),
    ]


def case_rows(user: Actor, filters: Filters) -> QuerySet[CaseFact]:
    visible = drilldown_cases(user=user, filters=filters).order_by().values("pk")
    return CaseFact.objects.filter(agency_id=filters.agency_id, case_id__in=visible).order_by("case_id")


def decision_rows(user: Actor, filters: Filters) -> QuerySet[Decision]:
    cases = drilldown_cases(user=user, filters=filters).order_by().values("pk")
    return decision_list_for_user(user=user).filter(case_id__in=cases).order_by("id")


def values(queryset: QuerySet[Any], columns: Sequence[Column]) -> QuerySet[Any]:
    """The rows as tuples in column order (a queryset: iterate it, count it, or COPY its SQL)."""
    names = {f"c{index}": column.expression for index, column in enumerate(columns)}
    expressions = {name: F(value) if isinstance(value, str) else value for name, value in names.items()}
    return queryset.annotate(**expressions).values_list(*names)


def follow_through_columns() -> list[str]:
    return [
        _("Recommending office"),
        _("Register number"),
        _("Letter number"),
        _("Received on"),
        _("Due on"),
        _("Case number"),
        _("Decision number"),
        _("Decision status"),
        _("Taken up on"),
        _("Decided on"),
        _("Executed"),
        _("Overdue"),
        _("Responsible official"),
    ]


def follow_through_values(user: Actor) -> Iterator[tuple[Any, ...]]:
    for row in follow_through_rows(user=user):
        yield _register_row(row)


def _register_row(row: FollowThroughRow) -> tuple[Any, ...]:
    return (
        row.source,
        row.reference_number,
        row.letter_number,
        row.received_on,
        row.due_on,
        row.case.number if row.case else "",
        row.decision_number,
        row.decision.get_status_display() if row.decision else "",
        row.taken_up_on,
        row.decided_on,
        _("yes") if row.executed else _("no"),
        _("yes") if row.is_overdue else _("no"),
        row.responsible,
    )


def cell(value: Any) -> Any:
    """A value as a cell: dates as ISO dates (sortable in every spreadsheet), None as empty."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def export_rows(*, user: Actor, kind: str, filters: Filters) -> tuple[list[str], object, int]:
    """(headings, rows, count) of an export: rows is a values queryset, or a list for the register."""
    if kind == _K.FOLLOW_THROUGH:
        rows = list(follow_through_values(user))
        return follow_through_columns(), rows, len(rows)
    columns = case_columns() if kind == _K.CASES else decision_columns()
    base = case_rows(user, filters) if kind == _K.CASES else decision_rows(user, filters)
    queryset = values(base, columns)
    return [column.heading for column in columns], queryset, base.count()
