"""Citizens' web forms: filing a report, looking up its status, adding information to it."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from violations.forms.fields import EvidenceField, LinksField, NipField, PastDateField, ViolationTypeField
from violations.services import ReporterInput, ReportInput
from violations.tracking_codes import normalize_tracking_code

DESCRIPTION_MIN_LENGTH = 30
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]+$")

# Stored as the platform's own name; "other" and "not online" are stored as codes.
PLATFORM_CHOICES = [
    ("", gettext_lazy("Not online (e.g. a meeting or an event)")),
    ("Facebook", "Facebook"),
    ("Instagram", "Instagram"),
    ("TikTok", "TikTok"),
    ("X", "X (Twitter)"),
    ("YouTube", "YouTube"),
    ("WhatsApp", "WhatsApp"),
    ("other", gettext_lazy("Another website or app")),
]


def validate_phone(value: str) -> None:
    digits = re.sub(r"\D", "", value)
    if not _PHONE_CHARACTERS.match(value) or not 8 <= len(digits) <= 15:
        raise ValidationError(
            _("Enter a phone number of 8 to 15 digits, e.g. 0812 3456 7890 or +62 812 3456 7890."), code="phone"
        )


class NetraForm(forms.Form):
    required_css_class = "required"
    error_css_class = "has-error"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ReportForm(NetraForm):
    """A citizen's report. Identity fields are dropped when the reporter chooses to stay anonymous."""

    description = forms.CharField(
        label=gettext_lazy("What happened?"),
        help_text=gettext_lazy(
            "Describe what the civil servant did, in your own words: what you saw or read, and why you think it "
            "favours a candidate. At least 30 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        min_length=DESCRIPTION_MIN_LENGTH,
        error_messages={
            "min_length": gettext_lazy(
                "Describe what happened in at least %(limit_value)d characters (you wrote %(show_value)d)."
            ),
            "required": gettext_lazy("Describe what happened."),
        },
    )
    accused_name = forms.CharField(
        label=gettext_lazy("Name of the civil servant"),
        max_length=200,
        error_messages={"required": gettext_lazy("Give the name of the civil servant you are reporting.")},
    )
    accused_agency = forms.CharField(
        label=gettext_lazy("Office or unit"),
        help_text=gettext_lazy("e.g. Dinas Pendidikan, Kecamatan Lebong Utara, SMP Negeri 1"),
        max_length=200,
        required=False,
    )
    accused_position = forms.CharField(
        label=gettext_lazy("Position"),
        help_text=gettext_lazy("e.g. head of a school, village secretary, teacher"),
        max_length=200,
        required=False,
    )
    accused_nip = NipField(
        label=gettext_lazy("NIP (if you know it)"),
        help_text=gettext_lazy("The 18-digit civil-servant number. Leave empty if you do not know it."),
    )
    incident_date = PastDateField(
        label=gettext_lazy("Date it happened"),
        error_messages={
            "required": gettext_lazy("Give the date it happened (an estimate is fine)."),
            "invalid": gettext_lazy("Enter a real date."),
        },
    )
    incident_time = forms.TimeField(
        label=gettext_lazy("Time (if you know it)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": gettext_lazy("Enter a time such as 14:30.")},
    )
    incident_place = forms.CharField(
        label=gettext_lazy("Where did it happen?"),
        help_text=gettext_lazy("A place (village, building, event) or the account or group where it was posted."),
        max_length=300,
        required=False,
    )
    platform = forms.ChoiceField(label=gettext_lazy("Online platform"), choices=PLATFORM_CHOICES, required=False)
    links = LinksField(label=gettext_lazy("Links"))
    violation_type = ViolationTypeField(
        label=gettext_lazy("Kind of violation"),
        help_text=gettext_lazy("Optional. The officer will decide the kind of violation in any case."),
    )
    evidence = EvidenceField(label=gettext_lazy("Evidence: photos, screenshots, documents or videos"))
    anonymous = forms.BooleanField(label=gettext_lazy("Report anonymously"), required=False)
    reporter_name = forms.CharField(label=gettext_lazy("Your name"), max_length=200, required=False)
    reporter_email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        required=False,
        max_length=254,
        error_messages={"invalid": gettext_lazy("Enter a valid e-mail address, e.g. nama@contoh.id.")},
    )
    reporter_phone = forms.CharField(
        label=gettext_lazy("Phone or WhatsApp"),
        max_length=30,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    reporter_address = forms.CharField(
        label=gettext_lazy("Address"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    IDENTITY_FIELDS = ("reporter_name", "reporter_email", "reporter_phone", "reporter_address")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["violation_type"].refresh()  # type: ignore[attr-defined]
        self.fields["reporter_name"].widget.attrs["autocomplete"] = "name"
        self.fields["reporter_email"].widget.attrs["autocomplete"] = "email"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("anonymous"):
            # Anonymous means Netra keeps no identity at all, whatever was typed before ticking the box.
            for name in self.IDENTITY_FIELDS:
                cleaned[name] = ""
                self.errors.pop(name, None)
            return cleaned
        if not cleaned.get("reporter_name") and "reporter_name" not in self.errors:
            self.add_error("reporter_name", _("Give your name, or tick “Report anonymously”."))
        has_contact_errors = "reporter_email" in self.errors or "reporter_phone" in self.errors
        if not cleaned.get("reporter_email") and not cleaned.get("reporter_phone") and not has_contact_errors:
            self.add_error(
                "reporter_phone", _("Give a phone number or an e-mail address so the officer can contact you.")
            )
        return cleaned

    def report_input(self) -> ReportInput:
        return ReportInput.from_cleaned_data(self.cleaned_data)

    def reporter_input(self) -> ReporterInput:
        return ReporterInput.from_cleaned_data(self.cleaned_data)


class StatusLookupForm(NetraForm):
    tracking_code = forms.CharField(
        label=gettext_lazy("Tracking code"),
        max_length=40,
        help_text=gettext_lazy("As on your receipt, e.g. NTR-7K2M-Q9XD."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": gettext_lazy("Enter your tracking code.")},
    )
    pin = forms.CharField(
        label=gettext_lazy("PIN"),
        max_length=20,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": gettext_lazy("Enter your PIN.")},
    )

    def clean_tracking_code(self) -> str:
        return normalize_tracking_code(self.cleaned_data["tracking_code"])

    def clean_pin(self) -> str:
        return "".join(self.cleaned_data["pin"].split())


class AdditionForm(NetraForm):
    """More information from the reporter: text, links and/or files; at least one of them."""

    description = forms.CharField(
        label=gettext_lazy("Additional information"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    links = LinksField(label=gettext_lazy("Links"))
    evidence = EvidenceField(label=gettext_lazy("More evidence"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not (cleaned.get("description") or cleaned.get("links") or cleaned.get("evidence")):
            raise ValidationError(_("Write something, add a link or attach a file."), code="addition_empty")
        return cleaned
