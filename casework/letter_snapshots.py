"""Snapshots of a case for its letters: what the letter says is what was true when it was requested."""

import datetime
from typing import Any

from accounts.actors import Actor
from casework.models import Case
from violations.models import ViolationType


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


def case_context(case: Case, **extra: Any) -> dict[str, Any]:
    """Names, NIP, position, unit and dates of the case as plain JSON values (dates as ISO strings)."""
    accused = case.accused
    violation_types = [report.violation_type for report in case.reports.select_related("violation_type")]
    context: dict[str, Any] = {
        "case_number": case.number,
        "agency": {"name": case.agency.name, "region": case.agency.region_name, "seat": case.agency.seat},
        "accused": {
            "name": accused.name if accused else case.accused_name,
            "nip": accused.nip if accused else case.accused_nip,
            "position": accused.position_title if accused else "",
            "rank": accused.rank if accused else "",
            "unit": accused.unit.name if accused else "",
        },
        "summary": case.summary,
        "registered_on": _iso(case.registered_at.date()),
        "probable_level": case.probable_level,
        "legal_basis": legal_basis(sorted({v for v in violation_types if v is not None}, key=lambda v: v.code)),
    }
    team = getattr(case, "examination_team", None)
    if team is not None:
        context["team_decision"] = {"number": team.decision_number, "date": _iso(team.decision_date)}
    for key, value in extra.items():
        context[key] = _iso(value) if isinstance(value, datetime.date | datetime.datetime) else value
    return context
