"""Statistical disclosure control of the public tables (docs/statistics.md, "Suppression").

The tables are cells tied by additive constraints: a total is the sum of its parts (an agency's months, its
violations, its outcomes; a national cell is the sum of the agencies'; the sanctioned outcome is the total of the
sanctions by level). Primary suppression hides every cell under the threshold (shown as "< 10"). Complementary
suppression then hides further cells until no hidden cell can be worked out: the attack it guards against is the
one a reader can run with the published tables — interval arithmetic over every constraint (a hidden primary cell
lies in [0, threshold − 1], a hidden complementary one is at least the threshold; subtraction from a total, a
total reached from its parts, the other tables of the same population), repeated until nothing moves. As long as
one hidden cell's interval closes on a single value, the smallest shown cell of one of its constraints is hidden
too (a part rather than a total). The result is checked by an independent subtraction attack in the tests.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

SHOWN, PRIMARY, COMPLEMENTARY = "", "primary", "complementary"
_BIG = 10**15  # no upper bound known
_MAX_PASSES = 200


@dataclass
class Cell:
    value: int
    state: str = SHOWN
    is_total: bool = False

    @property
    def hidden(self) -> bool:
        return self.state != SHOWN


@dataclass
class Grid:
    cells: dict[Hashable, Cell] = field(default_factory=dict)
    # (total, parts): cells[total].value == sum(cells[part].value for part in parts)
    constraints: list[tuple[Hashable, Sequence[Hashable]]] = field(default_factory=list)

    def add(self, key: Hashable, value: int, *, is_total: bool = False) -> None:
        self.cells[key] = Cell(value=value, is_total=is_total)

    def constrain(self, total: Hashable, parts: Sequence[Hashable]) -> None:
        self.constraints.append((total, parts))


def _start(cell: Cell, threshold: int) -> list[int]:
    if cell.state == SHOWN:
        return [cell.value, cell.value]
    return [0, threshold - 1] if cell.state == PRIMARY else [threshold, _BIG]


def attack(grid: Grid, threshold: int) -> dict[Hashable, list[int]]:
    """What a reader can tell of every cell: [lowest, highest] value, by interval arithmetic to a fixed point."""
    bounds = {key: _start(cell, threshold) for key, cell in grid.cells.items()}
    active = [(total, parts) for total, parts in grid.constraints if _touches_hidden(grid, total, parts)]
    for _pass in range(_MAX_PASSES):
        changed = False
        for total, parts in active:
            changed |= _tighten(bounds, total, parts)
        if not changed:
            break
    return bounds


def _touches_hidden(grid: Grid, total: Hashable, parts: Sequence[Hashable]) -> bool:
    return grid.cells[total].hidden or any(grid.cells[part].hidden for part in parts)


def _tighten(bounds: dict[Hashable, list[int]], total: Hashable, parts: Sequence[Hashable]) -> bool:
    low = sum(bounds[part][0] for part in parts)
    high = sum(min(bounds[part][1], _BIG) for part in parts)
    changed = False
    t = bounds[total]
    if low > t[0] or high < t[1]:
        t[0], t[1] = max(t[0], low), min(t[1], high)
        changed = True
    for part in parts:
        p = bounds[part]
        new_low = max(p[0], t[0] - (high - min(p[1], _BIG)))
        new_high = min(p[1], t[1] - (low - p[0]))
        if new_low != p[0] or new_high != p[1]:
            p[0], p[1] = new_low, new_high
            changed = True
    return changed


def exposed(grid: Grid, threshold: int) -> list[Hashable]:
    """Hidden cells the attack pins down to one value."""
    bounds = attack(grid, threshold)
    return [key for key, cell in grid.cells.items() if cell.hidden and bounds[key][0] == bounds[key][1]]


def _partner(grid: Grid, key: Hashable) -> Hashable | None:
    """The cell to hide with `key`: the smallest shown part (else total) of the constraints it belongs to."""
    candidates: list[tuple[bool, int, str, Hashable]] = []
    for total, parts in grid.constraints:
        if key != total and key not in parts:
            continue
        for other in (total, *parts):
            cell = grid.cells[other]
            if other != key and not cell.hidden:
                candidates.append((cell.is_total, cell.value, repr(other), other))
    return min(candidates)[3] if candidates else None


def suppress(grid: Grid, threshold: int) -> Grid:
    """Hide the cells under `threshold` and as many more as needed (see the module docstring); returns the grid."""
    for cell in grid.cells.values():
        if cell.value < threshold:
            cell.state = PRIMARY
    while True:
        open_cells = exposed(grid, threshold)
        added = False
        for key in open_cells:
            partner = _partner(grid, key)
            if partner is not None and not grid.cells[partner].hidden:
                grid.cells[partner].state = COMPLEMENTARY
                added = True
        if not added:
            return grid
