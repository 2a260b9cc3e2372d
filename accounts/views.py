"""Where a signed-in user starts: the page of their main role."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from accounts.actors import is_account
from accounts.roles import Role

# First matching role wins; roles whose pages come with later issues start on the home page.
_LANDING = [
    (Role.INTAKE_OFFICER, "triage:queue"),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-list"),
    (Role.INTERNAL_REPORTER, "triage:internal-finding"),
    (Role.ADMINISTRATOR, "admin:index"),
    (Role.LEADERSHIP, "figures:dashboard"),
]


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    user = request.user
    for role, url_name in _LANDING:
        if is_account(user) and user.has_role(role):
            try:
                return redirect(reverse(url_name))
            except NoReverseMatch:
                continue
    return redirect("home")
