"""Input and output shapes of the published API (docs/api-contract.md): field names are a contract, never renamed."""

import datetime
import re
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.nip import validate_nip
from core import clock
from violations.evidence import ValidatedEvidence, limits_description, validate_evidence_files
from violations.models import (
    PUBLIC_STATUS,
    PUBLIC_STATUSES,
    BawasluForwarding,
    Report,
    ReportOutcome,
    ViolationType,
)
from violations.selectors import violation_types_in_force
from violations.services import ReporterInput, ReportInput, forwarding_payload, forwarding_report_input

MAX_LINKS = 20
MAX_URL_LENGTH = 2000
MAX_TEXT_LENGTH = 20_000
MIN_DESCRIPTION_LENGTH = 30
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-.]{5,28}$")

_PUBLIC_STATUS_SCHEMA = {"type": "string", "enum": list(PUBLIC_STATUSES)}


# --- fields ----------------------------------------------------------------------------------------------


class ServerDateTimeField(serializers.DateTimeField):
    """ISO 8601 with the offset of the server's zone (Asia/Jakarta, +07:00), to the second."""

    def to_representation(self, value: datetime.datetime) -> str:  # type: ignore[override]
        return timezone.localtime(value).isoformat(timespec="seconds")


@extend_schema_field(_PUBLIC_STATUS_SCHEMA)
class PublicStatusField(serializers.CharField):
    """A report status as the contract names it (an internal status shows as its nearest public one)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> str:
        return PUBLIC_STATUS.get(value, value)


class PastDateField(serializers.DateField):
    """A date (YYYY-MM-DD) that is today or earlier in the server's zone."""

    default_error_messages = {"future": _("The date cannot be in the future.")}

    def to_internal_value(self, value: Any) -> datetime.date:
        date = super().to_internal_value(value)
        if date > clock.today():
            self.fail("future")
        return date


