"""Bawaslu offices' web forms: forwarding a finding or report, filtering their own forwardings."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from violations.forms.fields import EvidenceField, LinksField, NipField, PastDateField, ViolationTypeField
from violations.forms.public import NetraForm
from violations.models import PUBLIC_STATUSES, BawasluForwarding, Report
from violations.services import ReportInput, forwarding_payload, forwarding_report_input


class ForwardingForm(NetraForm):
    """The same fields as POST /api/v1/bawaslu/forwardings/ (docs/api-contract.md)."""

    reference_number = forms.CharField(
        label=gettext_lazy("Register number"),
        max_length=120,
        help_text=gettext_lazy("Your office's own register number, e.g. 001/Reg/LP/PB/Kab/04.06/XI/2024."),
    )
    origin = forms.ChoiceField(label=gettext_lazy("Origin"), choices=[("", "—"), *BawasluForwarding.Origin.choices])
    election = forms.CharField(
        label=gettext_lazy("Election"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("e.g. Pilkada 2024 Kabupaten Lebong"),
    )
    accused_name = forms.CharField(label=gettext_lazy("Accused's name"), max_length=200)
    accused_nip = NipField(label=gettext_lazy("Accused's NIP"))
    accused_position = forms.CharField(label=gettext_lazy("Accused's position"), max_length=200, required=False)
    accused_agency = forms.CharField(label=gettext_lazy("Accused's agency or unit"), max_length=200, required=False)
    incident_date = PastDateField(label=gettext_lazy("Incident date"))
    incident_place = forms.CharField(label=gettext_lazy("Incident place"), max_length=300, required=False)
    description = forms.CharField(
        label=gettext_lazy("Description"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    violation_type = ViolationTypeField(label=gettext_lazy("Violation type"))
    recommendation = forms.CharField(
        label=gettext_lazy("Bawaslu's recommendation"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    letter_number = forms.CharField(
        label=gettext_lazy("Covering letter number"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("Number of your office's covering letter, if any."),
    )
    links = LinksField(label=gettext_lazy("Links"))
    evidence = EvidenceField(label=gettext_lazy("Evidence"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["violation_type"].refresh()  # type: ignore[attr-defined]

    def fingerprint_payload(self) -> dict[str, Any]:
        """The same normalised content the API computes, so web and API repeats are recognised as identical."""
        return forwarding_payload(self.cleaned_data)

    def report_input(self) -> ReportInput:
        return forwarding_report_input(self.cleaned_data)


def public_status_choices() -> list[tuple[str, str]]:
    return [(status, str(Report.Status(status).label)) for status in PUBLIC_STATUSES]


def internal_statuses(public_status: str) -> list[str]:
    """Every report status shown to outsiders as `public_status` (e.g. in_review includes awaiting information)."""
    return [status for status in Report.Status.values if Report(status=status).public_status == public_status]


class ForwardingFilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", gettext_lazy("All")), *public_status_choices()]  # type: ignore[attr-defined]
