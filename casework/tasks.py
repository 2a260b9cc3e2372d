"""Celery entry points of casework. Tasks take ids, call one service and are safe to run twice.

The letter render task lives with the letters (casework.letters.tasks); importing it here registers it with
Celery's autodiscovery under its name, "casework.render_letter".
"""

from celery import shared_task

from casework.letters import letters_relay_pending
from casework.letters.tasks import render_letter
from casework.reminders import deadline_reminders_send

__all__ = ["relay_pending_letters", "render_letter", "send_deadline_reminders"]


@shared_task(name="casework.send_deadline_reminders", acks_late=True, soft_time_limit=600, time_limit=660)
def send_deadline_reminders() -> dict[str, object]:
    """The daily beat job: due-soon and overdue reminders (casework.reminders); today is Jakarta's. Safe to rerun."""
    run = deadline_reminders_send()
    return {
        "today": run.today.isoformat(),
        "working_day": run.working_day,
        "notifications": run.notifications,
        "emails": run.emails,
    }


@shared_task(name="casework.relay_pending_letters", acks_late=True, soft_time_limit=50, time_limit=60)
def relay_pending_letters() -> dict[str, int]:
    """The beat job every minute: enqueue again letters still waiting for a render task (letters_relay_pending)."""
    run = letters_relay_pending()
    return {"pending": run.pending, "enqueued": run.enqueued}
