"""Review, examination team and assignment."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import services
from casework.models import Case
from casework.permissions import can_manage_case
from casework.views.actions.base import CaseAction
from core.web_actions import ActionPage


class StartReview(CaseAction):
    form_class = f.StartReviewForm
    page = ActionPage(gettext_lazy("Start the review"), submit=gettext_lazy("Start the review"))

    def perform(self, form: f.StartReviewForm, target: Case) -> str:
        data = form.cleaned_data
        services.case_start_review(
            case=target,
            actor=self.actor,
            probable_level=data["probable_level"],
            tracks=data["tracks"],
            note=data["note"],
            expected_version=self.version(form),
        )
        return _("The review has started.")


class FormTeam(CaseAction):
    form_class = f.TeamForm
    permission = staticmethod(can_manage_case)
    page = ActionPage(
        gettext_lazy("Form the examination team"),
        template="casework/actions/team.html",
        submit=gettext_lazy("Form the team"),
    )

    def perform(self, form: f.TeamForm, target: Case) -> str:
        team = services.examination_team_form(
            case=target,
            actor=self.actor,
            decision_number=form.cleaned_data["decision_number"],
            decision_date=form.cleaned_data["decision_date"],
            members=[services.TeamMemberInput(**member) for member in form.members()],
            expected_version=self.version(form),
        )
        return _("The examination team was formed (decision %(number)s); its decision letter is being prepared.") % {
            "number": team.decision_number
        }


class Assign(CaseAction):
    form_class = f.AssignForm
    permission = staticmethod(can_manage_case)
    page = ActionPage(gettext_lazy("Assign examiners"))

    def perform(self, form: f.AssignForm, target: Case) -> str:
        services.case_assign(
            case=target,
            actor=self.actor,
            examiners=list(form.cleaned_data["examiners"]),
            expected_version=self.version(form),
        )
        return _("The examiners of the case were saved.")
