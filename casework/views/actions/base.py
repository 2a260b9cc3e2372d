"""`CaseAction`: the base of every officer action on a case (core.web_actions.ServiceActionView).

The case is found through the scoped selector (another agency's case, or one an examiner is not on, is a 404);
`permission` is the predicate of the action (403 otherwise); success and conflicts go back to the case page.
GET draws the action's own page (the larger forms live there; the case page links to them).
"""

from typing import Any

from django import forms
from django.urls import reverse

from accounts.actors import Viewer
from accounts.web_actions import StaffActionView
from casework.models import Case
from casework.permissions import can_view_cases, can_work_on_case
from casework.views.lookups import case_or_404


class CaseAction(StaffActionView):
    """An action on the case of the URL's `case_id`; its form (a casework.forms_actions.VersionedForm) gets the case."""

    # Who reaches the action pages at all: the agency's intake officers and administrators, and examiners.
    role = staticmethod(can_view_cases)
    default_template = "casework/actions/form.html"

    @staticmethod
    def permission(user: Viewer, case: Case) -> bool:
        """Who may take this action on this case (the service checks again: it holds the rule); actions that
        only the agency's intake officers and administrators take say `permission = staticmethod(can_manage_case)`."""
        return can_work_on_case(user, case)

    def get_target(self) -> Case:
        return case_or_404(self.request.user, self.kwargs["case_id"])

    def is_allowed(self, target: Case) -> bool:
        return self.permission(self.request.user, target)

    def target_url(self, target: Case) -> str:
        return reverse("casework:case-detail", kwargs={"case_id": target.pk})

    def form_kwargs(self, target: Case) -> dict[str, Any]:
        return {"case": target}

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        return {"case": target}

    @staticmethod
    def version(form: forms.Form) -> int:
        """The version of the case the officer saw (every casework action form carries it)."""
        return int(form.cleaned_data["expected_version"])
