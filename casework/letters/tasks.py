"""The Celery task that renders a letter (registered as "casework.render_letter"; casework.tasks imports it so
Celery's autodiscovery finds it). It takes an id, calls casework.letters.rendering and is safe to run twice."""

import logging
from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from casework.letters.rendering import letter_mark_failed, letter_note_error, letter_render
from casework.models import Letter

logger = logging.getLogger(__name__)

# Worth another try: the database or the file storage hiccuped, or the render ran out of time on a busy worker.
# Anything else (a template error, bad content) fails the same way again: the letter is marked failed at once.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, OSError, SoftTimeLimitExceeded)
# A render past the hard limit is killed with its worker process: after it, no worker can still hold the letter.
RENDER_SOFT_TIME_LIMIT = 120
RENDER_TIME_LIMIT = 150


class LetterTask(Task):
    """Records every retry's cause on the letter and marks it failed when the task gives up."""

    def on_retry(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        letter_note_error(letter_id=_letter_id(args, kwargs), error=_describe(exc))

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        letter_id = _letter_id(args, kwargs)
        logger.error("Letter %s could not be rendered: %s", letter_id, _describe(exc))
        letter_mark_failed(letter_id=letter_id, error=_describe(exc))


def _letter_id(args: Any, kwargs: Any) -> int:
    return int(kwargs["letter_id"] if "letter_id" in (kwargs or {}) else args[0])


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


@shared_task(
    base=LetterTask,
    name="casework.render_letter",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    max_retries=3,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_TIME_LIMIT,
)
def render_letter(letter_id: int) -> str:
    """Render one letter to PDF and store it (rendering.letter_render); returns the letter's status afterwards."""
    try:
        return str(letter_render(letter_id=letter_id).status)
    except Letter.DoesNotExist:
        # Its request was rolled back after the message left, or it belongs to another database: nothing to do.
        logger.warning("Letter %s does not exist; nothing to render.", letter_id)
        return "missing"
