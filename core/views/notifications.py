"""The signed-in user's notifications: list (newest first, paginated) and mark read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from core.errors import NotFound
from core.notifications import (
    notification_mark_all_read,
    notification_mark_read,
    notification_text,
    notification_unread_count,
    notifications_for_user,
)

PAGE_SIZE = 25


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    """GET: the user's own notifications. POST `read=<id>` marks one read (and follows its link when `open` is set);
    POST `read=all` marks all read."""
    if request.method == "POST":
        target = request.POST.get("read", "")
        if target == "all":
            notification_mark_all_read(user=request.user)
            return redirect("notifications")
        try:
            notification = notification_mark_read(user=request.user, notification_id=int(target))
        except (ValueError, NotFound):
            return render(request, "404.html", status=404)
        if request.POST.get("open") and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(notification.url)
        return redirect("notifications")
    notification_unread_count(request.user)  # refreshes the badge's cached count
    page = Paginator(notifications_for_user(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    items = [{"notification": n, "text": notification_text(n)} for n in page.object_list]
    return render(request, "core/notifications.html", {"page": page, "items": items})
