"""Side effects run after commit, through one helper, so a rolled-back transaction never enqueues work.

Publishing happens after the commit, so a broker that is down cannot undo the change any more: the request (or the
task) that made the change must still succeed. `on_commit_delay` therefore logs a failed publish instead of raising
it. Work that must not be lost needs a relay that finds committed rows still waiting for their task and enqueues
them again (the transactional-outbox pattern; e.g. casework.letters.letters_relay_pending for letters), so tasks
enqueued this way must be idempotent.
"""

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def publish_quietly(task: Any, *args: Any, **kwargs: Any) -> bool:
    """Enqueue a Celery task now; on any failure (broker down, refused, timed out) log it and return False."""
    try:
        task.delay(*args, **kwargs)
    except Exception:
        # Deliberately broad: kombu raises OperationalError, redis-py and sockets their own errors, and nothing the
        # caller could do differs between them. The traceback stays in the log.
        logger.exception("Could not enqueue task %s%r; a relay must enqueue it again.", _name(task), args)
        return False
    return True


def on_commit_delay(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue a Celery task once the current transaction commits (immediately outside one).

    A failed publish is logged, never raised: the transaction is already committed.
    """
    transaction.on_commit(partial(publish_quietly, task, *args, **kwargs))


def on_commit(func: Callable[[], object]) -> None:
    transaction.on_commit(func)


def _name(task: Any) -> str:
    return str(getattr(task, "name", task))
