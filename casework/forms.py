"""Web forms of casework."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Unit, User
from casework.models import Case
from violations.models import Election

MAX_REPORTS_PER_CASE = 100


class ReportIdsField(forms.Field):
    """The ids of the reports ticked in the queue or on a report page (checkboxes named `reports`)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": gettext_lazy("Choose at least one report."),
        "invalid": gettext_lazy("The choice of reports is not valid."),
        "too_many": gettext_lazy("Choose at most %(limit)d reports."),
    }

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        try:
            ids = sorted({int(item) for item in value})
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if len(ids) > MAX_REPORTS_PER_CASE:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"limit": MAX_REPORTS_PER_CASE}
            )
        return ids


class CaseRegisterForm(forms.Form):
    reports = ReportIdsField(label=gettext_lazy("Reports"))
    summary = forms.CharField(label=gettext_lazy("Summary of the case"), max_length=2000, required=False)
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


class CaseFilterForm(forms.Form):
    """Search and filters of the case list (GET). Every field is optional; an invalid value is ignored."""

    TAB_MINE = "mine"
    TAB_ALL = "all"

    tab = forms.ChoiceField(
        choices=[(TAB_MINE, gettext_lazy("My cases")), (TAB_ALL, gettext_lazy("All cases of the agency"))],
        required=False,
        widget=forms.HiddenInput,
    )
    nip = forms.CharField(label=gettext_lazy("NIP"), max_length=18, required=False)
    name = forms.CharField(label=gettext_lazy("Name of the accused"), max_length=200, required=False)
    unit: "forms.ModelChoiceField[Unit]" = forms.ModelChoiceField(
        label=gettext_lazy("Unit"), queryset=Unit.objects.none(), required=False, empty_label=gettext_lazy("All units")
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    violation = forms.CharField(label=gettext_lazy("Violation code"), max_length=10, required=False)
    election: "forms.ModelChoiceField[Election]" = forms.ModelChoiceField(
        label=gettext_lazy("Election"),
        queryset=Election.objects.order_by("-year", "name"),
        required=False,
        empty_label=gettext_lazy("All elections"),
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)

    def __init__(self, *args: Any, agency_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units: Any = self.fields["unit"]
        units.queryset = Unit.objects.filter(agency_id=agency_id).order_by("name") if agency_id else Unit.objects.none()
        status: Any = self.fields["status"]
        status.choices = [("", gettext_lazy("All statuses")), *Case.Status.choices]

    def clean_nip(self) -> str:
        return "".join(self.cleaned_data["nip"].split())

    def clean_violation(self) -> str:
        return self.cleaned_data["violation"].strip().upper()


class OfficerChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """An examiner by name; a deactivated account says so."""

    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.get_username()
        return name if obj.is_active else _("%(name)s (inactive)") % {"name": name}


class HandoverForm(forms.Form):
    """The officer who leaves (any of the agency's examiners) and the successor (an active one)."""

    leaving = OfficerChoiceField(label=gettext_lazy("Officer who leaves"), queryset=None)
    successor = OfficerChoiceField(label=gettext_lazy("Successor"), queryset=None)

    def __init__(self, *args: Any, officers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leaving: Any = self.fields["leaving"]
        successor: Any = self.fields["successor"]
        leaving.queryset = officers
        successor.queryset = officers.filter(is_active=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("leaving") and data.get("successor") and data["leaving"] == data["successor"]:
            self.add_error("successor", _("Choose someone other than the officer who leaves."))
        return data
