"""The audit chain is signed with keys kept outside the database; rotating keeps old events verifiable."""

import base64

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from core.audit import audit_record, audit_verify
from core.audit_keys import audit_keys, parse_audit_keys
from core.models import AuditEvent
from core.tests.conftest import act

KEY_A = base64.b64encode(b"a" * 32).decode()
KEY_B = base64.b64encode(b"b" * 32).decode()


@pytest.fixture
def keys(settings):
    """Switch the configured keys for one test (the cached parse follows)."""

    def use(value: str) -> None:
        settings.NETRA_AUDIT_KEYS = value
        audit_keys.cache_clear()

    yield use
    audit_keys.cache_clear()


def test_the_first_key_is_current_and_every_key_verifies():
    parsed = parse_audit_keys(f"new:{KEY_B}, old:{KEY_A}")

    assert parsed.current_id == "new"
    assert set(parsed.keys) == {"new", "old"}


@pytest.mark.parametrize("value", ["", "nokey", f"a:{KEY_A},a:{KEY_B}", "a:not-base64!", "a:c2hvcnQ="])
def test_a_malformed_duplicate_or_short_key_is_refused(value):
    with pytest.raises(ImproperlyConfigured):
        parse_audit_keys(value)


@pytest.mark.django_db
@pytest.mark.usefixtures("test_audit_actions")
def test_events_are_signed_with_the_current_key_and_verify_after_a_rotation(keys):
    target = Group.objects.create(name="audit-target")
    keys(f"k1:{KEY_A}")
    first = audit_record(actor=None, action=act("one"), target=target)
    keys(f"k2:{KEY_B},k1:{KEY_A}")
    second = audit_record(actor=None, action=act("two"), target=target)

    assert (first.key_id, second.key_id) == ("k1", "k2")
    assert audit_verify() is None


@pytest.mark.django_db
@pytest.mark.usefixtures("test_audit_actions")
def test_an_event_whose_key_was_dropped_is_reported(keys):
    target = Group.objects.create(name="audit-target")
    keys(f"k1:{KEY_A}")
    event = audit_record(actor=None, action=act("one"), target=target)
    keys(f"k2:{KEY_B}")

    assert audit_verify() == event


@pytest.mark.django_db
@pytest.mark.usefixtures("test_audit_actions")
def test_a_rewrite_without_the_key_cannot_pass_itself_off_as_an_old_unkeyed_event():
    target = Group.objects.create(name="audit-target")
    audit_record(actor=None, action=act("one"), target=target)
    second = audit_record(actor=None, action=act("two"), target=target)
    audit_record(actor=None, action=act("three"), target=target)
    # As a database owner without the key would: turn the middle event into an "unkeyed" one, re-hashed with
    # plain SHA-256, and re-link the next one to it.
    from core import audit

    forged = AuditEvent.objects.get(pk=second.pk)
    forged.reason, forged.key_id = "rewritten", ""
    forged_hash = audit.event_digest(forged)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE core_auditevent SET reason = %s, key_id = '', hash = %s WHERE id = %s",
            ["rewritten", forged_hash, second.pk],
        )
        cursor.execute("UPDATE core_auditevent SET previous_hash = %s WHERE id = %s", [forged_hash, second.pk + 1])
        cursor.execute("SET session_replication_role = DEFAULT")

    broken = audit_verify()

    assert broken is not None and broken.pk in (second.pk, second.pk + 1)
