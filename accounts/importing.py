"""Importing the civil-servant register from a CSV extract (the format is described in docs/csv-import.md).

Idempotent by NIP: a known NIP updates its row. Each row is written in its own savepoint, so a bad row imports
nothing of itself and does not stop the others. Superiors are resolved after parsing, so a row may name a
superior that appears later in the file; superiors are written before their subordinates.
"""

import copy
import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from accounts.models import Agency, CivilServant, Unit
from accounts.nip import parse_nip
from core.errors import DomainError

REQUIRED_COLUMNS = ("nip", "name", "employee_type", "position_title", "position_kind", "unit_code")
OPTIONAL_COLUMNS = ("functional_level", "rank", "unit_name", "superior_nip")
_IMPORTED_FIELDS = ("name", "employee_type", "position_title", "position_kind", "functional_level", "rank", "unit")
_COMPARED_FIELDS = (*(name for name in _IMPORTED_FIELDS if name != "unit"), "unit_id")

Kind = CivilServant.PositionKind
Level = CivilServant.FunctionalLevel


def _key(value: str) -> str:
    """Compare labels loosely: case, spaces, hyphens and underscores do not matter."""
    return "".join(ch for ch in value.casefold() if ch.isalnum())


_EMPLOYEE_TYPES = {_key(choice.value): choice.value for choice in CivilServant.EmployeeType}
_POSITION_KINDS = {
    **{_key(choice.value): choice.value for choice in Kind},
    _key("JPT Pratama"): Kind.JPT_PRATAMA,
    _key("Jabatan Pimpinan Tinggi Pratama"): Kind.JPT_PRATAMA,
    _key("Pengawas"): Kind.SUPERVISOR,
    _key("Pelaksana"): Kind.EXECUTOR,
    _key("Fungsional"): Kind.FUNCTIONAL,
}
_FUNCTIONAL_LEVELS = {_key(choice.value): choice.value for choice in Level if choice.value} | {
    _key(str(choice.label)): choice.value for choice in Level if choice.value
}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        line = _("created %(created)d, updated %(updated)d, failed %(failed)d") % {
            "created": self.created,
            "updated": self.updated,
            "failed": self.failed,
        }
        if self.unchanged:
            line += _("; %(count)d unchanged") % {"count": self.unchanged}
        return line


@dataclass
class _Row:
    line: int
    nip: str
    name: str
    employee_type: str
    position_title: str
    position_kind: str
    functional_level: str
    rank: str
    unit_code: str
    unit_name: str
    superior_nip: str | None  # None: the file has no superior column, leave the superior as it is


