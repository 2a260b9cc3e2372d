from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from core.audit import audit_record
from core.tests.conftest import act

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_audit_actions")]


def test_an_intact_chain_is_reported_with_the_event_count():
    target = Group.objects.create(name="audit-target")
    for action in ("one", "two", "three"):
        audit_record(actor=None, action=act(action), target=target)
    out = StringIO()

    call_command("audit_verify", stdout=out)

    assert out.getvalue() == "intact: 3 events, 0 anchors\n"


def test_an_empty_trail_is_intact():
    out = StringIO()

    call_command("audit_verify", stdout=out)

    assert out.getvalue() == "intact: 0 events, 0 anchors\n"


def test_a_tampered_event_is_reported_and_the_command_fails():
    target = Group.objects.create(name="audit-target")
    audit_record(actor=None, action=act("one"), target=target)
    second = audit_record(actor=None, action=act("two"), target=target)
    audit_record(actor=None, action=act("three"), target=target)
    # Tamper as a database owner would: bypass the trigger for this session only.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE core_auditevent SET reason = 'forged' WHERE id = %s", [second.pk])
        cursor.execute("SET session_replication_role = DEFAULT")
    out = StringIO()

    with override("id"), pytest.raises(CommandError) as raised:
        call_command("audit_verify", stdout=out)

    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f"Jejak audit rusak pada peristiwa {second.pk} ({timezone.localtime(second.occurred_at).isoformat()}, two): "
        "diubah, dihapus, atau disambung ulang."
    )
    assert "+07:00, two)" in str(raised.value)
    assert out.getvalue() == ""
