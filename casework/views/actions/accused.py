"""Identifying the case's accused in the civil-servant register (accounts.web_actions.AccusedIdentifyMixin)."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from accounts.models import CivilServant
from accounts.register_search import AccusedHints
from accounts.web_actions import AccusedIdentifyMixin
from casework import forms_actions as f
from casework import selectors, services
from casework.models import Case
from casework.views.actions.base import CaseAction


class IdentifyAccused(AccusedIdentifyMixin, CaseAction):
    """Link the case's accused, from suggestions ranked on what its reports said."""

    form_class = f.CaseAccusedLinkForm

    def hints(self, target: Case) -> AccusedHints:
        report = selectors.case_reports(case=target).first()
        return AccusedHints(
            name=target.accused_name,
            nip=target.accused_nip,
            position=report.accused_position if report else "",
            unit=report.accused_agency if report else "",
        )

    def current(self, target: Case) -> CivilServant | None:
        return target.accused

    def perform(self, form: forms.Form, target: Case) -> str:
        servant = self.chosen(form)
        services.case_identify_accused(
            case=target,
            actor=self.actor,
            civil_servant=servant,
            reason=form.cleaned_data["reason"],
            expected_version=self.version(form),
        )
        return _("The accused of case %(number)s is %(name)s (NIP %(nip)s) of the register.") % {
            "number": target.number,
            "name": servant.name,
            "nip": servant.nip,
        }

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        return {**super().context(target, form), "fixed_by_decision": selectors.case_has_decision_draft(case=target)}
