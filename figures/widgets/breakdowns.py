"""Where cases come from and what they are about: by unit (OPD), position kind, violation (with the social-media
share), channel, election and election stage. Every count is of cases registered in the period."""

from collections.abc import Callable

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import CivilServant, Unit
from figures import labels
from figures.filters import NONE, SANCTIONED, Filters
from figures.models import CaseFact
from figures.widgets.base import Row, Widget, share
from violations.models import Channel, Election, ElectionStage, ViolationType


def _grouped(facts: QuerySet[CaseFact], field: str) -> dict[object, int]:
    return dict(facts.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n"))


def _rows(counts: dict[object, int], label: Callable[[object], str], param: str) -> list[Row]:
    """Rows biggest first; the empty value (unknown) last."""
    known = sorted(
        ((label(key), key, n) for key, n in counts.items() if key not in (None, "")), key=lambda i: (-i[2], i[0])
    )
    rows = [Row(text, (n,), {param: str(key)}) for text, key, n in known]
    unknown = sum(n for key, n in counts.items() if key in (None, ""))
    if unknown:
        rows.append(Row(labels.unknown(), (unknown,), {param: NONE}))
    return rows


def _widget(key: str, title: str, column: str, rows: list[Row], counted: str = "") -> Widget:
    return Widget(
        key=key,
        title=title,
        counted=counted or _("Cases registered in the period."),
        columns=(column, _("Cases")),
        rows=rows,
        chart="hbar",
        total=Row(_("Total"), (sum(int(row.values[0] or 0) for row in rows),)),
    )


def by_unit(filters: Filters) -> Widget:
    counts = _grouped(filters.cases(), "unit_id")
    names = dict(Unit.objects.filter(pk__in=[key for key in counts if key]).values_list("pk", "name"))
    rows = _rows(counts, lambda pk: names.get(int(str(pk)), str(pk)), "unit")
    counted = _("Cases registered in the period, by the unit of the accused (unknown: not in the register).")
    return _widget("by_unit", _("Cases by unit (OPD)"), _("Unit"), rows, counted)


def by_position_kind(filters: Filters) -> Widget:
    rows = _rows(_grouped(filters.cases(), "position_kind"), lambda key: labels.position_kind(str(key)), "position")
    return _widget("by_position_kind", _("Cases by position kind"), _("Position kind"), rows)


def by_channel(filters: Filters) -> Widget:
    counts = _grouped(filters.cases(), "channel")
    rows = [
        Row(str(label), (counts[value],), {"channel": value}) for value, label in Channel.choices if counts.get(value)
    ]
    counted = _("Cases registered in the period, by the channel of their first report.")
    return _widget("by_channel", _("Cases by channel"), _("Channel"), rows, counted)


def by_election(filters: Filters) -> Widget:
    counts = _grouped(filters.cases(), "election_id")
    names = dict(Election.objects.filter(pk__in=[key for key in counts if key]).values_list("pk", "name"))
    rows = _rows(counts, lambda pk: names.get(int(str(pk)), str(pk)), "election")
    return _widget("by_election", _("Cases by election"), _("Election"), rows)


def by_stage(filters: Filters) -> Widget:
    counts = _grouped(filters.cases(), "election_stage")
    rows = [
        Row(str(label), (counts[value],), {"stage": value})
        for value, label in ElectionStage.choices
        if value and counts.get(value)
    ]
    if counts.get(""):
        rows.append(Row(labels.unknown(), (counts[""],), {"stage": NONE}))
    return _widget("by_stage", _("Cases by election stage"), _("Stage"), rows)


def by_violation(filters: Filters) -> Widget:
    """A case counts under each of its violation codes; the social-media share is of cases with a known one."""
    catalogue = list(
        ViolationType.objects.order_by("sort_order", "code").values_list("code", "name", "is_social_media")
    )
    aggregates = {code: Count("pk", filter=Q(violation_codes__contains=f",{code},")) for code, _name, _s in catalogue}
    aggregates |= {
        "_known": Count("pk", filter=~Q(violation_code="")),
        "_social": Count("pk", filter=Q(social_media=True)),
        "_unknown": Count("pk", filter=Q(violation_code="")),
    }
    counts = filters.cases().aggregate(**aggregates)
    rows = [
        Row(f"{code} — {name}", (counts[code],), {"violation": code}) for code, name, _s in catalogue if counts[code]
    ]
    if counts["_unknown"]:
        rows.append(Row(labels.unknown(), (counts["_unknown"],), {"violation": NONE}))
    widget = _widget(
        "by_violation",
        _("Cases by violation"),
        _("Violation"),
        rows,
        _(
            "Cases registered in the period under each violation their reports or examination report name (a case "
            "with two violations counts twice)."
        ),
    )
    widget.total = None
    social = share(counts["_social"], counts["_known"])
    widget.extra = {"social": counts["_social"], "known": counts["_known"], "social_share": social}
    widget.note = (
        _("Social-media share: %(share)s%% of the cases with a known violation (%(social)d of %(known)d).")
        % {"share": f"{social:.1f}".replace(".", ","), "social": counts["_social"], "known": counts["_known"]}
        if social is not None
        else ""
    )
    return widget


def by_employee_type(filters: Filters) -> Widget:
    sanctioned = filters.cases().filter(SANCTIONED)
    counts = _grouped(sanctioned, "employee_type")
    rows = [
        Row(str(label), (counts[value],), {"employee": value, "step": "sanctioned"})
        for value, label in CivilServant.EmployeeType.choices
        if counts.get(value)
    ]
    if counts.get(""):
        rows.append(Row(labels.unknown(), (counts[""],), {"employee": NONE, "step": "sanctioned"}))
    counted = _(
        "Cases registered in the period whose decision imposed a sanction that stands, by the accused's employee type."
    )
    return _widget("sanctions_by_employee_type", _("Sanctions by employee type"), _("Employee type"), rows, counted)
