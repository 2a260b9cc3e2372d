"""The shape of GET /api/v1/public/statistics/ (docs/statistics.md, "Public statistics")."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

SUPPRESSION_CHOICES = [
    ("", _("shown")),
    ("primary", _("hidden: under the threshold")),
    ("complementary", _("hidden so that no other hidden cell can be worked out")),
]


class StatisticsCellSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Month (YYYY-MM), violation code, outcome or sanction level."))
    # A field named like Field.label: the declaration wins at run time.
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.IntegerField(allow_null=True, help_text=_("Null when the cell is hidden."))
    suppressed = serializers.ChoiceField(choices=SUPPRESSION_CHOICES)


class StatisticsTableSerializer(serializers.Serializer):
    key = serializers.ChoiceField(
        choices=["reports_by_month", "cases_by_month", "cases_by_violation", "outcomes", "sanctions_by_level"]
    )
    title = serializers.CharField()
    cells = StatisticsCellSerializer(many=True)


class StatisticsTotalSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.ChoiceField(choices=SUPPRESSION_CHOICES)


class StatisticsTotalsSerializer(serializers.Serializer):
    reports_total = StatisticsTotalSerializer()
    cases_total = StatisticsTotalSerializer()


class StatisticsMedianSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text=_("Working days from report to decision."))
    suppressed = serializers.ChoiceField(choices=SUPPRESSION_CHOICES)


class StatisticsScopeSerializer(serializers.Serializer):
    scope = serializers.CharField(help_text=_("“national”, or the agency's code."))
    name = serializers.CharField()
    tables = StatisticsTableSerializer(many=True)
    totals = StatisticsTotalsSerializer()
    median = StatisticsMedianSerializer(
        help_text=_("Median time to decision; hidden under the threshold of decisions.")
    )


class StatisticsAgencySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class PublicStatisticsSerializer(serializers.Serializer):
    threshold = serializers.IntegerField(help_text=_("Cells under this count are hidden."))
    as_of = serializers.DateTimeField(allow_null=True)
    agencies = StatisticsAgencySerializer(many=True)
    national = StatisticsScopeSerializer()
    agency = StatisticsScopeSerializer(allow_null=True, help_text=_("The agency asked for with ?agency=, else null."))
