"""Snapshots of a case for its letters: what the letter says is what was true when it was requested.

The one place the content of every letter is built from the case and the catalogues, for casework's letters and (through
sanctions.letter_contents) the decisions: the provisions breached (`norms`), the regulations in statutory order
(`statutes`), the drafter's text as clauses (`clauses`), the copies (`distribution`). The templates in
templates/letters/ read nothing else.
"""

import datetime
from typing import Any

from accounts.actors import Actor
from accounts.models import CivilServant
from casework.letter_snapshots.clauses import clause, clauses, tidy
from casework.letter_snapshots.distribution import letter_copies
from casework.letter_snapshots.norms import norm_of, norms
from casework.letter_snapshots.statutes import (
    BKN_DISCIPLINE,
    PP_DISCIPLINE,
    PP_PPPK,
    UU_ASN,
    cited,
    expand_references,
    statutes_in_order,
)
from casework.letters.letterhead import decree_letterhead
from casework.models import Case, ExaminationTeam
from violations.models import ViolationType

__all__ = [
    "EMPLOYEE_TERMS",
    "case_context",
    "cited",
    "cited_violations",
    "clause",
    "clauses",
    "expand_references",
    "is_pppk",
    "legal_basis",
    "letter_copies",
    "norm_of",
    "norms",
    "person",
    "statutes_in_order",
    "team_decision",
    "tidy",
]

# How letters name the accused's employment (the register's employee type; a PPPK is not a PNS).
EMPLOYEE_TERMS: dict[str, str] = {
    CivilServant.EmployeeType.PNS: "Pegawai Negeri Sipil",
    CivilServant.EmployeeType.PPPK: "Pegawai Pemerintah dengan Perjanjian Kerja",
}
# The team decree's Mengingat: the ASN law and the discipline regulations of the accused's employment.
TEAM_DECREE_STATUTES: dict[str, tuple[str, ...]] = {
    CivilServant.EmployeeType.PNS: (UU_ASN.full, PP_DISCIPLINE.full, BKN_DISCIPLINE.full),
    CivilServant.EmployeeType.PPPK: (UU_ASN.full, PP_PPPK.full),
}


def _iso(value: datetime.date | datetime.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def person(user: Actor) -> dict[str, str]:
    return {
        "name": user.get_full_name() or user.get_username(),
        "nip": getattr(user, "nip", ""),
        "position": getattr(user, "position_title", ""),
    }


def is_pppk(case: Case) -> bool:
    return case.accused is not None and case.accused.employee_type == CivilServant.EmployeeType.PPPK


def legal_basis(violation_types: list[ViolationType]) -> list[dict[str, str]]:
    """The catalogue rows as they stood (kept in the snapshot for the record; letters print `norms`)."""
    return [{"code": v.code, "name": v.name, "regulation": v.regulation, "article": v.article} for v in violation_types]


def cited_violations(
    violation_types: list[ViolationType], *, track: str = "discipline", pppk: bool = False
) -> dict[str, Any]:
    """The snapshot's `legal_basis` (the catalogue rows) and `norms` (as the letter cites them) of these violations."""
    return {"legal_basis": legal_basis(violation_types), "norms": norms(violation_types, track=track, pppk=pppk)}


def team_decision(team: ExaminationTeam) -> dict[str, Any]:
    """The decree forming the team, as the team's letters cite it: number, date, who issued it (Netra's decree) or
    that it was issued on paper (`external`)."""
    return {
        "number": team.decision_number,
        "date": _iso(team.decision_date),
        "issuer": team.signatory_position,
        "external": team.decree_is_external,
    }


def _accused(case: Case) -> dict[str, str]:
    """The accused as the register has them; not identified yet, as the reports describe them (a summons may go out
    with the name and unit only; a decision may not: sanctions.services.decision_requirements)."""
    accused = case.accused
    if accused is None:
        described = case.reports.exclude(accused_agency="").order_by("received_at", "id").first()
        return {
            "name": case.accused_name,
            "nip": case.accused_nip,
            "position": described.accused_position if described else "",
            "rank": "",
            "unit": described.accused_agency if described else "",
        }
    return {
        "name": accused.name,
        "nip": accused.nip,
        "position": accused.position_title,
        "rank": accused.rank,
        "unit": accused.unit.name,
        "employee_type": accused.employee_type,
        "employee_term": EMPLOYEE_TERMS.get(accused.employee_type, ""),
    }


def _kind_contents(case: Case, kind: str, extra: dict[str, Any]) -> dict[str, Any]:
    """What a letter of `kind` adds: its copies (the administrators' table) and, for the decree forming a team, its
    Mengingat and the letterhead of the PPK when the PPK signs it (a designated official's decree keeps the
    personnel office's)."""
    contents: dict[str, Any] = {"copies": letter_copies(case.agency, kind)}
    if kind == "examination_team_decision":
        employee_type = CivilServant.EmployeeType.PPPK if is_pppk(case) else CivilServant.EmployeeType.PNS
        contents["statutes"] = list(TEAM_DECREE_STATUTES[employee_type])
        if (extra.get("signatory") or {}).get("role") == "ppk":
            contents["letterhead"] = decree_letterhead(case.agency)
    return contents


def case_context(
    case: Case, *, letter_kind: str = "", violation_types: list[ViolationType] | None = None, **extra: Any
) -> dict[str, Any]:
    """Names, NIP, position, unit and dates of the case as plain JSON values (dates as ISO strings); the provisions
    breached (`violation_types`, by default those of the case's reports); the decree forming its examination team when
    there is one (`team_decision`). With the `letter_kind`, also what that kind adds (its copies; the team decree's
    Mengingat and letterhead)."""
    if violation_types is None:
        reports = case.reports.select_related("violation_type__repeat_kind")
        violation_types = [report.violation_type for report in reports if report.violation_type is not None]
    context: dict[str, Any] = {
        "case_number": case.number,
        "agency": {"name": case.agency.name, "region": case.agency.region_name, "seat": case.agency.seat},
        "accused": _accused(case),
        "summary": case.summary,
        "registered_on": _iso(case.registered_at.date()),
        "probable_level": case.probable_level,
    }
    unique = sorted(set(violation_types), key=lambda v: v.code)
    context.update(cited_violations(unique, pppk=is_pppk(case)))
    if case.has_examination_team():
        context["team_decision"] = team_decision(case.examination_team)
    if letter_kind:
        context.update(_kind_contents(case, letter_kind, extra))
    for key, value in extra.items():
        context[key] = _iso(value) if isinstance(value, datetime.date | datetime.datetime) else value
    return context
