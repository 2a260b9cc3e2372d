"""Public statistics: predefined tables only, every cell under the threshold hidden, and no hidden cell recoverable
by subtraction from a total, from the national table or from another table of the same population."""

import random

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from figures.public.suppression import COMPLEMENTARY, PRIMARY, Grid, suppress
from figures.public.tables import public_statistics
from figures.tests.test_views import _identity_in


def subtraction_attack(grid: Grid, threshold: int) -> dict:
    """What a reader recovers with the published cells: a hidden cell that is the only unknown of a sum (a total
    or a part), every unknown part of a sum whose known parts already reach it (they are zeros), and every
    unknown primary part when the rest can only be made of maxima (threshold − 1 each). Repeated to a fixed point."""
    known = {key: cell.value for key, cell in grid.cells.items() if not cell.hidden}
    progress = True
    while progress:
        progress = False
        for total, parts in grid.constraints:
            unknown = [key for key in (total, *parts) if key not in known]
            if len(unknown) == 1:
                key = unknown[0]
                rest = sum(known[part] for part in parts if part != key)
                known[key] = rest if key == total else known[total] - rest
                progress = True
            elif total in known and unknown:
                gap = known[total] - sum(known[part] for part in parts if part in known)
                primaries = [key for key in unknown if grid.cells[key].state == PRIMARY]
                if gap == 0 or (len(primaries) == len(unknown) and gap == len(unknown) * (threshold - 1)):
                    for key in unknown:
                        known[key] = 0 if gap == 0 else threshold - 1
                    progress = True
    return {key: value for key, value in known.items() if grid.cells[key].hidden}


def _table(rows: list[list[int]]) -> Grid:
    """A two-way table with row totals, column totals and the grand total, as the public tables are."""
    grid = Grid()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.add((r, c), value)
        grid.add((r, "total"), sum(row), is_total=True)
        grid.constrain((r, "total"), [(r, c) for c in range(len(row))])
    for c in range(len(rows[0])):
        grid.add(("total", c), sum(row[c] for row in rows), is_total=True)
        grid.constrain(("total", c), [(r, c) for r in range(len(rows))])
    grid.add(("total", "total"), sum(map(sum, rows)), is_total=True)
    grid.constrain(("total", "total"), [(r, "total") for r in range(len(rows))])
    grid.constrain(("total", "total"), [("total", c) for c in range(len(rows[0]))])
    return grid


def test_a_lone_small_cell_gets_a_partner_in_its_row_and_its_column():
    grid = suppress(_table([[3, 40, 50], [30, 25, 60], [45, 70, 80]]), 10)

    assert grid.cells[(0, 0)].state == PRIMARY
    assert [key for key, cell in grid.cells.items() if cell.state == COMPLEMENTARY] != []
    assert subtraction_attack(grid, 10) == {}


def test_cells_that_only_zeros_or_maxima_could_fill_are_protected():
    zeros = suppress(_table([[0, 0, 50], [30, 25, 60]]), 10)
    maxima = suppress(_table([[9, 9, 50], [30, 25, 60]]), 10)

    assert subtraction_attack(zeros, 10) == {}
    assert subtraction_attack(maxima, 10) == {}


@pytest.mark.parametrize("seed", range(40))
def test_no_suppressed_cell_of_a_random_table_can_be_recovered(seed):
    rng = random.Random(seed)
    rows = [
        [rng.choice([0, 1, 2, 5, 9, 10, 12, 30, 100]) for _ in range(rng.randint(2, 6))]
        for _ in range(rng.randint(2, 6))
    ]
    width = len(rows[0])
    rows = [row[:width] + [0] * (width - len(row)) for row in rows]
    grid = suppress(_table(rows), 10)

    assert all(cell.hidden for cell in grid.cells.values() if cell.value < 10)
    assert subtraction_attack(grid, 10) == {}


def test_the_public_tables_of_the_world_hide_every_small_cell_and_leak_nothing(world):
    published = public_statistics()
    national = published.scopes["national"]["tables"]
    lebong = published.scopes[world.agency.code]["tables"]

    assert published.threshold == 10
    assert lebong["cases_total"] == [{"key": "total", "value": None, "suppressed": PRIMARY}]
    assert all(cell["value"] is None for table in lebong.values() for cell in table)
    assert {cell["suppressed"] for cell in national["outcomes"]} <= {PRIMARY, COMPLEMENTARY}
    assert published.scopes["national"]["median_days_to_decision"] == {"value": None, "suppressed": PRIMARY}


def test_a_big_cell_is_hidden_when_a_small_agency_could_be_read_off_the_national_table(world):
    from figures.models import PublicCell
    from figures.public.tables import _counts, _grid, _keys

    PublicCell.objects.filter(agency=world.agency, table="cases_by_month", key="2024-10").update(value=40)
    PublicCell.objects.filter(agency=world.agency, table="cases_total").update(value=44)
    counts, _names = _counts()
    grid = suppress(_grid(counts, _keys(counts)), 10)

    # National October = Lebong's 40 + Rejang's 1: showing both 40 and the national 41 would give Rejang's 1 away.
    assert grid.cells[(world.other_agency.code, "cases_by_month", "2024-10")].state == PRIMARY
    assert grid.cells[(world.agency.code, "cases_by_month", "2024-10")].state == COMPLEMENTARY
    assert subtraction_attack(grid, 10) == {}


def test_the_threshold_is_a_setting_never_below_five(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("NETRA_FIGURES_SUPPRESSION_THRESHOLD", "4")
    with pytest.raises(ImproperlyConfigured):
        importlib.reload(base)
    monkeypatch.setenv("NETRA_FIGURES_SUPPRESSION_THRESHOLD", "10")
    importlib.reload(base)


def test_the_page_and_the_api_publish_the_tables_without_identity(world, client):
    page = client.get(reverse("statistics:public"), {"agency": world.agency.code})
    api = client.get(reverse("api-public-statistics"), {"agency": world.agency.code})
    body = api.json()

    assert page.status_code == 200 and api.status_code == 200
    assert "&lt; 10" in page.content.decode()
    assert [table["key"] for table in body["national"]["tables"]] == [
        "reports_by_month",
        "cases_by_month",
        "cases_by_violation",
        "outcomes",
        "sanctions_by_level",
    ]
    assert body["agency"]["scope"] == world.agency.code
    assert _identity_in(page.content.decode() + api.content.decode()) == []
    assert "unit" not in api.content.decode().lower().replace("units", "")
    assert client.get(reverse("api-public-statistics"), {"agency": "nope"}).status_code == 404


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    assert set(schema["paths"]["/api/v1/public/statistics/"]) == {"get"}


def test_cells_across_tables_of_one_population_share_their_total(world):
    from figures.public.tables import _counts, _grid, _keys

    counts, _names = _counts()
    grid = _grid(counts, _keys(counts))
    code = world.agency.code
    totals = [total for total, parts in grid.constraints if total == (code, "cases_total", "total")]

    assert len(totals) == 3  # by month, by violation, by outcome