class NipField(serializers.CharField):
    """An optional NIP: 18 digits with a real birth date, appointment month, sex digit and sequence."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("validators", [validate_nip])
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        # People type NIPs with spaces between the groups; the structure is checked without them.
        return "".join(str(super().to_internal_value(data)).split())


def _optional_text(max_length: int, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=max_length, **kwargs)


def _links_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(
            max_length=MAX_URL_LENGTH,
            validators=[
                URLValidator(
                    schemes=["http", "https"],
                    message=_("Enter a valid web address starting with http:// or https://."),
                )
            ],
        ),
        required=False,
        default=list,
        max_length=MAX_LINKS,
        help_text=format_lazy(
            _("Web addresses (http or https), e.g. the link to the social-media post; at most {count}."),
            count=MAX_LINKS,
        ),
        **kwargs,
    )


def _evidence_field() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text=lazy(limits_description, str)(),
    )


def _violation_type_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        default="",
        max_length=10,
        help_text=_("A code from GET /api/v1/public/violation-types/, e.g. N04."),
    )


def _validate_violation_type(code: str | None) -> ViolationType | None:
    if not code:
        return None
    violation_type = violation_types_in_force().filter(code=code.strip().upper()).first()
    if violation_type is None:
        raise serializers.ValidationError(
            _("Unknown violation type “%(code)s”; see the list of violation types.") % {"code": code}
        )
    return violation_type


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def _validated_evidence(files: list[Any]) -> list[ValidatedEvidence]:
    """Check uploads by content; errors come back keyed by position (`evidence.0`) through the error handler."""
    try:
        return validate_evidence_files([(upload, upload.name or "") for upload in files])
    except DjangoValidationError as error:
        messages = error.message_dict
        if "evidence" in messages:
            raise serializers.ValidationError(messages["evidence"]) from None
        raise serializers.ValidationError({key.rpartition(".")[2]: value for key, value in messages.items()}) from None


# --- citizens ------------------------------------------------------------------------------------------


class ReportFactsSerializer(serializers.Serializer):
    """Validation shared by everything that files report facts: catalogue code, links, evidence files."""

    def validate_violation_type(self, value: str | None) -> ViolationType | None:
        return _validate_violation_type(value)

    def validate_links(self, value: list[str]) -> list[str]:
        return _unique(value)

    def validate_evidence(self, value: list[Any]) -> list[ValidatedEvidence]:
        return _validated_evidence(value)


class ReportCreateSerializer(ReportFactsSerializer):
    """A citizen's report (POST /api/v1/public/reports/), as JSON or multipart/form-data with `evidence` files."""

    anonymous = serializers.BooleanField(
        required=False, default=False, help_text=_("Report without giving a name or contact.")
    )
    reporter_name = _optional_text(200, help_text=_("Required unless anonymous."))
    reporter_email = serializers.EmailField(
        required=False, allow_blank=True, default="", max_length=254, help_text=_("E-mail or phone unless anonymous.")
    )
    reporter_phone = _optional_text(30, help_text=_("E-mail or phone unless anonymous."))
    accused_name = serializers.CharField(max_length=200)
    accused_nip = NipField(help_text=_("18 digits, when known."))
    accused_position = _optional_text(200)
    accused_agency = _optional_text(200)
    incident_date = PastDateField(help_text=_("YYYY-MM-DD, not in the future."))
    incident_place = _optional_text(300)
    description = serializers.CharField(
        min_length=MIN_DESCRIPTION_LENGTH,
        max_length=MAX_TEXT_LENGTH,
        error_messages={"min_length": _("Describe what happened in at least {min_length} characters.")},
    )
    violation_type = _violation_type_field()
    links = _links_field()
    evidence = _evidence_field()

    def validate_reporter_phone(self, value: str) -> str:
        if value and not _PHONE.match(value):
            raise serializers.ValidationError(_("Enter a phone number of digits, e.g. 081234567890."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["anonymous"]:
            # An anonymous report keeps no identity at all, even if some was typed.
            attrs.update(reporter_name="", reporter_email="", reporter_phone="")
            return attrs
        errors: dict[str, list[Any]] = {}
        if not attrs["reporter_name"]:
            errors["reporter_name"] = [_("Give your name or report anonymously.")]
        if not attrs["reporter_email"] and not attrs["reporter_phone"]:
            errors["reporter_email"] = [
                _("Give an e-mail address or a phone number so the agency can reach you, or report anonymously.")
            ]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def report_input(self) -> ReportInput:
        return ReportInput.from_cleaned_data(self.validated_data)

    def reporter_input(self) -> ReporterInput:
        return ReporterInput.from_cleaned_data(self.validated_data)


class ReportCreateJsonSerializer(ReportCreateSerializer):
    """The JSON form of a report: the same fields without files (for the schema only)."""

    evidence = None  # type: ignore[assignment]


class ReportAdditionSerializer(serializers.Serializer):
    """What a reporter adds to their report: a description and/or links and evidence."""

    description = _optional_text(MAX_TEXT_LENGTH)
    links = _links_field()
    evidence = _evidence_field()

    def validate_links(self, value: list[str]) -> list[str]:
        return _unique(value)

    def validate_evidence(self, value: list[Any]) -> list[ValidatedEvidence]:
        return _validated_evidence(value)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs["description"] and not attrs["links"] and not attrs.get("evidence"):
            raise serializers.ValidationError({"description": [_("Add a description, a link or a file.")]})
        return attrs


class ReportAdditionJsonSerializer(ReportAdditionSerializer):
    evidence = None  # type: ignore[assignment]


class ReportReceiptSerializer(serializers.Serializer):
    """The 201 answer to a new report. The PIN is shown this once and stored only as a hash."""

    tracking_code = serializers.CharField()
    access_pin = serializers.CharField(help_text=_("Shown only once; keep it with the tracking code."))
    status = serializers.CharField(help_text=_("Always `received` for a new report."))
    received_at = ServerDateTimeField()


class TimelineEntrySerializer(serializers.Serializer):
    status = PublicStatusField()
    at = ServerDateTimeField()
    note = serializers.CharField(source="translated_note", help_text=_("In the request's language."))


class ReportStatusSerializer(serializers.Serializer):
    """A reporter's view of their report: public status and public-safe timeline only."""

    tracking_code = serializers.CharField()
    status = PublicStatusField()
    status_label = serializers.SerializerMethodField(help_text=_("The status in the request's language."))
    received_at = ServerDateTimeField()
    timeline = TimelineEntrySerializer(many=True, source="timeline.all")

    def get_status_label(self, report: Report) -> str:
        return str(Report.Status(report.public_status).label)


class ViolationTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.SerializerMethodField(help_text=_("In the request's language."))
    description = serializers.SerializerMethodField(help_text=_("In the request's language."))
    category = serializers.ChoiceField(choices=ViolationType.Category.choices)

    def get_name(self, violation_type: ViolationType) -> str:
        return violation_type.localized_name(get_language() or settings.LANGUAGE_CODE)

    def get_description(self, violation_type: ViolationType) -> str:
        return violation_type.localized_description(get_language() or settings.LANGUAGE_CODE)


# --- Bawaslu offices ------------------------------------------------------------------------------------


class ForwardingCreateSerializer(ReportFactsSerializer):
    """A finding (temuan) or report (laporan) forwarded by a Bawaslu office."""

    reference_number = serializers.CharField(
        max_length=120, help_text=_("The office's own register number, e.g. 001/Reg/LP/PB/Kab/04.06/XI/2024.")
    )
    origin = serializers.ChoiceField(choices=BawasluForwarding.Origin.choices)
    election = _optional_text(200, help_text=_("e.g. Pilkada 2024 Kabupaten Lebong"))
    accused_name = serializers.CharField(max_length=200)
    accused_nip = NipField(help_text=_("18 digits, when known."))
    accused_position = _optional_text(200)
    accused_agency = _optional_text(200)
    incident_date = PastDateField(help_text=_("YYYY-MM-DD, not in the future."))
    incident_place = _optional_text(300)
    description = serializers.CharField(max_length=MAX_TEXT_LENGTH)
    violation_type = _violation_type_field()
    recommendation = _optional_text(MAX_TEXT_LENGTH, help_text=_("Bawaslu's recommendation."))
    letter_number = _optional_text(120, help_text=_("Number of the office's covering letter, if any."))
    links = _links_field()
    evidence = _evidence_field()

    def validate_reference_number(self, value: str) -> str:
        if any(not character.isprintable() for character in value):
            raise serializers.ValidationError(_("The register number contains characters that are not allowed."))
        return value

    def fingerprint_payload(self) -> dict[str, Any]:
        return forwarding_payload(self.validated_data)

    def report_input(self) -> ReportInput:
        return forwarding_report_input(self.validated_data)


class ForwardingCreateJsonSerializer(ForwardingCreateSerializer):
    evidence = None  # type: ignore[assignment]


class ForwardingSerializer(serializers.Serializer):
    """A forwarding as its office sees it (list items and the answer to POST)."""

    reference_number = serializers.CharField()
    tracking_code = serializers.CharField(source="report.tracking_code")
    status = PublicStatusField(source="report.status")
    received_at = ServerDateTimeField(source="report.received_at")


class OutcomeSerializer(serializers.Serializer):
    proven = serializers.BooleanField()
    sanction_type = serializers.SerializerMethodField(help_text=_("Sanction code, or null when none was imposed."))
    sanction_label = serializers.CharField()
    decided_at = serializers.DateField()
    decision_number = serializers.CharField()

    def get_sanction_type(self, outcome: ReportOutcome) -> str | None:
        return outcome.sanction_type or None


class ForwardingDetailSerializer(ForwardingSerializer):
    """One forwarding with its public timeline and, once a decision takes effect, its outcome."""

    timeline = TimelineEntrySerializer(many=True, source="report.timeline.all")
    outcome = serializers.SerializerMethodField(
        help_text=_("Null until a decision takes effect."),
    )

    @extend_schema_field(OutcomeSerializer(allow_null=True))
    def get_outcome(self, forwarding: BawasluForwarding) -> dict[str, Any] | None:
        outcome = getattr(forwarding.report, "outcome", None)
        return OutcomeSerializer(outcome).data if outcome is not None else None


_Row = TypeVar("_Row", bound=Model)


class ForwardingListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=list(PUBLIC_STATUSES), required=False)

    def report_statuses(self) -> list[str] | None:
        wanted = self.validated_data.get("status")
        if not wanted:
            return None
        return [status for status in Report.Status.values if PUBLIC_STATUS.get(status, status) == wanted]

    @classmethod
    def filtered(cls, queryset: QuerySet[_Row], query_params: Any) -> QuerySet[_Row]:
        """`queryset` (rows with a `report`) narrowed to the `?status=` asked, refused with a 400 when unknown."""
        query = cls(data=query_params)
        query.is_valid(raise_exception=True)
        statuses = query.report_statuses()
        return queryset.filter(report__status__in=statuses) if statuses else queryset
