"""The demo regency's organisation and people: its agency, its units and the civil-servant register.

The agency and units are created by accounts.services, the register by its CSV import's service; what exists
(by agency code, unit code, NIP) is left alone, even if an administrator edited it since.
"""

from accounts import services as account_services
from accounts.importing import civil_servants_import
from accounts.models import Agency, CivilServant, Unit
from demo.context import DemoResult
from demo.data import register
from demo.data.organisation import AGENCY, UNITS


def agency_ensure(result: DemoResult) -> Agency:
    """The demo agency: the default one unless another agency is the default already."""
    agency = Agency.objects.filter(code=AGENCY["code"]).first()
    if agency is None:
        agency = account_services.agency_create(
            code=AGENCY["code"],
            name=AGENCY["name"],
            region_name=AGENCY["region_name"],
            seat=AGENCY["seat"],
            address=AGENCY["address"],
            is_default=not Agency.objects.filter(is_default=True).exists(),
        )
        result.created["agencies"] += 1
    return agency


def units_ensure(agency: Agency, result: DemoResult) -> None:
    units = {unit.code: unit for unit in Unit.objects.filter(agency=agency)}
    for code, name, parent_code, _kind in UNITS:
        if code in units:
            continue
        parent = units[parent_code] if parent_code else None
        units[code] = account_services.unit_create(agency=agency, code=code, name=name, parent=parent)
        result.created["units"] += 1


def register_ensure(agency: Agency, people: dict[str, register.Person], result: DemoResult) -> None:
    """Import the civil servants not yet in the register (existing entries, perhaps edited, are left alone)."""
    known = set(CivilServant.objects.filter(nip__in=[p.nip for p in people.values()]).values_list("nip", flat=True))
    unit_names = {code: name for code, name, _parent, _kind in UNITS}
    rows = [
        (
            line,
            {
                "nip": person.nip,
                "name": person.name,
                "employee_type": "PPPK" if person.post.pppk else "PNS",
                "position_title": person.post.title,
                "position_kind": person.post.kind,
                "functional_level": person.post.level,
                "rank": person.rank,
                "unit_code": person.unit_code,
                "unit_name": unit_names[person.unit_code],
                "superior_nip": people[person.post.superior].nip if person.post.superior else "",
            },
        )
        for line, person in enumerate(people.values(), start=2)
        if person.nip not in known
    ]
    if not rows:
        return
    imported = civil_servants_import(rows=rows, agency=agency)
    if imported.errors:
        raise RuntimeError("Demo register rows were refused: " + "; ".join(map(str, imported.errors)))
    result.created["civil servants"] += imported.created
