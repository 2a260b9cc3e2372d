"""Celery entry points of the shared kernel. Tasks take no mutable state and are safe to run twice."""

from importlib import import_module

from celery import shared_task
from django.conf import settings

from core.audit_anchors import audit_anchor
from core.work_item_mail import notification_email_send

__all__ = ["anchor_audit_head", "notification_email_send", "purge_expired_sessions"]


@shared_task(name="core.anchor_audit_head", acks_late=True, soft_time_limit=120, time_limit=150)
def anchor_audit_head() -> int | None:
    """The nightly anchor of the audit chain's head outside the database; returns the anchored event id."""
    anchor = audit_anchor(reason="daily")
    return anchor.event_id if anchor else None


@shared_task(name="core.purge_expired_sessions", acks_late=True, soft_time_limit=120, time_limit=150)
def purge_expired_sessions() -> None:
    """Expired sessions leave the session store (what `manage.py clearsessions` does), so none lingers."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
