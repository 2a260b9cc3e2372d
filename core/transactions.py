"""Side effects run after commit, through one helper, so a rolled-back transaction never enqueues work."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction


def on_commit_delay(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue a Celery task once the current transaction commits (immediately outside one)."""
    transaction.on_commit(partial(task.delay, *args, **kwargs))


def on_commit(func: Callable[[], object]) -> None:
    transaction.on_commit(func)
