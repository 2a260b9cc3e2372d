"""What the figures call things, in the active language: filter values, funnel steps, age bands, sanction levels,
objection outcomes. One place, so the dashboard, the exports and the PDF report use the same words."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.models import CivilServant
from casework.models import Case
from sanctions.models import Objection
from violations.models import Channel, ElectionStage, SanctionLevel


def age_band(key: str) -> str:
    return {
        "0-30": _("up to 30 days"),
        "31-90": _("31–90 days"),
        "91-180": _("91–180 days"),
        "181-365": _("181–365 days"),
        "366-": _("over a year"),
    }.get(key, key)


def step(key: str) -> str:
    return {
        "reports": _("Reports received"),
        "case": _("Registered as a case"),
        "examined": _("Examined"),
        "decided": _("Decided"),
        "sanctioned": _("Sanction imposed"),
        "in_effect": _("Decision in effect"),
        "served": _("Sanction served"),
        "rejected": _("Rejected at intake"),
        "not_proven": _("Not proven"),
        "annulled": _("Decision annulled"),
    }.get(key, key)


def level(key: str) -> str:
    if key == "ethics":
        return pgettext("sanction level", "ethics (moral sanction)")
    try:
        return str(SanctionLevel(key).label)
    except ValueError:
        return key


def channel(key: str) -> str:
    return str(Channel(key).label) if key in Channel.values else _("unknown")


def stage(key: str) -> str:
    return str(ElectionStage(key).label) if key in ElectionStage.values else key


def case_status(key: str) -> str:
    return str(Case.Status(key).label) if key in Case.Status.values else key


def position_kind(key: str) -> str:
    return str(CivilServant.PositionKind(key).label) if key in CivilServant.PositionKind.values else _("unknown")


def employee_type(key: str) -> str:
    return str(CivilServant.EmployeeType(key).label) if key in CivilServant.EmployeeType.values else _("unknown")


def objection(key: str) -> str:
    """ "objection:upheld" → "Objection (keberatan): Decision upheld"."""
    kind, _sep, state = key.partition(":")
    kind_label = str(Objection.Kind(kind).label) if kind in Objection.Kind.values else kind
    if state in Objection.Outcome.values:
        state_label = str(Objection.Outcome(state).label)
    elif state in Objection.Status.values:
        state_label = str(Objection.Status(state).label)
    else:
        state_label = state
    return f"{kind_label}: {state_label}"


def unknown() -> str:
    return _("unknown")
