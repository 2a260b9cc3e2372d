"""The e-mail beside a work item (core.work_items): a Celery task taking the notification's id, safe to run twice
(registered as "core.notification_email_send"; core.tasks imports it so Celery's autodiscovery finds it)."""

from typing import Any

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from core import clock
from core.models import Notification
from core.notifications import notification_text

EMAIL_SUBJECT = gettext_noop("Netra: work waiting for you")


def user_language(user: Any) -> str:
    """The language a user reads their e-mail in: accounts keep none per user, so the site's (`id`)."""
    return str(settings.LANGUAGE_CODE)


@transaction.atomic
def notification_email_deliver(*, notification_id: int) -> bool:
    """E-mail a work item to its user, once: nothing for an item already e-mailed or resolved, an inactive account
    or one without an address. Returns whether a message went out. A failing mail server raises (the task retries)."""
    item = Notification.objects.select_for_update().select_related("user").filter(pk=notification_id).first()
    if item is None or item.emailed_at is not None or item.resolved_at is not None:
        return False
    user = item.user
    if not user.is_active or not user.email:
        return False
    with translation.override(user_language(user)):
        subject = gettext(EMAIL_SUBJECT)
        body = notification_text(item)
    link = f"{settings.NETRA_SITE_URL.rstrip('/')}{item.url}" if item.url else ""
    send_mail(subject, f"{body}\n\n{link}".strip(), None, [user.email])
    item.emailed_at = clock.now()
    item.save(update_fields=["emailed_at"])
    return True


@shared_task(
    name="core.notification_email_send",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
def notification_email_send(notification_id: int) -> bool:
    """E-mail one work item to its user; a second run sends nothing."""
    return notification_email_deliver(notification_id=notification_id)
