"""Indexes only PostgreSQL can hold (full-text expression indexes), added by migrations without breaking SQLite.

`make run` migrates SQLite, which has no `to_tsvector`; these indexes are therefore not declared in a model's Meta
(the autodetector would then emit them for every database) but created by `postgres_only_index`, a migration
operation that does nothing on another database. The queries that use them build the same expression
(`text_vector` below), which is what lets the planner match them.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Index

# The text search configuration of every full-text index and query (PostgreSQL ships `indonesian` since 13).
SEARCH_CONFIG = "indonesian"


def text_vector(*fields: str) -> SearchVector:
    """The document vector of `fields` as the full-text indexes hold it; a query must build it the same way."""
    return SearchVector(*fields, config=SEARCH_CONFIG)


def postgres_only_index(app_label: str, model_name: str, make_index: Callable[[], Index]) -> migrations.RunPython:
    def add(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(apps.get_model(app_label, model_name), make_index())

    def remove(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app_label, model_name), make_index())

    return migrations.RunPython(add, remove, elidable=False)
