"""The public tables as people read them: each cell with its label and what to show ("123", "< 10" or "×")."""

from typing import Any

from django.utils.translation import gettext as _

from figures import labels
from figures.public.suppression import COMPLEMENTARY, PRIMARY
from figures.public.tables import NATIONAL, TABLES, Published
from figures.refresh.public_cells import UNKNOWN
from violations.models import ViolationType

TABLE_TITLES = {
    "reports_by_month": lambda: _("Reports received by month"),
    "cases_by_month": lambda: _("Cases registered by month"),
    "cases_by_violation": lambda: _("Cases by violation"),
    "outcomes": lambda: _("Cases by outcome"),
    "sanctions_by_level": lambda: _("Sanctions by level"),
}


def outcome_label(key: str) -> str:
    return {
        "in_process": _("in process"),
        "sanctioned": _("sanctioned"),
        "not_proven": _("not proven"),
        "annulled": _("decision annulled"),
        "stopped": _("dismissed or withdrawn"),
    }.get(key, key)


def cell_label(table: str, key: str, violations: dict[str, str]) -> str:
    if key == UNKNOWN:
        return labels.unknown()
    if table == "cases_by_violation":
        return f"{key} — {violations.get(key, key)}"
    if table == "outcomes":
        return outcome_label(key)
    if table == "sanctions_by_level":
        return labels.level(key)
    if key == "total":
        return _("Total")
    return key


def shown(cell: dict[str, Any], threshold: int) -> str:
    if cell["suppressed"] == PRIMARY:
        return f"< {threshold}"
    if cell["suppressed"] == COMPLEMENTARY:
        return "×"
    return f"{cell['value']:,}".replace(",", ".")


def scope_view(published: Published, scope: str) -> dict[str, Any] | None:
    data = published.scopes.get(scope)
    if data is None:
        return None
    violations = dict(ViolationType.objects.values_list("code", "name"))
    tables = []
    for table in TABLES:
        cells = [
            {**cell, "label": cell_label(table, cell["key"], violations), "shown": shown(cell, published.threshold)}
            for cell in data["tables"][table]
        ]
        tables.append({"key": table, "title": TABLE_TITLES[table](), "cells": cells})
    totals = {
        name: {**data["tables"][name][0], "shown": shown(data["tables"][name][0], published.threshold)}
        for name in ("reports_total", "cases_total")
    }
    name = _("All agencies") if scope == NATIONAL else next(a["name"] for a in published.agencies if a["code"] == scope)
    return {"scope": scope, "name": name, "tables": tables, "totals": totals, "median": data["median_days_to_decision"]}
