"""Work items: notifications that tell someone of work waiting for them, resolved when the work is done.

`work_item_open` puts the work in each user's inbox, once per user and work key (`<entity>:<id>:<step>`, e.g.
`decision:12:sign`), and e-mails them after commit (core.work_item_mail, in the user's language).
Work that comes back (a draft returned and submitted again) reopens the user's item: unread, unresolved, e-mailed
again. `work_item_resolve` marks every open item of a work key resolved, in the transaction of the service that did
the work, so the inbox of everyone who was told stops showing it (core.notifications leaves resolved items out).

`users` are typed Any: the project's account model, which core (below accounts) cannot name.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from core import clock
from core.models import Notification
from core.notifications import notification_send, refresh_count_on_commit
from core.transactions import on_commit_delay
from core.work_item_mail import notification_email_send


def _dedup_key(work_key: str) -> str:
    return f"work:{work_key}"


@transaction.atomic
def work_item_open(
    *, users: Iterable[Any], work_key: str, message: str, params: dict[str, Any] | None = None, url: str = ""
) -> list[Notification]:
    """Tell each active user in `users` (each once) of the work `work_key`; returns the items newly opened or
    reopened. A user whose item is still open is not told again."""
    opened: list[Notification] = []
    seen: set[int] = set()
    for user in users:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        item = _open_one(user=user, work_key=work_key, message=message, params=params or {}, url=url)
        if item is not None:
            opened.append(item)
            if user.email:
                on_commit_delay(notification_email_send, item.pk)
    return opened


def _open_one(*, user: Any, work_key: str, message: str, params: dict[str, Any], url: str) -> Notification | None:
    existing = Notification.objects.select_for_update().filter(user=user, dedup_key=_dedup_key(work_key)).first()
    if existing is None:
        item, created = notification_send(
            user=user, message=message, params=params, url=url, dedup_key=_dedup_key(work_key), work_key=work_key
        )
        return item if created else None
    if existing.resolved_at is None:
        return None
    existing.message, existing.params, existing.url = message, params, url
    existing.created_at, existing.read_at, existing.resolved_at, existing.emailed_at = clock.now(), None, None, None
    existing.save(update_fields=["message", "params", "url", "created_at", "read_at", "resolved_at", "emailed_at"])
    refresh_count_on_commit(user.pk)
    return existing


@transaction.atomic
def work_item_resolve(*, work_key: str) -> int:
    """The work `work_key` is done: resolve every open item of it (idempotent); returns how many were open."""
    items = Notification.objects.filter(work_key=work_key, resolved_at__isnull=True)
    user_ids = set(items.values_list("user_id", flat=True))
    changed = items.update(resolved_at=clock.now())
    for user_id in user_ids:
        refresh_count_on_commit(user_id)
    return changed


@transaction.atomic
def work_items_pass_on(*, from_user: Any, to_user: Any, work_key_prefix: str) -> int:
    """Hand `from_user`'s open items whose key starts with `work_key_prefix` to `to_user` (an officer who leaves and
    their successor): the successor is told as the leaver was, the leaver's items are resolved. Returns how many."""
    items = list(
        Notification.objects.select_for_update()
        .filter(user_id=from_user.pk, work_key__startswith=work_key_prefix, resolved_at__isnull=True)
        .order_by("id")
    )
    for item in items:
        work_item_open(users=[to_user], work_key=item.work_key, message=item.message, params=item.params, url=item.url)
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(resolved_at=clock.now())
    if items:
        refresh_count_on_commit(from_user.pk)
    return len(items)


def work_items_open_for(*, work_key: str) -> list[Any]:
    """The users whose item of `work_key` is still open (e.g. to name who must act next)."""
    items = Notification.objects.filter(work_key=work_key, resolved_at__isnull=True).select_related("user")
    return [item.user for item in items.order_by("user_id")]


def work_waiting_for(user: Any, *, entity: str, step: str) -> bool:
    """Whether `user` has an open work item `<entity>:<id>:<step>` (e.g. a decision draft to review)."""
    return Notification.objects.filter(
        user_id=user.pk, work_key__startswith=f"{entity}:", work_key__endswith=f":{step}", resolved_at__isnull=True
    ).exists()
