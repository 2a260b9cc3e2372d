"""What a widget is: a titled table of figures (the accessible form) that a chart draws (figures.charts), with the
drill-down narrowing of every row, and the percentile arithmetic the timing widget reads from a histogram."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

Value = int | float | str | None


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Value, ...]
    # The filters narrowing to this row (figures.filters field → value); None: no case list matches it.
    link: dict[str, str] | None = None


@dataclass
class Widget:
    key: str
    title: str
    counted: str  # what one unit of the figures is, in words
    columns: tuple[str, ...]  # the header of the label column, then one per value
    rows: list[Row]
    chart: str = "bar"  # bar, hbar, line, funnel or none
    charted: tuple[int, ...] = (0,)  # which value columns the chart draws
    total: Row | None = None
    note: str = ""
    extra: dict[str, Value] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(isinstance(value, int | float) and value for row in self.rows for value in row.values)


def share(part: int, whole: int) -> float | None:
    """part/whole as a percentage with one decimal, or None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def percentile(histogram: Sequence[tuple[int, int]], fraction: float) -> float | None:
    """The `fraction` percentile of the values a histogram [(value, count), …] holds, interpolated between the
    closest ranks like PostgreSQL's percentile_cont (the median is fraction 0.5)."""
    items = sorted((value, count) for value, count in histogram if count > 0)
    total = sum(count for _value, count in items)
    if not total:
        return None
    rank = fraction * (total - 1)
    lower, upper = _value_at(items, math.floor(rank)), _value_at(items, math.ceil(rank))
    return lower + (upper - lower) * (rank - math.floor(rank))


def _value_at(items: Sequence[tuple[int, int]], index: int) -> int:
    seen = 0
    for value, count in items:
        seen += count
        if index < seen:
            return value
    return items[-1][0]
