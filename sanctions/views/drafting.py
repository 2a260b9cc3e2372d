"""Drafting a decision: draft it from the case, edit, submit for review, cancel; and the review itself."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.models import Case
from core.web_actions import ActionPage, Done
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import selectors, services
from sanctions.models import Decision
from sanctions.views.base import (
    CaseAction,
    DecisionAction,
    contents_initial,
    decision_contents,
    draft_initial,
    drafter,
    employee_type,
    guidance_context,
    guidance_for,
)


class DecisionDraft(CaseAction):
    """A new draft on a case forwarded for decision; the form carries the case's version."""

    form_class = f.DecisionDraftForm
    page = ActionPage(gettext_lazy("Draft a decision"), submit=gettext_lazy("Save the draft"))

    def is_allowed(self, target: Case) -> bool:
        return p.can_draft_decision(self.actor, target)

    def initial(self, case: Case) -> dict[str, Any]:
        if not hasattr(self, "_initial"):
            self._initial = draft_initial(case)
        return self._initial

    def form_kwargs(self, target: Case) -> dict[str, Any]:
        return {"version": target.version, "initial": self.initial(target), "employee_type": employee_type(target)}

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        return {**super().context(target, form), **guidance_context(target, selectors.guidance_for_case(case=target))}

    def perform(self, form: f.DecisionDraftForm, target: Case) -> Done:
        initial = self.initial(target)
        decision = services.decision_draft(
            case=target,
            actor=self.actor,
            track=form.cleaned_data["track"],
            expected_version=form.version_seen,
            **decision_contents(form, references=initial["references"], copies=initial["copies"]),
        )
        return Done(_("The draft decision was saved; submit it for review when it is ready."), target=decision)


class DecisionUpdateDraft(DecisionAction):
    form_class = f.DecisionUpdateForm
    page = ActionPage(gettext_lazy("Edit the draft decision"), submit=gettext_lazy("Save the draft"))
    allowed = staticmethod(drafter)

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        return {
            **super().form_kwargs(target),
            "initial": contents_initial(target),
            "employee_type": employee_type(target.case),
        }

    def context(self, target: Decision, form: forms.Form) -> dict[str, Any]:
        return {**super().context(target, form), **guidance_context(target.case, guidance_for(target))}

    def perform(self, form: f.DecisionUpdateForm, target: Decision) -> str:
        services.decision_update_draft(
            decision=target,
            actor=self.actor,
            expected_version=form.version_seen,
            **decision_contents(form, references=target.references, copies=target.copies),
        )
        return _("The draft decision was saved.")


class DecisionSubmitForReview(DecisionAction):
    http_method_names = ["post"]  # type: ignore[misc]  # the button on the decision page; no page of its own
    form_class = f.ConfirmForm
    page = ActionPage(gettext_lazy("Submit for review"), submit=gettext_lazy("Submit for review"))
    allowed = staticmethod(drafter)

    def perform(self, form: f.ConfirmForm, target: Decision) -> str:
        decision = services.decision_submit_for_review(
            decision=target, actor=self.actor, expected_version=form.version_seen
        )
        official = decision.competent_official
        name = (official.get_full_name() or official.get_username()) if official else "—"
        return _("The draft was submitted for review; it will go to %(official)s for signature.") % {"official": name}


class DecisionCancelDraft(DecisionAction):
    form_class = f.ReasonForm
    page = ActionPage(gettext_lazy("Cancel the draft decision"), submit=gettext_lazy("Cancel the draft"))
    allowed = staticmethod(drafter)

    def perform(self, form: f.ReasonForm, target: Decision) -> str:
        services.decision_cancel_draft(
            decision=target, actor=self.actor, reason=form.cleaned_data["reason"], expected_version=form.version_seen
        )
        return _("The draft decision was cancelled.")


class DecisionReview(DecisionAction):
    form_class = f.ReviewForm
    page = ActionPage(gettext_lazy("Review the draft decision"), submit=gettext_lazy("Save the review"))
    allowed = staticmethod(p.can_review_decision)

    def perform(self, form: f.ReviewForm, target: Decision) -> str:
        services.decision_review(
            decision=target,
            actor=self.actor,
            approve=form.approved,
            note=form.cleaned_data["note"],
            expected_version=form.version_seen,
        )
        if form.approved:
            return _("The draft was approved and sent to the competent official for signature.")
        return _("The draft was returned to the drafter.")
