"""The organisations and people of the scale data: agencies (codes "skala-0001"…), their units, one intake officer
and one leadership account per agency, one Bawaslu office per agency and three elections — each through its service
(accounts.services, violations.services), as the demo builds them — and the civil servants, written by COPY like
the cases (a register import of a quarter of a million people would take as long as the cases through services)."""

import random
from dataclasses import dataclass, field

from accounts import services as account_services
from accounts.models import Agency, BawasluOffice, CivilServant, Unit, User
from accounts.roles import Role
from demo.scale.copying import copy_rows, move_sequence, next_id
from violations.models import Election
from violations.services.elections import election_create
from violations.services.forwardings import bawaslu_office_create

PREFIX = "skala-"
UNITS_PER_AGENCY = 24
UNIT_NAMES = ("Dinas Pendidikan", "Dinas Kesehatan", "Dinas Sosial", "Kecamatan", "Badan Keuangan", "Sekretariat")
POSITION_KINDS = [
    ("functional", 0.45),
    ("executor", 0.3),
    ("supervisor", 0.12),
    ("administrator", 0.1),
    ("jpt_pratama", 0.03),
]
ELECTIONS = [
    ("Pemilu Serentak 2024 (skala)", "pemilu", 2024),
    ("Pilkada Serentak 2024 (skala)", "pilkada", 2024),
    ("Pilkada Serentak 2020 (skala)", "pilkada", 2020),
]


@dataclass
class ScaleAgency:
    agency: Agency
    officer: User
    office: BawasluOffice
    servants: list[tuple[int, str, str, int]] = field(default_factory=list)  # id, nip, name, unit id


def agencies_ensure(count: int) -> list[Agency]:
    existing = {agency.code: agency for agency in Agency.objects.filter(code__startswith=PREFIX)}
    for number in range(1, count + 1):
        code = f"{PREFIX}{number:04d}"
        if code not in existing:
            existing[code] = account_services.agency_create(
                code=code, name=f"Pemerintah Kabupaten Skala {number:04d}", region_name=f"Kabupaten Skala {number:04d}"
            )
    return [existing[f"{PREFIX}{number:04d}"] for number in range(1, count + 1)]


def _account(agency: Agency, role: Role, prefix: str) -> User:
    username = f"{prefix}-{agency.code}"
    user = User.objects.filter(username=username).first()
    if user is None:
        user = account_services.staff_account_create(
            username=username, first_name=f"{prefix.title()} {agency.code}", agency=agency, roles=[role]
        )
    return user


def _units(agency: Agency) -> list[int]:
    units = list(Unit.objects.filter(agency=agency).values_list("pk", flat=True))
    if units:
        return units
    names = [(f"u{n:02d}", f"{UNIT_NAMES[n % len(UNIT_NAMES)]} {n + 1}") for n in range(UNITS_PER_AGENCY)]
    return [account_services.unit_create(agency=agency, code=code, name=name).pk for code, name in names]


def _nip(serial: int) -> str:
    """A well-formed NIP unique per serial (a mixed-radix spelling of it: sequence, day, month, birth year)."""
    sequence, rest = serial % 1000, serial // 1000
    day, rest = 1 + rest % 28, rest // 28
    month, rest = 1 + rest % 12, rest // 12
    year = 1960 + rest % 40
    return f"{year}{month:02d}{day:02d}{1990 + serial % 30}03{1 + serial % 2}{sequence:03d}"


def servants_ensure(
    agency: Agency, units: list[int], wanted: int, rng: random.Random
) -> list[tuple[int, str, str, int]]:
    have = list(CivilServant.objects.filter(unit__agency=agency).values_list("pk", "nip", "name", "unit_id"))
    missing = wanted - len(have)
    if missing <= 0:
        return have
    start = next_id(CivilServant)
    kinds, weights = zip(*POSITION_KINDS, strict=True)
    rows = []
    for offset in range(missing):
        pk = start + offset
        kind = rng.choices(kinds, weights)[0]
        rows.append(
            {
                "id": pk,
                "nip": _nip(pk),
                "name": f"Pegawai Skala {pk}",
                "employee_type": "pppk" if rng.random() < 0.15 else "pns",
                "position_title": "Staf",
                "position_kind": kind,
                "functional_level": "ahli_muda" if kind == "functional" else "",
                "unit_id": rng.choice(units),
            }
        )
    copy_rows(CivilServant, rows)
    move_sequence(CivilServant)
    return have + [(row["id"], row["nip"], row["name"], row["unit_id"]) for row in rows]


def elections_ensure() -> list[int]:
    ids = []
    for name, kind, year in ELECTIONS:
        election = Election.objects.filter(name=name).first() or election_create(name=name, kind=kind, year=year)
        ids.append(election.pk)
    return ids


def _office(agency: Agency) -> BawasluOffice:
    name = f"Bawaslu {agency.region_name}"
    office = BawasluOffice.objects.filter(name=name).first()
    return office or bawaslu_office_create(name=name, agency=agency, username=f"bawaslu-{agency.code}").office


def scale_agency(agency: Agency, servants_wanted: int, rng: random.Random) -> ScaleAgency:
    units = _units(agency)
    _account(agency, Role.LEADERSHIP, "pimpinan")
    return ScaleAgency(
        agency=agency,
        officer=_account(agency, Role.INTAKE_OFFICER, "verifikator"),
        office=_office(agency),
        servants=servants_ensure(agency, units, servants_wanted, rng),
    )
