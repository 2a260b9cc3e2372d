"""Intake officers' forms: the queue's filters, triage actions, and internal findings entered by staff."""

import datetime
from dataclasses import fields
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import clock
from violations.evidence import validate_evidence_files
from violations.forms.fields import EVIDENCE_ACCEPT, LinksField, NipField, PastDateField, ViolationTypeField
from violations.models import Channel, ElectionStage, Report, ViolationType
from violations.selectors import civil_servant_for_nip
from violations.services import CapturedEvidence, ReportInput

OPEN_STATUSES = (Report.Status.RECEIVED, Report.Status.IN_REVIEW, Report.Status.AWAITING_INFORMATION)
STATUS_OPEN = "open"
STATUS_ALL = "all"
INTERNAL_CHANNELS = (Channel.DISKOMINFO, Channel.INSPECTORATE, Channel.SUPERIOR)


def _status_choices() -> list[tuple[str, Any]]:
    return [
        (STATUS_OPEN, gettext_lazy("Open (received, in review, awaiting information)")),
        (STATUS_ALL, gettext_lazy("All statuses")),
        *Report.Status.choices,
    ]


class ReportQueueFilter(django_filters.FilterSet):
    """The triage queue's filters; without a status the queue shows the open reports."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=_status_choices, method="filter_status", empty_label=None
    )
    channel = django_filters.ChoiceFilter(
        label=gettext_lazy("Channel"), choices=Channel.choices, empty_label=gettext_lazy("All channels")
    )
    violation_type = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Violation type"),
        queryset=ViolationType.objects.all(),
        to_field_name="code",
        empty_label=gettext_lazy("All types"),
    )
    q = django_filters.CharFilter(label=gettext_lazy("Name, NIP or tracking code"), method="filter_text")
    received_from = django_filters.DateFilter(
        label=gettext_lazy("Received from"),
        field_name="received_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    received_to = django_filters.DateFilter(
        label=gettext_lazy("Received until"),
        field_name="received_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = Report
        fields = ("status", "channel", "violation_type", "q", "received_from", "received_to")

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        data = data.copy() if data is not None else {}
        if not data.get("status"):
            data["status"] = STATUS_OPEN
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset: QuerySet[Report], name: str, value: str) -> QuerySet[Report]:
        if value == STATUS_ALL:
            return queryset
        if value == STATUS_OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_text(self, queryset: QuerySet[Report], name: str, value: str) -> QuerySet[Report]:
        text = value.strip()
        if not text:
            return queryset
        compact = "".join(text.split())
        match = Q(accused_name__icontains=text) | Q(tracking_code__icontains=compact)
        if compact.isdigit():
            match |= Q(accused_nip__startswith=compact)
        return queryset.filter(match)


class TriageForm(forms.Form):
    """Labels without a trailing colon, as on the rest of Netra's forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class RejectForm(TriageForm):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the rejection"),
        help_text=gettext_lazy("The reporter reads this reason on their status page. Write it plainly."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Give the reason for the rejection.")},
    )


class InformationRequestForm(TriageForm):
    message = forms.CharField(
        label=gettext_lazy("What should the reporter add?"),
        help_text=gettext_lazy(
            "Shown on the reporter's status page and e-mailed to them if they gave an address. "
            "Do not name other people."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Write what the reporter should add.")},
    )


class DuplicateForm(TriageForm):
    original = forms.CharField(
        label=gettext_lazy("Tracking code of the original report"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "placeholder": "NTR-XXXX-XXXX"}),
        error_messages={"required": gettext_lazy("Give the tracking code of the original report.")},
    )

    def clean_original(self) -> str:
        return "".join(self.cleaned_data["original"].split()).upper()


