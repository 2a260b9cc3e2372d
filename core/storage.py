"""File-storage helpers shared by every app that stores uploads."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.storage import default_storage


@contextmanager
def remove_files_on_failure() -> Iterator[list[str]]:
    """Files are not transactional: remove what the block stored (names appended to the list) if it raises.

    Wrap the database transaction inside it, so a rollback of the rows also removes their files.
    """
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
