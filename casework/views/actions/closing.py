"""Forwarding for decision, the exits (not proven, dismissed, withdrawn, merged) and a criminal referral."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import selectors, services
from casework.models import Case
from casework.permissions import can_manage_case
from casework.views.actions.base import CaseAction
from core.errors import DomainError
from core.web_actions import ActionPage


class ForwardForDecision(CaseAction):
    """POST only: the case page carries the button."""

    http_method_names = ["post"]  # type: ignore[misc]
    form_class = f.ConfirmForm
    page = ActionPage(gettext_lazy("Forward for decision"))

    def perform(self, form: f.ConfirmForm, target: Case) -> str:
        services.case_forward_for_decision(case=target, actor=self.actor, expected_version=self.version(form))
        return _("The case was forwarded for decision.")


class ClosingAction(CaseAction):
    """Ending a case, with a reason."""

    form_class = f.ReasonForm

    @staticmethod
    def reason(form: f.ReasonForm) -> str:
        return str(form.cleaned_data["reason"])


_NOT_PROVEN = gettext_lazy("Close as not proven")
_DISMISS = gettext_lazy("Dismiss the case")
_WITHDRAW = gettext_lazy("Withdraw the case")


class CloseNotProven(ClosingAction):
    page = ActionPage(_NOT_PROVEN, submit=_NOT_PROVEN)

    def perform(self, form: f.ReasonForm, target: Case) -> str:
        services.case_close_not_proven(
            case=target, actor=self.actor, reason=self.reason(form), expected_version=self.version(form)
        )
        return _("The case was closed as not proven.")


class Dismiss(ClosingAction):
    permission = staticmethod(can_manage_case)
    page = ActionPage(_DISMISS, submit=_DISMISS)

    def perform(self, form: f.ReasonForm, target: Case) -> str:
        services.case_dismiss(
            case=target, actor=self.actor, reason=self.reason(form), expected_version=self.version(form)
        )
        return _("The case was dismissed.")


class Withdraw(ClosingAction):
    permission = staticmethod(can_manage_case)
    page = ActionPage(_WITHDRAW, submit=_WITHDRAW)

    def perform(self, form: f.ReasonForm, target: Case) -> str:
        services.case_withdraw(
            case=target, actor=self.actor, reason=self.reason(form), expected_version=self.version(form)
        )
        return _("The case was withdrawn.")


class Merge(CaseAction):
    form_class = f.MergeForm
    permission = staticmethod(can_manage_case)
    page = ActionPage(gettext_lazy("Merge into another case"), submit=gettext_lazy("Merge"))

    def perform(self, form: f.MergeForm, target: Case) -> str:
        number = form.cleaned_data["into"].strip()
        into = selectors.case_find_by_number(user=self.actor, number=number)
        if into is None:
            raise DomainError(
                "merge_target_unknown", _("There is no case %(number)s.") % {"number": number}, field="into"
            )
        services.case_merge(case=target, into=into, actor=self.actor, expected_version=self.version(form))
        return _("The case was merged into %(number)s.") % {"number": into.number}


class RecordCriminalReferral(CaseAction):
    form_class = f.CriminalReferralForm
    page = ActionPage(gettext_lazy("Record a criminal referral"))

    def perform(self, form: f.CriminalReferralForm, target: Case) -> str:
        data = form.cleaned_data
        services.criminal_referral_record(
            case=target,
            actor=self.actor,
            referred_to=data["referred_to"],
            referred_on=data["referred_on"],
            note=data["note"],
            expected_version=self.version(form),
        )
        return _("The criminal referral was recorded.")
