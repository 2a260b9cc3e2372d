"""Issuing a summons and recording attendance or absence."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import services
from casework.models import Case, Summons
from casework.permissions import can_override_summons_notice
from casework.views.actions.base import CaseAction
from core.web_actions import ActionPage


class IssueSummons(CaseAction):
    form_class = f.SummonsForm
    page = ActionPage(gettext_lazy("Issue a summons"), submit=gettext_lazy("Issue the summons"))

    def form_kwargs(self, target: Case) -> dict[str, Any]:
        return {
            "case": target,
            "can_override": can_override_summons_notice(self.request.user, target),
            "initial": {"number": 2 if target.summonses.filter(number=1).exists() else 1},
        }

    def perform(self, form: f.SummonsForm, target: Case) -> str:
        data = form.cleaned_data
        summons = services.summons_issue(
            case=target,
            actor=self.actor,
            number=data["number"],
            scheduled_at=data["scheduled_at"],
            sent_on=data["sent_on"],
            delivery_method=data["delivery_method"],
            place=data["place"],
            virtual_link=data["virtual_link"],
            delivery_record=data["delivery_record"],
            override_reason=form.notice_override_reason,
            expected_version=self.version(form),
        )
        return _("Summons %(number)s was issued; its letter is being prepared.") % {
            "number": summons.get_number_display()
        }


class SummonsOutcome(CaseAction):
    """What came of a summons of the case (the URL's `summons_id`; another case's summons is a 404). POST only:
    the case page carries the forms."""

    http_method_names = ["post"]  # type: ignore[misc]

    def get_target(self) -> Case:
        case = super().get_target()
        summons = case.summonses.filter(pk=self.kwargs["summons_id"]).first()
        if summons is None:
            raise Http404
        self.summons: Summons = summons
        return case


class RecordAttendance(SummonsOutcome):
    form_class = f.ConfirmForm
    page = ActionPage(gettext_lazy("Record attendance"))

    def perform(self, form: f.ConfirmForm, target: Case) -> str:
        services.summons_record_attendance(summons=self.summons, actor=self.actor, expected_version=self.version(form))
        return _("The attendance was recorded; record the examination (BAP) next.")


class RecordAbsence(SummonsOutcome):
    form_class = f.AbsenceForm
    page = ActionPage(gettext_lazy("Record absence"))

    def perform(self, form: f.AbsenceForm, target: Case) -> str:
        services.summons_record_absence(
            summons=self.summons, actor=self.actor, note=form.cleaned_data["note"], expected_version=self.version(form)
        )
        if self.summons.number == 1:
            return _("The absence was recorded; summons II is due next.")
        return _("The second absence was recorded; the case goes on on the evidence.")
