"""The follow-through rate of Bawaslu and BKN recommendations: received → decided → executed, counted as the
follow-through register counts them (sanctions.follow_through): a recommendation is a report of a recommending
channel not rejected at intake; decided when its case (or that of the report it duplicates) has a signed decision;
executed when that decision is in effect and its sanction served or being served."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from figures.filters import Filters
from figures.models import CaseFact
from figures.widgets.base import Row, Widget, share
from sanctions.follow_through import RECOMMENDING_CHANNELS
from violations.models import Report


def follow_through(filters: Filters) -> Widget:
    recommendations = (
        filters.reports()
        .filter(channel__in=RECOMMENDING_CHANNELS)
        .exclude(status=Report.Status.REJECTED)
        .annotate(case_ref=Coalesce("case_report__case_id", "merged_into__case_report__case_id"))
    )
    fact = CaseFact.objects.filter(case_id=OuterRef("case_ref"))
    counts = recommendations.annotate(
        is_decided=Exists(fact.filter(decided_on__isnull=False)), is_executed=Exists(fact.filter(executed=True))
    ).aggregate(
        received=Count("pk"),
        decided=Count("pk", filter=Q(is_decided=True)),
        executed=Count("pk", filter=Q(is_executed=True)),
    )
    received = counts["received"]
    rows = [
        Row(_("Recommendations received"), (received, share(received, received))),
        Row(_("Followed by a signed decision"), (counts["decided"], share(counts["decided"], received))),
        Row(_("Sanction executed"), (counts["executed"], share(counts["executed"], received))),
    ]
    rate = share(counts["executed"], received)
    return Widget(
        key="follow_through",
        title=_("Follow-through of Bawaslu and BKN recommendations"),
        counted=_(
            "Recommendations received in the period (Bawaslu forwardings, BKN recommendations, not rejected at "
            "intake), as the follow-through register counts them."
        ),
        columns=(_("Step"), _("Recommendations"), _("% of received")),
        rows=rows,
        chart="hbar",
        note=_("Follow-through rate: %(rate)s%%.") % {"rate": f"{rate:.1f}".replace(".", ",")}
        if rate is not None
        else "",
        extra={"rate": rate},
    )
