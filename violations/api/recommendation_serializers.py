"""BKN's recommendations through the API: the request (JSON, or multipart with the letter under `evidence`) and the
answers, shaped like a Bawaslu office's forwardings (docs/api-contract.md, "BKN")."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from violations.api.serializers import (
    MAX_TEXT_LENGTH,
    NipField,
    OutcomeSerializer,
    PastDateField,
    PublicStatusField,
    ReportFactsSerializer,
    ServerDateTimeField,
    TimelineEntrySerializer,
    _evidence_field,
    _optional_text,
)
from violations.models import Recommendation
from violations.recommendations.catalogue import is_known_sanction
from violations.services import RecommendationInput, ReportInput


class RecommendationCreateSerializer(ReportFactsSerializer):
    """A recommendation BKN sends about a civil servant of the agency."""

    letter_number = serializers.CharField(
        max_length=120, help_text=_("BKN's letter number, e.g. B-1234/R/KS.04/XI/2024; the key of idempotency.")
    )
    letter_date = PastDateField(help_text=_("YYYY-MM-DD, not in the future."))
    accused_name = serializers.CharField(max_length=200)
    accused_nip = NipField(help_text=_("18 digits, when known."))
    accused_position = _optional_text(200)
    accused_agency = _optional_text(200)
    incident_date = PastDateField(help_text=_("YYYY-MM-DD, not in the future."))
    description = serializers.CharField(max_length=MAX_TEXT_LENGTH, help_text=_("What BKN recommends, and why."))
    recommended_sanction = _optional_text(
        10, help_text=_("A sanction code of the agency's catalogue (e.g. R1, S2, B1), or empty when none is named.")
    )
    evidence = _evidence_field()

    def validate_letter_number(self, value: str) -> str:
        if any(not character.isprintable() for character in value):
            raise serializers.ValidationError(_("The letter number contains characters that are not allowed."))
        return value

    def validate_recommended_sanction(self, value: str) -> str:
        code = value.strip().upper()
        if code and not is_known_sanction(code):
            raise serializers.ValidationError(_("Unknown sanction “%(code)s”.") % {"code": value})
        return code

    def letter(self) -> RecommendationInput:
        data = self.validated_data
        return RecommendationInput(
            body=Recommendation.Body.BKN,
            letter_number=data["letter_number"],
            letter_date=data["letter_date"],
            recommended_sanction=data["recommended_sanction"],
        )

    def report_input(self) -> ReportInput:
        return ReportInput.from_cleaned_data(self.validated_data)


class RecommendationCreateJsonSerializer(RecommendationCreateSerializer):
    evidence = None  # type: ignore[assignment]


class RecommendationSerializer(serializers.Serializer):
    """A recommendation as BKN sees it (list items and the answer to POST)."""

    letter_number = serializers.CharField()
    letter_date = serializers.DateField()
    tracking_code = serializers.CharField(source="report.tracking_code")
    status = PublicStatusField(source="report.status")
    received_at = ServerDateTimeField(source="report.received_at")


class RecommendationDetailSerializer(RecommendationSerializer):
    """One recommendation with its public timeline and, once a decision takes effect, its outcome."""

    recommended_sanction = serializers.CharField()
    timeline = TimelineEntrySerializer(many=True, source="report.timeline.all")
    outcome = serializers.SerializerMethodField(help_text=_("Null until a decision takes effect."))

    @extend_schema_field(OutcomeSerializer(allow_null=True))
    def get_outcome(self, recommendation: Recommendation) -> dict[str, Any] | None:
        outcome = getattr(recommendation.report, "outcome", None)
        return OutcomeSerializer(outcome).data if outcome is not None else None
