"""The hourly purge deletes expired sessions and only those."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.tasks import purge_expired_sessions

pytestmark = pytest.mark.django_db


def _session(expires_in: datetime.timedelta) -> str:
    store = SessionStore()
    store["netra_status"] = {"tracking_code": "NTR-7K2M-Q90D"}
    store.create()
    assert store.session_key is not None
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_purge_deletes_expired_sessions_only():
    expired = _session(-datetime.timedelta(seconds=1))
    live = _session(datetime.timedelta(minutes=15))

    purge_expired_sessions()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live


def test_purge_is_scheduled_every_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["sessions-purge"]

    assert entry["task"] == "core.purge_expired_sessions"
