"""How long it takes and what is late: working days from report to decision and from decision to delivery (median
and 90th percentile), and the steps overdue today by the official responsible for them (casework.deadlines)."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _

from figures.filters import Filters
from figures.overdue import overdue_steps
from figures.widgets.base import Row, Widget, percentile


def _histogram(filters: Filters, field: str) -> list[tuple[int, int]]:
    facts = filters.cases().filter(**{f"{field}__isnull": False})
    return list(facts.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n"))


def _summary(label: str, histogram: list[tuple[int, int]]) -> Row:
    total = sum(count for _value, count in histogram)
    return Row(label, (total, percentile(histogram, 0.5), percentile(histogram, 0.9)), None)


def durations(filters: Filters) -> Widget:
    decision = _summary(_("Report to decision"), _histogram(filters, "days_to_decision"))
    delivery = _summary(_("Decision to delivery"), _histogram(filters, "days_to_delivery"))
    return Widget(
        key="durations",
        title=_("Time to decision and to delivery"),
        counted=_(
            "Working days (core calendar: weekends, national holidays, cuti bersama and the agency's days off left "
            "out) from the first report to the signed decision, and from the decision to its delivery; cases "
            "registered in the period. Median and 90th percentile interpolated between ranks."
        ),
        columns=(_("Interval"), _("Cases"), _("Median (working days)"), _("90th percentile (working days)")),
        rows=[decision, delivery],
        chart="bar",
        charted=(1, 2),
    )


def overdue_by_official(filters: Filters) -> Widget:
    """Steps overdue today, counted once per responsible official (a step with two officials counts for each)."""
    steps = overdue_steps(filters.agency_id)
    selected = (
        set(filters.cases().filter(case_id__in=list(steps)).values_list("case_id", flat=True)) if steps else set()
    )
    per_official: Counter[str] = Counter()
    count = 0
    for case_id in selected:
        for names in steps[case_id]:
            count += 1
            per_official.update(names or [_("nobody named")])
    rows = [Row(name, (n,), {"overdue": "1"}) for name, n in sorted(per_official.items(), key=lambda i: (-i[1], i[0]))]
    return Widget(
        key="overdue_by_official",
        title=_("Steps overdue today, by responsible official"),
        counted=_(
            "Deadlines of open cases (summons notice D6, summons II D7) past their day today, per official "
            "responsible for them; a step with two responsible officials counts for each."
        ),
        columns=(_("Official"), _("Overdue steps")),
        rows=rows,
        chart="hbar",
        total=Row(_("Overdue steps"), (count,)),
    )
