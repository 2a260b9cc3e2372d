"""The public statistics (docs/statistics.md, "Public statistics"): predefined tables per agency and nationally,
read from the public cells (figures.refresh.public_cells) and suppressed together (figures.public.suppression),
so no hidden cell can be worked out from a total, from the national table or from another table. No unit-level
table exists. The median time to decision is shown only when it rests on at least `threshold` decisions.

The result is cached until the cells change (RefreshState.public_version) or the threshold does.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from accounts.models import Agency
from figures.models import PublicCell, RefreshState
from figures.public.suppression import Grid, suppress
from figures.refresh.public_cells import LEVEL_KEYS, OUTCOME_KEYS, UNKNOWN
from figures.widgets.base import percentile
from violations.models import ViolationType

NATIONAL = "national"
MONTH_TABLES = ("reports_by_month", "cases_by_month")
CASE_PARTITIONS = ("cases_by_month", "cases_by_violation", "outcomes")
TABLES = ("reports_by_month", "cases_by_month", "cases_by_violation", "outcomes", "sanctions_by_level")
TOTALS = {"reports_by_month": "reports_total", **dict.fromkeys(CASE_PARTITIONS, "cases_total")}
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Published:
    threshold: int
    version: int
    as_of: str
    agencies: list[dict[str, str]]
    scopes: dict[str, dict[str, Any]]  # scope (NATIONAL or an agency code) → its tables


def _keys(counts: dict[str, dict[str, dict[str, int]]]) -> dict[str, list[str]]:
    months = {
        table: sorted({key for scope in counts.values() for key in scope.get(table, {})}) for table in MONTH_TABLES
    }
    codes = [*ViolationType.objects.order_by("sort_order", "code").values_list("code", flat=True), UNKNOWN]
    return {
        **months,
        "cases_by_violation": codes,
        "outcomes": list(OUTCOME_KEYS),
        "sanctions_by_level": list(LEVEL_KEYS),
    }


def _counts() -> tuple[dict[str, dict[str, dict[str, int]]], dict[str, str]]:
    codes = dict(Agency.objects.values_list("pk", "code"))
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for agency_id, table, key, value in PublicCell.objects.values_list("agency_id", "table", "key", "value"):
        counts[codes[agency_id]][table][key] = value
    names = dict(Agency.objects.values_list("code", "name"))
    return counts, {code: names[code] for code in sorted(counts)}


def _grid(counts: dict[str, dict[str, dict[str, int]]], keys: dict[str, list[str]]) -> Grid:
    grid = Grid()
    scopes = sorted(counts)
    for scope in [*scopes, NATIONAL]:
        members = scopes if scope == NATIONAL else [scope]
        for total in ("reports_total", "cases_total"):
            grid.add((scope, total, "total"), sum(counts[m][total].get("total", 0) for m in members), is_total=True)
        for table in TABLES:
            for key in keys[table]:
                grid.add(
                    (scope, table, key), sum(counts[m][table].get(key, 0) for m in members), is_total=scope == NATIONAL
                )
            margin = TOTALS.get(table)
            parts = [(scope, table, key) for key in keys[table]]
            grid.constrain((scope, margin, "total") if margin else (scope, "outcomes", "sanctioned"), parts)
    for table in [*TABLES, "reports_total", "cases_total"]:
        for key in keys.get(table, ["total"]):
            grid.constrain((NATIONAL, table, key), [(scope, table, key) for scope in scopes])
    return grid


def _median(histograms: list[dict[str, int]], threshold: int) -> dict[str, Any]:
    merged: dict[int, int] = defaultdict(int)
    for histogram in histograms:
        for days, count in histogram.items():
            if days.lstrip("-").isdigit():
                merged[int(days)] += count
    decisions = sum(merged.values())
    if decisions < threshold:
        return {"value": None, "suppressed": "primary"}
    return {"value": percentile(sorted(merged.items()), 0.5), "suppressed": ""}


def _scope(grid: Grid, scope: str, keys: dict[str, list[str]], median: dict[str, Any]) -> dict[str, Any]:
    def cells(table: str, table_keys: list[str]) -> list[dict[str, Any]]:
        out = []
        for key in table_keys:
            cell = grid.cells[(scope, table, key)]
            out.append({"key": key, "value": None if cell.hidden else cell.value, "suppressed": cell.state})
        return out

    tables = {table: cells(table, keys[table]) for table in TABLES}
    tables["reports_total"] = cells("reports_total", ["total"])
    tables["cases_total"] = cells("cases_total", ["total"])
    return {"tables": tables, "median_days_to_decision": median}


def _compute(threshold: int, version: int, as_of: str) -> Published:
    counts, names = _counts()
    keys = _keys(counts)
    grid = suppress(_grid(counts, keys), threshold)
    scopes = {code: _scope(grid, code, keys, _median([counts[code]["decision_days"]], threshold)) for code in names}
    scopes[NATIONAL] = _scope(grid, NATIONAL, keys, _median([c["decision_days"] for c in counts.values()], threshold))
    agencies = [{"code": code, "name": name} for code, name in names.items()]
    return Published(threshold=threshold, version=version, as_of=as_of, agencies=agencies, scopes=scopes)


def public_statistics() -> Published:
    """The suppressed tables of every agency and the nation (cached until the cells change)."""
    state = RefreshState.objects.filter(pk=1).first()
    version = state.public_version if state else 0
    as_of = state.refreshed_at.isoformat() if state and state.refreshed_at else ""
    threshold = max(5, int(settings.NETRA_FIGURES_SUPPRESSION_THRESHOLD))
    key = f"figures:public:v1:{version}:{threshold}"
    published = cache.get(key)
    if published is None:
        published = _compute(threshold, version, as_of)
        cache.set(key, published, CACHE_SECONDS)
    return published
