"""The dashboard's filter form (GET). Its field names are the query parameters of figures.filters.Filters, which
validates the values again; the form only offers the choices of the user's agency."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from accounts.models import Unit
from figures.filters import NONE, PARAMS, VISIBLE, Filters
from violations.models import Channel, Election, ElectionStage, Report, ViolationType


class DateInput(forms.DateInput):
    input_type = "date"


def _choices(empty: str, items: list[tuple[str, str]], *, unknown: bool = False) -> list[tuple[str, str]]:
    extra = [(NONE, str(gettext_lazy("unknown")))] if unknown else []
    return [("", empty), *items, *extra]


class DashboardFilterForm(forms.Form):
    def __init__(self, *args: Any, filters: Filters, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput)
        self.fields["to"] = forms.DateField(label=gettext_lazy("To"), required=False, widget=DateInput)
        self.fields["by"] = forms.ChoiceField(
            label=gettext_lazy("Over time by"),
            required=False,
            choices=[("month", gettext_lazy("month")), ("week", gettext_lazy("week"))],
        )
        # Only the elections the agency's reports name (elections are shared by every agency).
        used = Report.objects.filter(agency_id=filters.agency_id, election__isnull=False).values("election_id")
        elections = [
            (str(pk), name)
            for pk, name in Election.objects.filter(pk__in=used).order_by("-year", "name").values_list("pk", "name")
        ]
        self.fields["election"] = forms.ChoiceField(
            label=gettext_lazy("Election"),
            required=False,
            choices=_choices(str(gettext_lazy("All elections")), elections),
        )
        stages = [(value, str(label)) for value, label in ElectionStage.choices if value]
        self.fields["stage"] = forms.ChoiceField(
            label=gettext_lazy("Election stage"),
            required=False,
            choices=_choices(str(gettext_lazy("All stages")), stages, unknown=True),
        )
        units = Unit.objects.filter(agency_id=filters.agency_id).order_by("name").values_list("pk", "name")
        self.fields["unit"] = forms.ChoiceField(
            label=gettext_lazy("Unit"),
            required=False,
            choices=_choices(str(gettext_lazy("All units")), [(str(pk), name) for pk, name in units], unknown=True),
        )
        channels = [(value, str(label)) for value, label in Channel.choices]
        self.fields["channel"] = forms.ChoiceField(
            label=gettext_lazy("Channel"), required=False, choices=_choices(str(gettext_lazy("All channels")), channels)
        )
        codes = ViolationType.objects.order_by("sort_order", "code").values_list("code", "code")
        self.fields["violation"] = forms.ChoiceField(
            label=gettext_lazy("Violation"),
            required=False,
            choices=_choices(str(gettext_lazy("All violations")), list(codes), unknown=True),
        )
        self.initial = {PARAMS[name]: value for name, value in _initial(filters).items()}
        # A drill-down's narrowing stays when other filters change (each is removed by its own link).
        for name, value in filters.narrowing.items():
            self.fields[PARAMS[name]] = forms.CharField(required=False, widget=forms.HiddenInput, initial=value)


def _initial(filters: Filters) -> dict[str, object]:
    return {name: getattr(filters, name) for name in VISIBLE if getattr(filters, name)}
