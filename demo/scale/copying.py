"""Bulk writing by PostgreSQL COPY in a model's own shape: every concrete column is written, those a row does not
give take the field's default (as the ORM would), so a column another app adds keeps working. Ids are allocated
up front (the sequence is moved past them afterwards), so rows of one table can point at rows of another."""

import json
from collections.abc import Iterable
from typing import Any

from django.db import connection, models

from core import clock

_NOW = clock.now()


def _columns(model: type[models.Model]) -> list[models.Field]:  # type: ignore[type-arg]
    return list(model._meta.concrete_fields)


def _value(field: models.Field, row: dict[str, Any]) -> Any:  # type: ignore[type-arg]
    for name in (field.attname, field.name):
        if name in row:
            value = row[name]
            break
    else:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return _NOW
        value = field.get_default() if field.has_default() or not field.null else None
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def next_id(model: type[models.Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{model._meta.db_table}"')  # noqa: S608  (from _meta)
        return int(cursor.fetchone()[0])


def copy_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    """COPY `rows` (dicts of field name → value, each with its id) into the model's table; returns how many."""
    fields = _columns(model)
    names = ", ".join(f'"{field.column}"' for field in fields)
    written = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f'COPY "{model._meta.db_table}" ({names}) FROM STDIN') as copy,
    ):
        for row in rows:
            copy.write_row([_value(field, row) for field in fields])
            written += 1
    return written


def move_sequence(model: type[models.Model]) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        sequence = f"pg_get_serial_sequence('\"{table}\"', 'id')"
        cursor.execute(f'SELECT setval({sequence}, (SELECT COALESCE(MAX(id), 1) FROM "{table}"))')  # noqa: S608
