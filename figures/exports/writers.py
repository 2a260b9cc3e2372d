"""Writing an export with bounded memory: CSV streamed row by row or by PostgreSQL COPY in slices of the primary key,
XLSX through XlsxWriter's constant-memory mode. `progress(rows_written)` is called every PROGRESS_EVERY rows."""

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import xlsxwriter
from django.db import connection
from django.db.models import QuerySet

from figures.exports.columns import cell

PROGRESS_EVERY = 5000
COPY_SLICE = 50_000
BOM = "\ufeff"  # so spreadsheet programs read the file as UTF-8
Progress = Callable[[int], None]


class _Line:
    """A file-like object csv.writer writes one line into, handed back as a string."""

    def __init__(self) -> None:
        self.value = ""

    def write(self, text: str) -> None:
        self.value = text


def csv_lines(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    line = _Line()
    writer = csv.writer(line)
    writer.writerow(headings)
    yield BOM + line.value
    for row in rows:
        writer.writerow([cell(value) for value in row])
        yield line.value


def write_csv(path: Path, headings: Sequence[str], rows: Iterable[Sequence[Any]], progress: Progress) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for count, text in enumerate(csv_lines(headings, rows)):
            out.write(text)
            if count and count % PROGRESS_EVERY == 0:
                progress(count)
    return count


def copy_csv(path: Path, headings: Sequence[str], rows: QuerySet[Any], key: str, progress: Progress) -> int:
    """PostgreSQL COPY of `rows` (a values_list queryset) in slices of `key`; rows are counted as they arrive."""
    bounds = rows.order_by().values_list(key, flat=True)
    written = 0
    with path.open("wb") as out:
        out.write((BOM + ",".join(_quoted(heading) for heading in headings) + "\r\n").encode())
        start = 0
        while True:
            edge = list(bounds.filter(**{f"{key}__gt": start}).order_by(key)[COPY_SLICE - 1 : COPY_SLICE])
            last = edge[0] if edge else None
            chunk = rows.filter(**{f"{key}__gt": start}, **({f"{key}__lte": last} if last is not None else {}))
            written += _copy(chunk, out)
            progress(written)
            if last is None:
                return written
            start = last


def _copy(queryset: QuerySet[Any], out: BinaryIO) -> int:
    sql, params = queryset.order_by().query.sql_with_params()
    lines = 0
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
        for data in copy:
            chunk = bytes(data)
            lines += chunk.count(b"\n")
            out.write(chunk)
    return lines


def _quoted(text: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([text])
    return buffer.getvalue().rstrip("\r\n")


def write_xlsx(
    target: Path | BinaryIO,
    headings: Sequence[str],
    rows: Iterable[Sequence[Any]],
    info: Sequence[tuple[str, str]],
    progress: Progress,
) -> int:
    """One sheet of rows (headings first, bold, frozen) and one of what the export counts (`info`)."""
    options = {"constant_memory": True} if isinstance(target, Path) else {"in_memory": True}
    workbook = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
    bold = workbook.add_format({"bold": True})
    sheet = workbook.add_worksheet("Data")
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, headings, bold)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.write_row(count, 0, [cell(value) for value in row])
        if count % PROGRESS_EVERY == 0:
            progress(count)
    about = workbook.add_worksheet("Info")
    for index, (label, value) in enumerate(info):
        about.write_row(index, 0, [label, value], None)
    workbook.close()
    return count
