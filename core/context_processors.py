from django.conf import settings
from django.http import HttpRequest

from core.notifications import notification_unread_count_cached


def netra(request: HttpRequest) -> dict[str, object]:
    context: dict[str, object] = {"NETRA_SITE_URL": settings.NETRA_SITE_URL}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # From the shared cache: no database query on every page (core.notifications).
        context["unread_notifications"] = notification_unread_count_cached(user)
    return context
