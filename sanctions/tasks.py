"""Celery entry points of sanctions. Tasks call services and are safe to run twice (the services are idempotent)."""

from celery import shared_task

from core import clock
from sanctions.reminders import sanction_reminders_send
from sanctions.services.execution import decisions_take_effect_due, executions_complete_due


@shared_task(name="sanctions.run_daily", acks_late=True, soft_time_limit=600, time_limit=660)
def run_daily() -> dict[str, object]:
    """The daily beat job (Jakarta's today): due decisions take effect (D10), ended sanctions complete (D15)."""
    today = clock.today()
    effective = decisions_take_effect_due(today=today)
    completed = executions_complete_due(today=today)
    return {"today": today.isoformat(), "effective": effective, "completed": completed}


@shared_task(name="sanctions.send_reminders", acks_late=True, soft_time_limit=600, time_limit=660)
def send_reminders() -> dict[str, object]:
    """The daily reminders after the decision (sanctions.reminders); skips non-working days. Safe to rerun."""
    run = sanction_reminders_send()
    return {
        "today": run.today.isoformat(),
        "working_day": run.working_day,
        "notifications": run.notifications,
        "emails": run.emails,
    }
