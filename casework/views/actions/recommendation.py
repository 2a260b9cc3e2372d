"""Recording on a case a recommendation received by letter from BKN or a Bawaslu office."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import services
from casework.forms_recommendation import RecommendationForm
from casework.models import Case
from casework.permissions import can_record_recommendation
from casework.views.actions.base import CaseAction
from casework.views.actions.evidence import validated_uploads
from core.web_actions import ActionPage
from violations.services import RecommendationInput


class RecordRecommendation(CaseAction):
    form_class = RecommendationForm
    page = ActionPage(
        gettext_lazy("Record a recommendation received"),
        intro=gettext_lazy(
            "A recommendation of BKN or a Bawaslu office received by letter. It is counted in the follow-through "
            "register from today and its letter joins the case's evidence."
        ),
        multipart=True,
        submit=gettext_lazy("Record"),
    )
    permission = staticmethod(can_record_recommendation)

    def perform(self, form: RecommendationForm, target: Case) -> str:
        data = form.cleaned_data
        (document,) = validated_uploads([data["document"]], "document")
        letter = RecommendationInput(
            body=data["body"],
            letter_number=data["letter_number"].strip(),
            letter_date=data["letter_date"],
            recommended_sanction=data["recommended_sanction"],
            bawaslu_office=data["bawaslu_office"],
        )
        recommendation = services.case_recommendation_record(
            case=target, actor=self.actor, letter=letter, text=data["text"], document=[document]
        )
        return _("The recommendation %(number)s was recorded; the follow-through register counts it.") % {
            "number": recommendation.letter_number
        }
