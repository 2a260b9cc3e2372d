"""The funnel: report → case → examined → decided → in effect → served, with the drop-outs (rejected at intake,
not proven, annulled)."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from figures import labels
from figures.filters import Filters
from figures.widgets.base import Row, Widget, share
from violations.models import Report


def funnel(filters: Filters) -> Widget:
    reports = filters.reports().aggregate(
        total=Count("pk"), rejected=Count("pk", filter=Q(status=Report.Status.REJECTED))
    )
    cases = filters.cases().aggregate(
        case=Count("pk"),
        examined=Count("pk", filter=Q(examined=True)),
        decided=Count("pk", filter=Q(decided_on__isnull=False)),
        in_effect=Count("pk", filter=Q(in_effect=True)),
        served=Count("pk", filter=Q(served=True)),
        not_proven=Count("pk", filter=Q(not_proven=True)),
        annulled=Count("pk", filter=Q(annulled=True)),
    )
    base = cases["case"]
    rows = [Row(labels.step("reports"), (reports["total"], None), None)]
    for key in ("case", "examined", "decided", "in_effect", "served"):
        rows.append(Row(labels.step(key), (cases[key], share(cases[key], base)), {"step": key}))
    rows.append(Row(labels.step("rejected"), (reports["rejected"], None), None))
    for key in ("not_proven", "annulled"):
        rows.append(Row(labels.step(key), (cases[key], share(cases[key], base)), {"step": key}))
    return Widget(
        key="funnel",
        title=_("From report to served sanction"),
        counted=_(
            "Reports received in the period; cases registered in the period and how far they came. Several reports "
            "may make one case. Drop-outs: reports rejected at intake, cases not proven, decisions annulled."
        ),
        columns=(_("Step"), _("Number"), _("% of cases")),
        rows=rows,
        chart="hbar",
    )
