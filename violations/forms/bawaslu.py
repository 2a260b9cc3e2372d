"""Bawaslu offices' web forms: forwarding a finding or report, filtering their own forwardings."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from violations.forms.fields import EvidenceField, LinksField, NipField, PastDateField, ViolationTypeField
from violations.forms.public import NetraForm
from violations.models import PUBLIC_STATUSES, BawasluForwarding, Election, Report
from violations.services import ReportInput


class ForwardingForm(NetraForm):
    """The same fields as POST /api/v1/bawaslu/forwardings/ (shared/API.md)."""

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
        """The content in the API's normalised shape (violations.api.serializers.ForwardingCreateSerializer), so
        the same forwarding sent by web or by API is recognised as identical. Link order does not matter."""
        data = self.cleaned_data
        violation_type = data["violation_type"]
        return {
            "reference_number": data["reference_number"],
            "origin": data["origin"],
            "election": data["election"],
            "accused_name": data["accused_name"],
            "accused_nip": data["accused_nip"],
            "accused_position": data["accused_position"],
            "accused_agency": data["accused_agency"],
            "incident_date": data["incident_date"].isoformat(),
            "incident_place": data["incident_place"],
            "description": data["description"],
            "violation_type": violation_type.code if violation_type else "",
            "recommendation": data["recommendation"],
            "letter_number": data["letter_number"],
            "links": sorted(data["links"]),
        }

    def report_input(self) -> ReportInput:
        data = self.cleaned_data
        return ReportInput(
            accused_name=data["accused_name"],
            accused_nip=data["accused_nip"],
            accused_position=data["accused_position"],
            accused_agency=data["accused_agency"],
            incident_date=data["incident_date"],
            incident_place=data["incident_place"],
            description=data["description"],
            violation_type=data["violation_type"],
            election=Election.objects.filter(name__iexact=data["election"]).first() if data["election"] else None,
            election_text=data["election"],
            links=data["links"],
        )


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