class _RowInvalid(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- reading the file -------------------------------------------------------------------------------


def read_csv_file(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """Read a CSV file (UTF-8 with or without BOM, comma or semicolon). Raises DomainError for an unusable file."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DomainError("csv_missing", _("File not found: %(path)s") % {"path": path}) from None
    except IsADirectoryError:
        raise DomainError("csv_missing", _("%(path)s is a folder, not a CSV file.") % {"path": path}) from None
    except OSError as error:
        raise DomainError(
            "csv_unreadable", _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from None
    if b"\x00" in raw:
        raise DomainError("csv_not_text", _("%(path)s is not a CSV file (it contains binary data).") % {"path": path})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(
            "csv_not_utf8", _("%(path)s is not UTF-8 text; save it as CSV UTF-8.") % {"path": path}
        ) from None
    return read_csv_text(text)


def read_csv_text(text: str) -> list[tuple[int, dict[str, str]]]:
    """Parse CSV text into (line number, row by lower-case column name); blank lines are skipped."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise DomainError("csv_empty", _("The file is empty: the first line must name the columns."))
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(first_line, delimiters=",;")
    except csv.Error:
        raise DomainError(
            "csv_format",
            _("This is not a CSV file with comma- or semicolon-separated columns: the first line must name them."),
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter, quotechar='"')
    header = [_column_name(name) for name in next(reader)]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise DomainError(
            "csv_columns",
            _("Required columns are missing: %(columns)s. The first line must name the columns.")
            % {"columns": ", ".join(missing)},
        )
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    for values in reader:
        if any(value.strip() for value in values):
            padded = values + [""] * (len(header) - len(values))
            rows.append((line, {name: value.strip() for name, value in zip(header, padded, strict=False) if name}))
        line = reader.line_num + 1
    return rows


def _column_name(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


# --- checking one row -------------------------------------------------------------------------------


def _parse_row(line: int, values: Mapping[str, str], has_superior_column: bool) -> _Row:
    nip = values.get("nip", "").replace(" ", "")
    try:
        parse_nip(nip)
    except ValidationError as error:
        raise _RowInvalid(_("invalid NIP “%(nip)s”: %(reason)s") % {"nip": nip, "reason": error.messages[0]}) from None
    for column in REQUIRED_COLUMNS:
        if not values.get(column):
            raise _RowInvalid(_("the column “%(column)s” is empty") % {"column": column})
    employee_type = _EMPLOYEE_TYPES.get(_key(values["employee_type"]))
    if employee_type is None:
        raise _RowInvalid(
            _("unknown employee type “%(value)s” (expected PNS or PPPK)") % {"value": values["employee_type"]}
        )
    position_kind, functional_level = _position(values)
    superior_nip = values.get("superior_nip", "").replace(" ", "") if has_superior_column else None
    if superior_nip == nip:
        raise _RowInvalid(_("a civil servant cannot be their own superior"))
    return _Row(
        line=line,
        nip=nip,
        name=values["name"],
        employee_type=employee_type,
        position_title=values["position_title"],
        position_kind=position_kind,
        functional_level=functional_level,
        rank=values.get("rank", ""),
        unit_code=values["unit_code"],
        unit_name=values.get("unit_name", ""),
        superior_nip=superior_nip,
    )


def _position(values: Mapping[str, str]) -> tuple[str, str]:
    """The row's position kind and functional level (a level only for a functional position)."""
    position_kind = _POSITION_KINDS.get(_key(values["position_kind"]))
    if position_kind is None:
        raise _RowInvalid(
            _(
                "unknown position kind “%(value)s” (expected JPT Pratama, Administrator, Pengawas, Pelaksana or "
                "Fungsional)"
            )
            % {"value": values["position_kind"]}
        )
    if not values.get("functional_level"):
        return position_kind, ""
    functional_level = _FUNCTIONAL_LEVELS.get(_key(values["functional_level"]), "")
    if not functional_level:
        raise _RowInvalid(_("unknown functional level “%(value)s”") % {"value": values["functional_level"]})
    if position_kind != Kind.FUNCTIONAL:
        raise _RowInvalid(_("a functional level is only given for a functional position"))
    return position_kind, functional_level


def _superiors_first(rows: list[_Row], result: ImportResult) -> list[_Row]:
    """Order rows so a superior in the file is written before its subordinates; rows in a cycle fail."""
    by_nip = {row.nip: row for row in rows}
    ordered: list[_Row] = []
    state: dict[str, str] = {}  # nip -> "visiting" | "done" | "cycle"
    for start in rows:
        chain: list[_Row] = []
        row: _Row | None = start
        while row is not None and row.nip not in state:
            state[row.nip] = "visiting"
            chain.append(row)
            row = by_nip.get(row.superior_nip or "")
        if row is not None and state[row.nip] == "visiting":
            # The walk came back to a row of this chain: every row from there on is in the cycle.
            cycle = chain[chain.index(row) :]
            lines = ", ".join(str(item.line) for item in cycle)
            for item in cycle:
                state[item.nip] = "cycle"
                result.errors.append(
                    RowError(item.line, _("the superiors form a cycle (lines %(lines)s)") % {"lines": lines})
                )
            chain = chain[: chain.index(row)]
        for item in reversed(chain):
            state[item.nip] = "done"
            ordered.append(item)
    return ordered


# --- writing -----------------------------------------------------------------------------------------


def _unit_for(row: _Row, agency: Agency, units: dict[str, Unit]) -> Unit:
    if row.unit_code in units:
        return units[row.unit_code]
    try:
        validate_slug(row.unit_code)
    except ValidationError:
        raise _RowInvalid(
            _("unit code “%(code)s” may contain only letters, digits, hyphens and underscores")
            % {"code": row.unit_code}
        ) from None
    unit = Unit.objects.filter(agency=agency, code=row.unit_code).first()
    if unit is None:
        if not row.unit_name:
            raise _RowInvalid(_("unknown unit “%(code)s”: give its unit_name to create it") % {"code": row.unit_code})
        unit = Unit(agency=agency, code=row.unit_code, name=row.unit_name)
        unit.full_clean()
        unit.save(force_insert=True)
    return unit


class _Known:
    """The register entries an import touches, loaded in one query and completed as rows are written."""

    def __init__(self, nips: set[str]) -> None:
        self.by_nip = {servant.nip: servant for servant in CivilServant.objects.filter(nip__in=nips)}
        self.by_pk = {servant.pk: servant for servant in self.by_nip.values()}

    def get(self, nip: str) -> CivilServant | None:
        return self.by_nip.get(nip)

    def get_by_pk(self, pk: int) -> CivilServant | None:
        return self.by_pk.get(pk) or CivilServant.objects.filter(pk=pk).first()

    def add(self, servant: CivilServant) -> None:
        self.by_nip[servant.nip] = self.by_pk[servant.pk] = servant


def _write_row(
    row: _Row, *, agency: Agency, units: dict[str, Unit], known: _Known, failed_lines: dict[str, int]
) -> tuple[str, CivilServant]:
    """Create or update one civil servant; returns "created", "updated" or "unchanged" and the row's servant."""
    superior: CivilServant | None = None
    if row.superior_nip:
        if row.superior_nip in failed_lines:
            raise _RowInvalid(
                _("the superior %(nip)s (line %(line)d) was not imported")
                % {"nip": row.superior_nip, "line": failed_lines[row.superior_nip]}
            )
        superior = known.get(row.superior_nip)
        if superior is None:
            raise _RowInvalid(
                _("the superior's NIP %(nip)s is neither in the register nor in the file") % {"nip": row.superior_nip}
            )
    unit = _unit_for(row, agency, units)
    existing = known.get(row.nip)
    # A copy: if the row fails, the entry other rows see stays as stored.
    servant, outcome = (copy.copy(existing), "updated") if existing else (CivilServant(nip=row.nip), "created")
    for name in _IMPORTED_FIELDS:
        setattr(servant, name, unit if name == "unit" else getattr(row, name))
    if row.superior_nip is not None:
        servant.direct_superior = superior
        if superior is not None and existing is not None and _reaches(superior, existing, known):
            raise _RowInvalid(_("the superior %(nip)s is already below this civil servant") % {"nip": row.superior_nip})
    if existing is not None and all(
        getattr(servant, name) == getattr(existing, name) for name in (*_COMPARED_FIELDS, "direct_superior_id")
    ):
        return "unchanged", existing
    try:
        # Unit and superior were just looked up and the NIP is known to be new or this row's own: only the
        # fields' own rules are left to check. The database still enforces every constraint.
        servant.full_clean(exclude=["unit", "direct_superior"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise _RowInvalid(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        ) from None
    servant.save()
    return outcome, servant


def _reaches(start: CivilServant, target: CivilServant, known: _Known) -> bool:
    """Whether `target` is `start` or one of its superiors up the line."""
    seen: set[int] = set()
    current: CivilServant | None = start
    while current is not None and current.pk not in seen:
        if current.pk == target.pk:
            return True
        seen.add(current.pk)
        current = known.get_by_pk(current.direct_superior_id) if current.direct_superior_id else None
    return False


@transaction.atomic
def civil_servants_import(
    *, rows: Iterable[tuple[int, Mapping[str, str]]], agency: Agency, dry_run: bool = False
) -> ImportResult:
    """Create or update the civil servants of `rows` ((line number, values by column) as read_csv_* return).

    Units unknown in `agency` are created. With `dry_run` everything is checked and then rolled back.
    """
    result = ImportResult(dry_run=dry_run)
    parsed, failed_lines = _parse_rows(list(rows), result)
    ordered = _superiors_first(parsed, result)
    written = {id(row) for row in ordered}
    failed_lines.update({row.nip: row.line for row in parsed if id(row) not in written})
    _write_rows(ordered, agency=agency, failed_lines=failed_lines, result=result)
    result.errors.sort(key=lambda error: error.line)
    if dry_run:
        transaction.set_rollback(True)
    return result


def _parse_rows(rows: list[tuple[int, Mapping[str, str]]], result: ImportResult) -> tuple[list[_Row], dict[str, int]]:
    """The rows that parse (a repeated NIP fails), and the first line of each NIP that failed."""
    has_superior_column = any("superior_nip" in values for _line, values in rows)
    parsed: list[_Row] = []
    first_line: dict[str, int] = {}
    failed_lines: dict[str, int] = {}
    for line, values in rows:
        try:
            row = _parse_row(line, values, has_superior_column)
            if row.nip in first_line:
                raise _RowInvalid(
                    _("the NIP %(nip)s is already on line %(line)d") % {"nip": row.nip, "line": first_line[row.nip]}
                )
        except _RowInvalid as error:
            result.errors.append(RowError(line, error.message))
            nip = values.get("nip", "").replace(" ", "")
            if nip and nip not in first_line:
                failed_lines.setdefault(nip, line)
            continue
        first_line[row.nip] = line
        parsed.append(row)
    return parsed, failed_lines


def _write_rows(ordered: list[_Row], *, agency: Agency, failed_lines: dict[str, int], result: ImportResult) -> None:
    """Write each row in its own savepoint, superiors first; a failed row is counted and named in `result`."""
    units: dict[str, Unit] = {}
    known = _Known({row.nip for row in ordered} | {row.superior_nip for row in ordered if row.superior_nip})
    for row in ordered:
        try:
            with transaction.atomic():
                outcome, servant = _write_row(row, agency=agency, units=units, known=known, failed_lines=failed_lines)
        except _RowInvalid as error:
            failed_lines[row.nip] = row.line
            result.errors.append(RowError(row.line, error.message))
            continue
        except DatabaseError as error:
            failed_lines[row.nip] = row.line
            message = _("the database refused the row: %(error)s") % {"error": str(error).splitlines()[0]}
            result.errors.append(RowError(row.line, message))
            continue
        known.add(servant)
        units[row.unit_code] = servant.unit
        setattr(result, outcome, getattr(result, outcome) + 1)
