"""The filters of a figure stated in words (the dashboard, the drill-down list, the exports' first lines and the
PDF report say what they count): one statement per filter in force, each with the query that removes it."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Unit
from figures import labels
from figures.filters import NONE, PARAMS, Filters
from violations.models import Election, ViolationType


@dataclass(frozen=True)
class Statement:
    label: str
    value: str
    name: str  # the Filters field it states
    remove_query: str


def _period(filters: Filters) -> str:
    start = date_format(filters.date_from, "j F Y") if filters.date_from else ""
    end = date_format(filters.date_to, "j F Y") if filters.date_to else ""
    if start and end:
        return _("from %(start)s to %(end)s") % {"start": start, "end": end}
    if start:
        return _("from %(start)s") % {"start": start}
    return _("up to %(end)s") % {"end": end}


def _named(model: type, pk: str, field: str = "name") -> str:
    if pk == NONE:
        return labels.unknown()
    return str(model.objects.filter(pk=pk).values_list(field, flat=True).first() or pk)  # type: ignore[attr-defined]


def _violation(code: str) -> str:
    if code == NONE:
        return labels.unknown()
    name = ViolationType.objects.filter(code=code).values_list("name", flat=True).first()
    return f"{code} — {name}" if name else code


def _values(filters: Filters) -> dict[str, tuple[str, str]]:
    """Field → (label, value in words), for every filter in force."""
    f = filters
    candidates = {
        "election": (_("Election"), lambda: _named(Election, f.election)),
        "stage": (_("Election stage"), lambda: labels.unknown() if f.stage == NONE else labels.stage(f.stage)),
        "unit": (_("Unit"), lambda: _named(Unit, f.unit)),
        "channel": (_("Channel"), lambda: labels.channel(f.channel)),
        "violation": (_("Violation"), lambda: _violation(f.violation)),
        "status": (_("Case status"), lambda: labels.case_status(f.status)),
        "age": (_("Age of the open case"), lambda: labels.age_band(f.age)),
        "step": (_("Step reached"), lambda: labels.step(f.step)),
        "level": (_("Sanction level"), lambda: labels.level(f.level)),
        "sanction": (_("Sanction"), lambda: f.sanction),
        "employee_type": (
            _("Employee type"),
            lambda: labels.employee_type("" if f.employee_type == NONE else f.employee_type),
        ),
        "position_kind": (
            _("Position kind"),
            lambda: labels.position_kind("" if f.position_kind == NONE else f.position_kind),
        ),
        "objection": (_("Objection or appeal"), lambda: labels.objection(f.objection)),
        "social": (_("Social media"), lambda: _("social-media violations only")),
        "overdue": (_("Deadlines"), lambda: _("cases with a step overdue today")),
    }
    return {name: (label, value()) for name, (label, value) in candidates.items() if getattr(f, name)}


def filters_in_words(filters: Filters) -> list[Statement]:
    statements = [
        Statement(
            _("Period"),
            _period(filters) if filters.date_from or filters.date_to else _("all time"),
            "period",
            filters.without("date_from").without("date_to").query(),
        )
    ]
    for name, (label, value) in _values(filters).items():
        statements.append(Statement(label, value, name, filters.without(name).query()))
    return statements


def filters_sentence(filters: Filters) -> str:
    """The statements as one line, e.g. for an export's first line or the PDF report."""
    return "; ".join(f"{statement.label}: {statement.value}" for statement in filters_in_words(filters))


__all__ = ["PARAMS", "Statement", "filters_in_words", "filters_sentence"]