class InternalFindingForm(TriageForm):
    """A finding of the agency's own staff: Diskominfo's monitoring team, the Inspektorat or a superior."""

    channel = forms.ChoiceField(
        label=gettext_lazy("Source of the finding"),
        choices=[(channel.value, channel.label) for channel in INTERNAL_CHANNELS],
    )
    organisation = forms.CharField(
        label=gettext_lazy("Unit or team"),
        help_text=gettext_lazy("e.g. Tim Pemantau Media Sosial Diskominfo, Inspektorat Daerah"),
        max_length=200,
    )
    accused_nip = NipField(
        label=gettext_lazy("NIP of the civil servant"),
        help_text=gettext_lazy(
            "If the NIP is in the civil-servant register, the name, position and unit are taken from it."
        ),
    )
    accused_name = forms.CharField(label=gettext_lazy("Name of the civil servant"), max_length=200, required=False)
    accused_position = forms.CharField(label=gettext_lazy("Position"), max_length=200, required=False)
    accused_agency = forms.CharField(label=gettext_lazy("Office or unit"), max_length=200, required=False)
    incident_date = PastDateField(label=gettext_lazy("Date of the act"))
    incident_time = forms.TimeField(
        label=gettext_lazy("Time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    incident_place = forms.CharField(
        label=gettext_lazy("Place or account"),
        help_text=gettext_lazy("A place, or the account or group where it was posted."),
        max_length=300,
        required=False,
    )
    platform = forms.CharField(
        label=gettext_lazy("Platform"),
        help_text=gettext_lazy("e.g. Facebook, Instagram, TikTok"),
        max_length=60,
        required=False,
    )
    description = forms.CharField(
        label=gettext_lazy("What was found"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    witnesses = forms.CharField(
        label=gettext_lazy("Witnesses"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    violation_type = ViolationTypeField(
        label=gettext_lazy("Violation type"), empty_label=gettext_lazy("Not determined yet")
    )
    election_text = forms.CharField(
        label=gettext_lazy("Election"),
        help_text=gettext_lazy("e.g. Pilkada 2024 Kabupaten Lebong"),
        max_length=200,
        required=False,
    )
    election_stage = forms.ChoiceField(
        label=gettext_lazy("Election stage"), choices=ElectionStage.choices, required=False
    )
    date_known = PastDateField(label=gettext_lazy("Date the act became known"), required=False)
    links = LinksField(label=gettext_lazy("Links"))

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency_id = agency_id
        self.fields["violation_type"].refresh()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        servant = civil_servant_for_nip(agency_id=self.agency_id, nip=cleaned.get("accused_nip", ""))
        if servant is not None:
            cleaned["accused_name"] = cleaned.get("accused_name") or servant.name
            cleaned["accused_position"] = cleaned.get("accused_position") or servant.position_title
            cleaned["accused_agency"] = cleaned.get("accused_agency") or servant.unit.name
        elif not cleaned.get("accused_name") and "accused_nip" not in self.errors:
            self.add_error(
                "accused_name",
                _("Give the civil servant's name, or a NIP that is in the civil-servant register."),
            )
        return cleaned

    def report_input(self) -> ReportInput:
        return ReportInput.from_cleaned_data(self.cleaned_data)


class CapturedEvidenceForm(TriageForm):
    """One evidence file with where and when it was captured (a screenshot of a post that may disappear)."""

    file = forms.FileField(
        label=gettext_lazy("File"), required=False, widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT})
    )
    source_url = forms.URLField(
        label=gettext_lazy("Source address"),
        help_text=gettext_lazy("The address of the post the screenshot shows."),
        max_length=2000,
        required=False,
        assume_scheme="https",
    )
    captured_at = forms.DateTimeField(
        label=gettext_lazy("Captured at"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_captured_at(self) -> datetime.datetime | None:
        value: datetime.datetime | None = self.cleaned_data["captured_at"]
        if value is not None and value > clock.now():
            raise ValidationError(_("The capture time cannot be in the future."), code="future_capture")
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if not upload:
            if cleaned.get("source_url") or cleaned.get("captured_at"):
                self.add_error("file", _("Attach the file this source address and capture time belong to."))
            return cleaned
        try:
            validated = validate_evidence_files([(upload, upload.name or "")])[0]
        except ValidationError as error:
            problems = error.message_dict.values() if hasattr(error, "error_dict") else [error.messages]
            self.add_error("file", [message for messages in problems for message in messages])
            return cleaned
        cleaned["evidence"] = CapturedEvidence(
            **{item.name: getattr(validated, item.name) for item in fields(validated)},
            source_url=cleaned.get("source_url", ""),
            captured_at=cleaned.get("captured_at"),
        )
        return cleaned


CapturedEvidenceFormSet = forms.formset_factory(CapturedEvidenceForm, extra=3, max_num=10, validate_max=True)


def captured_evidence(formset: forms.BaseFormSet) -> list[CapturedEvidence]:
    """The validated files of a valid CapturedEvidenceFormSet, in the order of its rows."""
    return [form.cleaned_data["evidence"] for form in formset.forms if form.cleaned_data.get("evidence")]
