"""Web forms of casework."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

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
