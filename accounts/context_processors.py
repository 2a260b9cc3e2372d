"""Navigation for the signed-in user, by role."""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.actors import is_account
from accounts.roles import Role

# (role or None for staff admin, URL name, label msgid)
_NAV = [
    (Role.INTAKE_OFFICER, "triage:queue", gettext_noop("Triage queue")),
    (Role.INTAKE_OFFICER, "casework:case-list", gettext_noop("Cases")),
    (Role.INTAKE_OFFICER, "casework:search", gettext_noop("Search")),
    (Role.INTAKE_OFFICER, "triage:internal-finding", gettext_noop("Record an internal finding")),
    (Role.INTAKE_OFFICER, "sanctions:decision-list", gettext_noop("Decisions")),
    (Role.INTAKE_OFFICER, "sanctions:follow-through", gettext_noop("Follow-through register")),
    (Role.EXAMINER, "casework:case-list", gettext_noop("Cases")),
    (Role.EXAMINER, "casework:search", gettext_noop("Search")),
    (Role.EXAMINER, "sanctions:decision-list", gettext_noop("Decisions")),
    (Role.ADMINISTRATOR, "casework:case-list", gettext_noop("Cases")),
    (Role.ADMINISTRATOR, "casework:search", gettext_noop("Search")),
    (Role.ADMINISTRATOR, "sanctions:decision-list", gettext_noop("Decisions")),
    (Role.ADMINISTRATOR, "sanctions:follow-through", gettext_noop("Follow-through register")),
    (Role.SANCTIONING_OFFICIAL, "sanctions:decision-list", gettext_noop("Decisions")),
    (Role.LEADERSHIP, "figures:dashboard", gettext_noop("Figures")),
    (Role.LEADERSHIP, "sanctions:follow-through", gettext_noop("Follow-through register")),
    (Role.INTAKE_OFFICER, "figures:dashboard", gettext_noop("Figures")),
    (Role.ADMINISTRATOR, "figures:dashboard", gettext_noop("Figures")),
    (Role.ADMINISTRATOR, "account:staff-list", gettext_noop("Staff accounts")),
    (Role.INTERNAL_REPORTER, "triage:internal-finding", gettext_noop("Record an internal finding")),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-list", gettext_noop("Our forwardings")),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-create", gettext_noop("Forward a finding")),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    if not is_account(user):
        return {"nav_items": []}
    items: list[dict[str, str]] = []
    for role, url_name, label in _NAV:
        if not user.has_role(role):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        if all(item["url"] != url for item in items):
            items.append({"url": url, "label": _(label)})
    if user.is_staff:
        items.append({"url": reverse("admin:index"), "label": _("Administration")})
    return {"nav_items": items}
