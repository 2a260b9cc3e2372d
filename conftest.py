"""Root fixtures: every test gets a clean cache (throttle counters live there) and private storage, and
`force_login` writes no audit event."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation


def _clear_own_cache_keys() -> None:
    """Remove this run's keys only: other test processes may share the Redis database."""
    prefix = django_settings.CACHES["default"].get("KEY_PREFIX", "")
    client = getattr(cache, "_cache", None)
    if prefix and client is not None and hasattr(client, "get_client"):
        redis = client.get_client(write=True)
        keys = list(redis.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            redis.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Transactional tests end by truncating every table, which the append-only audit trail refuses.

    The test database only lets TRUNCATE through (UPDATE and DELETE stay refused, and a test checks that
    TRUNCATE is refused once the trigger is on, as it is in every real database).
    """
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_no_truncate")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in Indonesian: a request in English leaves English active in the test thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    _clear_own_cache_keys()
    yield
    _clear_own_cache_keys()


@pytest.fixture(autouse=True)
def _private_storage(tmp_path: Path, settings: object) -> Iterator[Path]:
    """Each test stores files in its own folder, so 'no orphan file' can be asserted exactly."""
    location = tmp_path / "private"
    location.mkdir()
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(location)}},
    }
    yield location
    shutil.rmtree(location, ignore_errors=True)


@pytest.fixture(autouse=True)
def audit_anchor_file(tmp_path: Path, settings: object) -> Path:
    """Each test anchors the audit trail's head in a file of its own."""
    path = tmp_path / "audit" / "anchors.jsonl"
    settings.NETRA_AUDIT_ANCHOR_FILE = path  # type: ignore[attr-defined]
    return path


@pytest.fixture
def private_storage(_private_storage: Path) -> Path:
    return _private_storage


@pytest.fixture(autouse=True)
def _force_login_unaudited(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.force_login` is the tests' shortcut past the login form, not a login anyone made: it leaves no
    `login_succeeded` event, so a test's audit assertions see only what it acts out. Logins through the form (and
    the admin's) are audited as in production: accounts/tests/test_sign_in.py."""
    from django.contrib.auth.signals import user_logged_in
    from django.test import Client

    from accounts.apps import LOGIN_AUDIT_UID
    from accounts.sign_in import on_logged_in

    original = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        user_logged_in.disconnect(dispatch_uid=LOGIN_AUDIT_UID)
        try:
            original(self, user, backend)
        finally:
            user_logged_in.connect(on_logged_in, dispatch_uid=LOGIN_AUDIT_UID)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def celery_eager(settings: Any) -> None:
    """Run enqueued tasks at once, in the test's process (e.g. the e-mails beside work items). Celery reads these
    Django settings when a task is sent; pytest-django's `settings` restores them afterwards."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_TASK_EAGER_PROPAGATES = True
