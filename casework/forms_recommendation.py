"""The web form through which an intake officer records a recommendation received by letter (BKN or Bawaslu)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import BawasluOffice
from casework.forms_actions import DateInput
from casework.models import Case
from violations.models import Recommendation
from violations.recommendations.catalogue import sanction_choices


class RecommendationForm(forms.Form):
    body = forms.ChoiceField(
        label=_("Recommending body"), choices=Recommendation.Body.choices, widget=forms.RadioSelect
    )
    bawaslu_office = forms.ModelChoiceField(
        label=_("Bawaslu office"),
        queryset=BawasluOffice.objects.none(),
        required=False,
        help_text=_("For a Bawaslu recommendation only."),
    )
    letter_number = forms.CharField(label=_("Letter number"), max_length=120)
    letter_date = forms.DateField(label=_("Letter date"), widget=DateInput())
    recommended_sanction = forms.ChoiceField(
        label=pgettext_lazy("recommendation", "Recommended sanction"), required=False
    )
    text = forms.CharField(label=_("What the letter recommends"), widget=forms.Textarea(attrs={"rows": 4}))
    document = forms.FileField(label=_("The recommendation letter"), help_text=_("PDF or image."))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        offices = self.fields["bawaslu_office"]
        assert isinstance(offices, forms.ModelChoiceField)
        offices.queryset = BawasluOffice.objects.filter(agency_id=case.agency_id).order_by("name")
        sanction = self.fields["recommended_sanction"]
        assert isinstance(sanction, forms.ChoiceField)
        sanction.choices = [("", _("None named")), *sanction_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        is_bawaslu = data.get("body") == Recommendation.Body.BAWASLU
        if is_bawaslu and not data.get("bawaslu_office"):
            self.add_error("bawaslu_office", _("Choose the Bawaslu office that sent the letter."))
        if not is_bawaslu:
            data["bawaslu_office"] = None
        return data
