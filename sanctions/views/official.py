"""The competent official's actions: sign, return to the drafter, declare a conflict of interest, and correct a
signed decision with a new version."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.actors import Viewer
from core.web_actions import ActionPage, Done
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import services
from sanctions.models import Decision
from sanctions.views.base import DecisionAction, contents_initial, decision_contents, employee_type


class DecisionSign(DecisionAction):
    form_class = f.SignForm
    page = ActionPage(gettext_lazy("Sign the decision"), submit=gettext_lazy("Sign"))
    allowed = staticmethod(p.can_sign_decision)

    def perform(self, form: f.SignForm, target: Decision) -> str:
        decision = services.decision_sign(
            decision=target,
            actor=self.actor,
            decision_date=form.cleaned_data["decision_date"],
            expected_version=form.version_seen,
        )
        return _("The decision was signed as number %(number)s; its letter is being prepared.") % {
            "number": decision.number
        }


class DecisionReturnByOfficial(DecisionAction):
    form_class = f.NoteForm
    page = ActionPage(gettext_lazy("Return to the drafter"), submit=gettext_lazy("Return the draft"))
    allowed = staticmethod(p.can_sign_decision)

    def perform(self, form: f.NoteForm, target: Decision) -> str:
        services.decision_return_by_official(
            decision=target, actor=self.actor, note=form.cleaned_data["note"], expected_version=form.version_seen
        )
        return _("The decision was returned to the drafter.")


class DecisionDeclareConflict(DecisionAction):
    form_class = f.ReasonForm
    page = ActionPage(gettext_lazy("Declare a conflict of interest"), submit=gettext_lazy("Declare the conflict"))
    allowed = staticmethod(p.can_sign_decision)

    def perform(self, form: f.ReasonForm, target: Decision) -> str:
        services.decision_declare_conflict(
            decision=target, actor=self.actor, detail=form.cleaned_data["reason"], expected_version=form.version_seen
        )
        return _("Your conflict of interest was recorded; the decision went to the next official.")


def _may_correct(user: Viewer, decision: Decision) -> bool:
    # Only a signed decision has anything to correct (a draft is edited instead).
    return decision.is_signed and p.can_correct_decision(user, decision)


class DecisionCorrect(DecisionAction):
    form_class = f.DecisionCorrectForm
    page = ActionPage(
        gettext_lazy("Correct the decision"),
        submit=gettext_lazy("Sign the new version"),
        intro=gettext_lazy("A new version is signed at once; the current one is marked as superseded."),
    )
    allowed = staticmethod(_may_correct)

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        dismissal = target.outcome == Decision.Outcome.DISMISSAL
        return {
            **super().form_kwargs(target),
            "initial": contents_initial(target),
            "dismissal": dismissal,
            "employee_type": employee_type(target.case),
        }

    def perform(self, form: f.DecisionCorrectForm, target: Decision) -> Done:
        new = services.decision_correct(
            decision=target,
            actor=self.actor,
            reason=form.cleaned_data["reason"],
            decision_date=form.cleaned_data["decision_date"],
            expected_version=form.version_seen,
            **decision_contents(form, references=target.references, copies=target.copies),
        )
        message = _("Version %(version)s of the decision was signed as number %(number)s; it replaces %(old)s.") % {
            "version": new.version_number,
            "number": new.number,
            "old": target.number,
        }
        return Done(message, target=new)
