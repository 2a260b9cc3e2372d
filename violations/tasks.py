"""Celery entry points of intake (imported here so Celery's autodiscovery finds them)."""

from violations.services.status_mail import report_status_email_send

__all__ = ["report_status_email_send"]
