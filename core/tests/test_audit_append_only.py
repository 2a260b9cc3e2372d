import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction

from core.audit import audit_record, audit_verify
from core.models import AuditEvent
from core.tests.conftest import act

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_audit_actions")]


def test_postgresql_refuses_update_of_an_audit_event():
    event = audit_record(actor=None, action=act("test"), target=Group.objects.create(name="audit-target"))

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")

    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_postgresql_refuses_delete_of_an_audit_event():
    event = audit_record(actor=None, action=act("test"), target=Group.objects.create(name="audit-target"))

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_postgresql_refuses_truncate_of_the_audit_trail():
    audit_record(actor=None, action=act("test"), target=Group.objects.create(name="audit-target"))

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        # The test database lets TRUNCATE through for transactional tests' clean-up (root conftest.py);
        # this transaction turns the trigger on as migrations leave it everywhere else.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending deferred checks may block ALTER TABLE
        cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_no_truncate")
        cursor.execute("TRUNCATE core_auditevent")

    assert AuditEvent.objects.count() == 1


def test_audit_verify_reports_the_first_tampered_event():
    agency = Group.objects.create(name="audit-target")
    first = audit_record(actor=None, action=act("one"), target=agency)
    second = audit_record(actor=None, action=act("two"), target=agency)
    audit_record(actor=None, action=act("three"), target=agency)
    assert audit_verify() is None
    # Tamper as a database owner would: bypass the trigger for this session only.
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE core_auditevent SET reason = 'forged' WHERE id = %s", [second.pk])
        cursor.execute("SET session_replication_role = DEFAULT")

    broken = audit_verify()

    assert broken is not None and broken.pk == second.pk
    assert first.previous_hash == ""
