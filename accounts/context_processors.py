"""Navigation for the signed-in user, by role."""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accounts.roles import Role

# (role or None for staff admin, URL name, label msgid)
_NAV = [
    (Role.INTAKE_OFFICER, "triage:queue", "Triage queue"),
    (Role.INTAKE_OFFICER, "casework:case-list", "Cases"),
    (Role.INTAKE_OFFICER, "triage:internal-finding", "Record an internal finding"),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-list", "Our forwardings"),
    (Role.BAWASLU_OFFICE, "bawaslu_web:forwarding-create", "Forward a finding"),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for role, url_name, label in _NAV:
        if user.has_role(role):  # type: ignore[union-attr]
            try:
                items.append({"url": reverse(url_name), "label": _(label)})
            except NoReverseMatch:
                continue
    if user.is_staff:
        items.append({"url": reverse("admin:index"), "label": _("Administration")})
    return {"nav_items": items}
