"""The application's database role owns no table: it can append to the audit trail but neither rewrite it nor
switch its trigger off (the probe's `SET session_replication_role = replica` needs more than it has)."""

import os
from io import StringIO

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from core.audit import audit_record
from core.tests.conftest import act

# The app role's own connection sees only committed rows; the shared test data is restored afterwards.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("test_audit_actions"),
]


@pytest.fixture
def app_connection():
    role = f"netra_app_test_{os.getpid()}"
    call_command("db_app_role", "--role", role, stdout=StringIO())
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host", "127.0.0.1"),
        port=params.get("port", 5432),
        dbname=connection.settings_dict["NAME"],
        user=role,
        autocommit=True,
    ) as app:
        yield app
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')
        cursor.execute(f'DROP ROLE "{role}"')


def test_the_app_role_appends_to_the_audit_trail_but_cannot_rewrite_or_unlock_it(app_connection):
    event = audit_record(actor=None, action=act("one"), target=Group.objects.create(name="audit-target"))
    refused = []
    for statement, params in (
        ("UPDATE core_auditevent SET reason = 'rewritten' WHERE id = %s", [event.pk]),
        ("DELETE FROM core_auditevent WHERE id = %s", [event.pk]),
        ("TRUNCATE core_auditevent", []),
        ("SET session_replication_role = replica", []),
        ("ALTER TABLE core_auditevent DISABLE TRIGGER ALL", []),
    ):
        try:
            app_connection.execute(statement, params)
        except psycopg.errors.InsufficientPrivilege:
            refused.append(statement.split()[0])

    assert refused == ["UPDATE", "DELETE", "TRUNCATE", "SET", "ALTER"]
    assert app_connection.execute("SELECT count(*) FROM core_auditevent").fetchone() == (1,)


def test_the_app_role_reads_and_writes_the_data_tables(app_connection):
    Group.objects.create(name="before")

    app_connection.execute("INSERT INTO auth_group (name) VALUES ('by the app role')")
    app_connection.execute("UPDATE auth_group SET name = 'renamed' WHERE name = 'before'")

    names = set(Group.objects.values_list("name", flat=True))
    assert {"by the app role", "renamed"} <= names
    assert "before" not in names


def test_the_app_role_owns_nothing_and_has_no_special_rights(app_connection):
    row = app_connection.execute(
        "SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    owned = app_connection.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"
    ).fetchone()

    assert row == (False, False, False, False)
    assert owned == (0,)
