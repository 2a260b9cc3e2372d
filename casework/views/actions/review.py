"""Review (and raising the probable level), examination team and assignment."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import services
from casework.models import Case
from casework.permissions import can_manage_case
from casework.signatories import team_decree_signatory
from casework.views.actions.base import CaseAction
from core import clock
from core.errors import DomainError
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


class RaiseLevel(CaseAction):
    form_class = f.RaiseLevelForm
    page = ActionPage(
        gettext_lazy("Raise the probable level"),
        intro=gettext_lazy(
            "A heavy sanction requires an examination by the examination team. Raised to heavy on a case summoned "
            "or examined without a team, the summonses and the examination stay on record but are no longer a "
            "basis: the team is formed and the accused summoned and examined again under it."
        ),
        submit=gettext_lazy("Raise the probable level"),
    )

    def perform(self, form: f.RaiseLevelForm, target: Case) -> str:
        case = services.case_raise_probable_level(
            case=target,
            actor=self.actor,
            probable_level=form.cleaned_data["probable_level"],
            reason=form.cleaned_data["reason"],
            expected_version=self.version(form),
        )
        if case.status == Case.Status.UNDER_REVIEW and target.status != Case.Status.UNDER_REVIEW:
            return _("The probable level is now heavy: form the examination team, then summon the accused again.")
        return _("The probable level was raised.")


class FormTeam(CaseAction):
    form_class = f.TeamForm
    permission = staticmethod(can_manage_case)
    page = ActionPage(
        gettext_lazy("Form the examination team"),
        template="casework/actions/team.html",
        submit=gettext_lazy("Form the team"),
    )

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        """Who will sign the decree Netra issues, or what must be recorded first."""
        try:
            return {"case": target, "decree_signatory": team_decree_signatory(target.agency, clock.today())}
        except DomainError as missing:
            return {"case": target, "decree_signatory_missing": missing.message}

    def perform(self, form: f.TeamForm, target: Case) -> str:
        external = form.external()
        team = services.examination_team_form(
            case=target,
            actor=self.actor,
            members=[services.TeamMemberInput(**member) for member in form.members()],
            external_decree=services.ExternalDecree(number=external[0], date=external[1]) if external else None,
            expected_version=self.version(form),
        )
        if team.decree_is_external:
            return _("The examination team was recorded with the decree %(number)s issued on paper.") % {
                "number": team.decision_number
            }
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
