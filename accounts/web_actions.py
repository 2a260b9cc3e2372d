"""The web-action layer (core.web_actions) for staff: the acting account, typed, for the one service call; and the
page that links an accused to the civil-servant register (on a report and on a case)."""

from dataclasses import replace
from typing import Any, cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.actors import Actor
from accounts.models import CivilServant
from accounts.register_search import AccusedHints, civil_servant_get_for_user, civil_servant_suggestions
from core.errors import DomainError
from core.web_actions import ActionPage, ServiceActionView

QUERY_MAX_LENGTH = 200
REASON_LABELS = {
    "nip": pgettext_lazy("register match", "NIP"),
    "name": pgettext_lazy("register match", "name"),
    "unit": pgettext_lazy("register match", "unit"),
    "position": pgettext_lazy("register match", "position"),
}


class StaffActionView(ServiceActionView):
    """An action a staff account takes; every app's action base classes derive from it."""

    @property
    def actor(self) -> Actor:
        # as_view lets only accounts that pass the role check get this far.
        return cast(Actor, self.request.user)


class AccusedIdentifyMixin:
    """The page identifying an accused: what the reporter wrote, the entry linked now, a search box (`?q=`) and the
    ranked suggestions, each linked with one click (its button posts the entry's id). Mixed into an app's action
    base class (ReportActionView, CaseAction), which gives `hints` and `current` of its target."""

    page_of_its_own = True
    page = ActionPage(gettext_lazy("Identify the accused"), template="accused/identify.html")
    request: Any

    def hints(self, target: Any) -> AccusedHints:
        raise NotImplementedError

    def current(self, target: Any) -> CivilServant | None:
        raise NotImplementedError

    def context(self, target: Any, form: forms.Form) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
        hints = self.hints(target)
        found = civil_servant_suggestions(user=self.request.user, hints=replace(hints, query=query))
        current = self.current(target)
        return {
            **super().context(target, form),  # type: ignore[misc]
            "hints": hints,
            "query": query,
            "current": current,
            "suggestions": [
                {
                    "servant": suggestion.servant,
                    "reasons": [REASON_LABELS[reason] for reason in suggestion.reasons],
                    "is_current": current is not None and suggestion.servant.pk == current.pk,
                }
                for suggestion in found
            ],
        }

    def chosen(self, form: forms.Form) -> CivilServant:
        """The register entry the officer clicked, of their agency (another agency's entry is not found)."""
        chosen_id = form.cleaned_data["civil_servant"]
        servant = civil_servant_get_for_user(user=self.request.user, civil_servant_id=chosen_id)
        if servant is None:
            raise DomainError(
                "civil_servant_not_found", _("This civil servant is not in your agency's register."), field="reason"
            )
        return servant
