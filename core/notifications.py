"""In-app notifications: send (idempotent on a dedup key), mark read, list a user's own.

A notification stores an English msgid and its params; `notification_text` translates it into the language active
when it is shown, so one notification reads right in Indonesian and English. Callers mark their msgids for
extraction with gettext_noop.

The header badge's unread count lives in the shared cache, rewritten after every commit that changes it (send, mark
read) and whenever the user opens the notifications page, so showing it costs no database query on every page (the
list views pin their query counts). When the cache lost it, `notification_unread_count_cached` says 0 until the next
change or visit; the page itself always reads the database.

Work items (core.work_items) are notifications resolved when their work is done: the list and the counts leave
resolved ones out, so an inbox never shows done work.

`user` is typed Any: it is the project's account model, which core (below accounts) cannot name.
"""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

from core import clock
from core.errors import NotFound
from core.models import Notification
from core.shared_cache import cache_get, cache_set


@transaction.atomic
def notification_send(
    *,
    user: Any,
    message: str,
    params: dict[str, Any] | None = None,
    url: str = "",
    dedup_key: str = "",
    work_key: str = "",
) -> tuple[Notification, bool]:
    """Notify `user`; returns (notification, created). With a `dedup_key` the user gets it at most once: a second
    call returns the existing notification and False (also under concurrency: the unique constraint decides).
    A `work_key` makes it a work item (core.work_items)."""
    fields = {"message": message, "params": params or {}, "url": url, "work_key": work_key}
    if dedup_key:
        notification, created = Notification.objects.get_or_create(user=user, dedup_key=dedup_key, defaults=fields)
    else:
        notification = Notification(user=user, **fields)
        notification.full_clean()
        notification.save(force_insert=True)
        created = True
    if created:
        refresh_count_on_commit(user.pk)
    return notification, created


@transaction.atomic
def notification_mark_read(*, user: Any, notification_id: int) -> Notification:
    """Mark one of `user`'s notifications read (idempotent). Another user's notification is not found."""
    notification = Notification.objects.select_for_update().filter(pk=notification_id, user=user).first()
    if notification is None:
        raise NotFound("notification_not_found", gettext("There is no such notification."))
    if notification.read_at is None:
        notification.read_at = clock.now()
        notification.save(update_fields=["read_at"])
        refresh_count_on_commit(user.pk)
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: Any) -> int:
    """Mark every unread notification of `user` read; returns how many were."""
    changed = _shown(user_id=user.pk).filter(read_at__isnull=True).update(read_at=clock.now())
    refresh_count_on_commit(user.pk)
    return changed


def notifications_for_user(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    """`user`'s own notifications, newest first, without resolved work items."""
    queryset = _shown(user_id=user.pk)
    if unread_only:
        queryset = queryset.filter(read_at__isnull=True)
    return queryset.order_by("-created_at", "-id")


def unread_count_cache_key(user_id: int) -> str:
    return f"core:notifications:unread:v1:{user_id}"


def notification_unread_count(user: Any) -> int:
    """The unread count from the database; also refreshes the cached count."""
    count = _shown(user_id=user.pk).filter(read_at__isnull=True).count()
    cache_set(unread_count_cache_key(user.pk), count, None)
    return count


def notification_unread_count_cached(user: Any) -> int:
    """The unread count for the header badge, from the cache only (see the module docstring)."""
    return int(cache_get(unread_count_cache_key(user.pk)) or 0)


def _shown(*, user_id: int) -> QuerySet[Notification]:
    return Notification.objects.filter(user_id=user_id, resolved_at__isnull=True)


def _refresh_count(user_id: int) -> None:
    count = _shown(user_id=user_id).filter(read_at__isnull=True).count()
    cache_set(unread_count_cache_key(user_id), count, None)


def refresh_count_on_commit(user_id: int) -> None:
    """Rewrite `user_id`'s cached unread count after the current transaction commits."""
    transaction.on_commit(lambda: _refresh_count(user_id))


def notification_text(notification: Notification) -> str:
    """The message in the active language, with its params filled in."""
    text = gettext(notification.message)
    if not notification.params:
        return text
    try:
        return text % notification.params
    except (KeyError, TypeError, ValueError):
        # A translation that lost a placeholder must not break the page: fall back to the English text.
        return notification.message % notification.params
