"""Migration 0010 encrypts existing reporters' identities, and reversing it decrypts them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from violations.tests.factories import ReportFactory

BEFORE = [("violations", "0009_recommendation_unique_on_sqlite")]
AFTER = [("violations", "0010_reporter_identity_encrypted")]


def _migrate(targets: list[tuple[str, str]] | None) -> None:
    """Migrate to `targets`, or with None back to every app's latest migration (later migrations than 0010 too:
    the tests after this one need the whole schema)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets if targets is not None else executor.loader.graph.leaf_nodes())


def _raw() -> tuple[str, str, str, str]:
    hash_column = "phone_hash" if _has_hashes() else "''"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, phone, email, {hash_column} FROM violations_reporter")  # noqa: S608
        return cursor.fetchone()


def _has_hashes() -> bool:
    with connection.cursor() as cursor:
        columns = [
            column.name for column in connection.introspection.get_table_description(cursor, "violations_reporter")
        ]
    return "phone_hash" in columns


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_decrypts_backwards_and_encrypts_forwards():
    reporter = ReportFactory(
        reporter={"name": "Siti Aminah", "phone": "081234567890", "email": "s@example.com"}
    ).reporter
    try:
        _migrate(BEFORE)
        assert _raw() == ("Siti Aminah", "081234567890", "s@example.com", "")

        _migrate(AFTER)
        name, phone, email, phone_hash = _raw()
    finally:
        _migrate(None)

    assert (name[:8], phone[:8], email[:8]) == ("enc1:f2:",) * 3
    assert phone_hash == reporter.phone_hash != ""
    reporter.refresh_from_db()
    assert (reporter.name, reporter.phone, reporter.email) == ("Siti Aminah", "081234567890", "s@example.com")
