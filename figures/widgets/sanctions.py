"""What was decided: sanctions by level and by type, and objections and appeals with their outcomes."""

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from figures import labels
from figures.filters import LEVELS, SANCTIONED, Filters
from figures.models import CaseFact
from figures.refresh.public_cells import level_expression
from figures.widgets.base import Row, Widget
from sanctions.models import Objection, SanctionType


def _sanctioned(filters: Filters) -> QuerySet[CaseFact]:
    """Cases whose decision imposed a sanction that stands (an annulled one no longer counts)."""
    return filters.cases().filter(SANCTIONED)


def sanctions_by_level(filters: Filters) -> Widget:
    counts = dict(
        _sanctioned(filters)
        .annotate(level_key=level_expression())
        .order_by()
        .values("level_key")
        .annotate(n=Count("pk"))
        .values_list("level_key", "n")
    )
    rows = [Row(labels.level(key), (counts[key],), {"level": key}) for key in LEVELS if counts.get(key)]
    return Widget(
        key="sanctions_by_level",
        title=_("Sanctions by level"),
        counted=_("Cases registered in the period whose signed decision imposed a sanction that was not annulled."),
        columns=(_("Level"), _("Sanctions")),
        rows=rows,
        chart="bar",
        total=Row(_("Total"), (sum(counts.values()),)),
    )


def sanctions_by_type(filters: Filters) -> Widget:
    counts = dict(
        _sanctioned(filters)
        .order_by()
        .values("sanction_code")
        .annotate(n=Count("pk"))
        .values_list("sanction_code", "n")
    )
    catalogue = SanctionType.objects.filter(code__in=list(counts)).order_by("severity", "code", "-valid_from")
    names: dict[str, tuple[int, str]] = {}
    for code, severity, name in catalogue.values_list("code", "severity", "name"):
        names.setdefault(code, (severity, name))
    ordered = sorted(counts, key=lambda code: (names.get(code, (999, ""))[0], code))
    rows = [Row(f"{code} — {names.get(code, (0, code))[1]}", (counts[code],), {"sanction": code}) for code in ordered]
    return Widget(
        key="sanctions_by_type",
        title=_("Sanctions by type"),
        counted=_("The same sanctions by the sanction imposed, lightest first."),
        columns=(_("Sanction"), _("Sanctions")),
        rows=rows,
        chart="hbar",
        total=Row(_("Total"), (sum(counts.values()),)),
    )


def objections(filters: Filters) -> Widget:
    counts = dict(
        filters.cases()
        .exclude(objection="")
        .order_by()
        .values("objection")
        .annotate(n=Count("pk"))
        .values_list("objection", "n")
    )
    order = [Objection.Status.PENDING, Objection.Status.INADMISSIBLE, *Objection.Outcome.values]
    keys = sorted(
        counts,
        key=lambda key: (key.split(":")[0], order.index(key.split(":")[1]) if key.split(":")[1] in order else 99),
    )
    rows = [Row(labels.objection(key), (counts[key],), {"objection": key}) for key in keys]
    return Widget(
        key="objections",
        title=_("Objections and appeals"),
        counted=_("Cases registered in the period with an objection or appeal, by the state of the latest one."),
        columns=(_("Objection or appeal"), _("Cases")),
        rows=rows,
        chart="hbar",
        total=Row(_("Total"), (sum(counts.values()),)),
    )
