"""Where a signed-in user starts: the page of the work their role waits for."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from accounts.actors import is_account
from accounts.roles import Role
from core.work_items import work_waiting_for

# First matching role wins. The examiner starts on their own cases, what is due first on top; the sanctioning
# official on the decisions page, whose inbox lists what awaits their signature. Decision drafts are reviewed by
# the agency's intake officers and administrators (sanctions.permissions.can_review_decision): one with a draft
# waiting for their review (an open work item, core.work_items) starts on the decisions page, which lists it.
_REVIEWERS = (Role.INTAKE_OFFICER, Role.ADMINISTRATOR)
_LANDING = [
    (Role.INTAKE_OFFICER, "triage:queue", ""),
    (Role.EXAMINER, "casework:case-list", "?tab=mine&order=due"),
    (Role.SANCTIONING_OFFICIAL, "sanctions:decision-list", ""),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-list", ""),
    (Role.INTERNAL_REPORTER, "triage:internal-finding", ""),
    (Role.LEADERSHIP, "figures:dashboard", ""),
    (Role.ADMINISTRATOR, "admin:index", ""),
]


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    user = request.user
    reviewer = is_account(user) and any(user.has_role(role) for role in _REVIEWERS)
    if reviewer and work_waiting_for(user, entity="decision", step="review"):
        return redirect("sanctions:decision-list")
    for role, url_name, query in _LANDING:
        if is_account(user) and user.has_role(role):
            try:
                return redirect(reverse(url_name) + query)
            except NoReverseMatch:
                continue
    return redirect("home")
