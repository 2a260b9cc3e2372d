"""Snapshots of a case for its letters: what the letter says is what was true when it was requested."""

import datetime
from typing import Any

from accounts.actors import Actor
from accounts.models import CivilServant
from casework.models import Case, ExaminationTeam
from violations.models import ViolationType

# How letters name the accused's employment (the register's employee type; a PPK is not a PNS).
EMPLOYEE_TERMS: dict[str, str] = {
    CivilServant.EmployeeType.PNS: "Pegawai Negeri Sipil",
    CivilServant.EmployeeType.PPPK: "Pegawai Pemerintah dengan Perjanjian Kerja",
}


def _iso(value: datetime.date | datetime.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def person(user: Actor) -> dict[str, str]:
    return {
        "name": user.get_full_name() or user.get_username(),
        "nip": getattr(user, "nip", ""),
        "position": getattr(user, "position_title", ""),
    }


def legal_basis(violation_types: list[ViolationType]) -> list[dict[str, str]]:
    return [{"code": v.code, "name": v.name, "regulation": v.regulation, "article": v.article} for v in violation_types]


def norms(violation_types: list[ViolationType]) -> list[dict[str, Any]]:
    """The provisions breached as a letter cites them: each article of the catalogue once, with the names of the
    acts under it, never the catalogue's code (`c.norms`, printed by templates/casework/letters/_norms.html)."""
    cited: list[dict[str, Any]] = []
    for violation in violation_types:
        citation = violation.article or violation.regulation
        existing = next((norm for norm in cited if norm["citation"] == citation), None)
        if existing is not None:
            existing["names"].append(violation.name)
        else:
            cited.append({"citation": citation, "names": [violation.name]})
    return cited


def cited_violations(violation_types: list[ViolationType]) -> dict[str, Any]:
    """The snapshot's `legal_basis` (the catalogue rows) and `norms` (as the letter cites them) of these violations."""
    return {"legal_basis": legal_basis(violation_types), "norms": norms(violation_types)}


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
    accused = case.accused
    if accused is None:
        return {"name": case.accused_name, "nip": case.accused_nip, "position": "", "rank": "", "unit": ""}
    return {
        "name": accused.name,
        "nip": accused.nip,
        "position": accused.position_title,
        "rank": accused.rank,
        "unit": accused.unit.name,
        "employee_type": accused.employee_type,
        "employee_term": EMPLOYEE_TERMS.get(accused.employee_type, ""),
    }


def case_context(case: Case, **extra: Any) -> dict[str, Any]:
    """Names, NIP, position, unit and dates of the case as plain JSON values (dates as ISO strings); the decree
    forming its examination team when there is one (`team_decision`)."""
    violation_types = [report.violation_type for report in case.reports.select_related("violation_type")]
    context: dict[str, Any] = {
        "case_number": case.number,
        "agency": {"name": case.agency.name, "region": case.agency.region_name, "seat": case.agency.seat},
        "accused": _accused(case),
        "summary": case.summary,
        "registered_on": _iso(case.registered_at.date()),
        "probable_level": case.probable_level,
    }
    context.update(cited_violations(sorted({v for v in violation_types if v is not None}, key=lambda v: v.code)))
    if case.has_examination_team():
        context["team_decision"] = team_decision(case.examination_team)
    for key, value in extra.items():
        context[key] = _iso(value) if isinstance(value, datetime.date | datetime.datetime) else value
    return context
