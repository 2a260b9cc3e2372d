"""The filters of the dashboard, its drill-down list and its exports: one value, read from a query string, applied
to the case facts and to the reports, and stated in words (docs/statistics.md, "Filters").

The visible filters are the issue's (period, election and stage, unit, channel, violation); a drill-down adds the
narrowing of the row followed (a status, an age band, a funnel step, a sanction…). An invalid value is ignored,
as on the case list. Every read is of one agency: the caller passes the user's.
"""

import datetime
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import QueryDict

from accounts.models import CivilServant, Unit
from casework.models import Case
from core import clock
from figures.models import CaseFact
from figures.overdue import overdue_steps
from violations.models import Channel, Election, ElectionStage, Report, ViolationType

NONE = "none"  # a row of "unknown" (no unit, no stage, no violation) narrows to the empty value
BUCKETS = ("month", "week")
# Age of an open case since its registration, in calendar days: key → (from, to) inclusive, None = no end.
AGE_BANDS: dict[str, tuple[int, int | None]] = {
    "0-30": (0, 30),
    "31-90": (31, 90),
    "91-180": (91, 180),
    "181-365": (181, 365),
    "366-": (366, None),
}
STEPS = ("case", "examined", "decided", "sanctioned", "in_effect", "served", "not_proven", "annulled")
LEVELS = ("light", "moderate", "heavy", "dismissal", "ethics")
# A case whose signed decision imposed a sanction that stands (not annulled).
SANCTIONED = Q(decided_on__isnull=False, decision_outcome="sanction", annulled=False)
# Query parameter of each field; fields not listed are not parameters.
PARAMS = {
    "date_from": "from",
    "date_to": "to",
    "bucket": "by",
    "election": "election",
    "stage": "stage",
    "unit": "unit",
    "channel": "channel",
    "violation": "violation",
    "status": "status",
    "age": "age",
    "step": "step",
    "level": "level",
    "sanction": "sanction",
    "employee_type": "employee",
    "position_kind": "position",
    "objection": "objection",
    "social": "social",
    "overdue": "overdue",
}
VISIBLE = ("date_from", "date_to", "bucket", "election", "stage", "unit", "channel", "violation")


@dataclass(frozen=True)
class Filters:
    agency_id: int
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    bucket: str = "month"
    election: str = ""  # an election's id, or NONE
    stage: str = ""
    unit: str = ""  # a unit's id, or NONE
    channel: str = ""
    violation: str = ""
    status: str = ""
    age: str = ""
    step: str = ""
    level: str = ""
    sanction: str = ""
    employee_type: str = ""
    position_kind: str = ""
    objection: str = ""
    social: str = ""
    overdue: str = ""

    # --- reading and writing query strings -----------------------------------------------------------------------
    @classmethod
    def from_query(cls, query: QueryDict | dict[str, str], *, agency_id: int) -> "Filters":
        raw = {name: str(query.get(param, "") or "").strip() for name, param in PARAMS.items()}
        return cls(agency_id=agency_id, **_valid(raw, agency_id))

    def params(self) -> dict[str, str]:
        """The non-empty parameters, in a stable order (links, exports and reports store these)."""
        out: dict[str, str] = {}
        for name, param in PARAMS.items():
            value = getattr(self, name)
            if isinstance(value, datetime.date):
                value = value.isoformat()
            if value and not (name == "bucket" and value == "month"):
                out[param] = str(value)
        return out

    def query(self, link: dict[str, str] | None = None) -> str:
        """The query string of these filters, narrowed by a row's `link` (query parameters)."""
        return urlencode({**self.params(), **(link or {})})

    def without(self, name: str) -> "Filters":
        default: Any = Filters.__dataclass_fields__[name].default
        return replace(self, **{name: default})

    @property
    def narrowing(self) -> dict[str, str]:
        """The drill-down narrowing in force (the fields that are not visible filters)."""
        return {field.name: getattr(self, field.name) for field in fields(self) if _is_narrowing(self, field.name)}

    # --- applying -------------------------------------------------------------------------------------------------
    def cases(self, *, period: bool = True) -> QuerySet[CaseFact]:
        """The agency's case facts these filters select; `period=False` leaves the registration period out (the
        "closed" series counts cases by the day they ended)."""
        facts = CaseFact.objects.filter(agency_id=self.agency_id)
        if period and self.date_from:
            facts = facts.filter(registered_on__gte=self.date_from)
        if period and self.date_to:
            facts = facts.filter(registered_on__lte=self.date_to)
        facts = facts.filter(self._case_conditions())
        return facts.filter(case_id__in=self._overdue_ids()) if self.overdue else facts

    def reports(self) -> QuerySet[Report]:
        """The agency's reports received in the period, with the report-level filters; a case-level narrowing
        keeps the reports of the cases it selects."""
        reports = Report.objects.filter(agency_id=self.agency_id)
        if self.date_from:
            reports = reports.filter(received_at__gte=clock.at(self.date_from))
        if self.date_to:
            reports = reports.filter(received_at__lt=clock.at(self.date_to + datetime.timedelta(days=1)))
        reports = reports.filter(self._report_conditions())
        if self.narrowing:
            reports = reports.filter(case_report__case_id__in=self.cases(period=False).values("case_id"))
        return reports

    def _case_conditions(self) -> Q:
        q = Q()
        for name, lookup in _CASE_LOOKUPS.items():
            value = getattr(self, name)
            if value:
                q &= (
                    Q(**{lookup: "" if value == NONE else value}) if name not in _NULLABLE else _nullable(lookup, value)
                )
        if self.violation:
            q &= Q(violation_code="") if self.violation == NONE else Q(violation_codes__contains=f",{self.violation},")
        return (
            q & _age(self.age) & _step(self.step) & _level(self.level) & (Q(social_media=True) if self.social else Q())
        )

    def _overdue_ids(self) -> list[int]:
        """The agency's cases with a step overdue today (casework.deadlines decides; see figures.overdue)."""
        return list(overdue_steps(self.agency_id))

    def _report_conditions(self) -> Q:
        q = Q()
        if self.channel:
            q &= Q(channel=self.channel)
        if self.election:
            q &= Q(election__isnull=True) if self.election == NONE else Q(election_id=self.election)
        if self.stage:
            q &= Q(election_stage="" if self.stage == NONE else self.stage)
        if self.unit:
            q &= Q(accused__isnull=True) if self.unit == NONE else Q(accused__unit_id=self.unit)
        if self.violation:
            q &= Q(violation_type__isnull=True) if self.violation == NONE else Q(violation_type__code=self.violation)
        return q


_CASE_LOOKUPS = {
    "election": "election_id",
    "stage": "election_stage",
    "unit": "unit_id",
    "channel": "channel",
    "status": "status",
    "sanction": "sanction_code",
    "employee_type": "employee_type",
    "position_kind": "position_kind",
    "objection": "objection",
}
_NULLABLE = {"election", "unit"}


def _nullable(lookup: str, value: str) -> Q:
    return Q(**{f"{lookup}__isnull": True}) if value == NONE else Q(**{lookup: value})


def _is_narrowing(filters: Filters, name: str) -> bool:
    return name in PARAMS and name not in VISIBLE and bool(getattr(filters, name))


def _age(band: str) -> Q:
    if band not in AGE_BANDS:
        return Q()
    low, high = AGE_BANDS[band]
    today = clock.today()
    q = Q(is_open=True, registered_on__lte=today - datetime.timedelta(days=low))
    return q & Q(registered_on__gte=today - datetime.timedelta(days=high)) if high is not None else q


def _step(step: str) -> Q:
    return {
        "examined": Q(examined=True),
        "decided": Q(decided_on__isnull=False),
        "sanctioned": SANCTIONED,
        "in_effect": Q(in_effect=True),
        "served": Q(served=True),
        "not_proven": Q(not_proven=True),
        "annulled": Q(annulled=True),
    }.get(step, Q())


def _level(level: str) -> Q:
    if level not in LEVELS:
        return Q()
    return SANCTIONED & (Q(sanction_level="") if level == "ethics" else Q(sanction_level=level))


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _choice(value: str, choices: set[str], *, none: bool = False) -> str:
    return value if value in choices or (none and value == NONE) else ""


def _valid(raw: dict[str, str], agency_id: int) -> dict[str, Any]:
    """Keep each value only if it is one the agency's data can have (anything else: no filter)."""
    units = _existing(Unit.objects.filter(agency_id=agency_id), raw["unit"])
    elections = _existing(Election.objects.all(), raw["election"])
    code = raw["violation"].upper()
    codes = set(ViolationType.objects.filter(code=code).values_list("code", flat=True)) if code[:1] == "N" else set()
    date_from, date_to = _date(raw["date_from"]), _date(raw["date_to"])
    if date_from and date_to and date_to < date_from:
        date_from, date_to = date_to, date_from
    return {
        "date_from": date_from,
        "date_to": date_to,
        "bucket": raw["bucket"] if raw["bucket"] in BUCKETS else "month",
        "election": _choice(raw["election"], elections, none=True),
        "stage": _choice(raw["stage"], {value for value, _ in ElectionStage.choices if value}, none=True),
        "unit": _choice(raw["unit"], units, none=True),
        "channel": _choice(raw["channel"], set(Channel.values)),
        "violation": _choice(raw["violation"].upper(), codes) or _choice(raw["violation"], set(), none=True),
        "status": _choice(raw["status"], set(Case.Status.values)),
        "age": _choice(raw["age"], set(AGE_BANDS)),
        "step": _choice(raw["step"], set(STEPS)),
        "level": _choice(raw["level"], set(LEVELS)),
        "sanction": raw["sanction"].upper()[:10] if raw["sanction"].replace("_", "").isalnum() else "",
        "employee_type": _choice(raw["employee_type"], set(CivilServant.EmployeeType.values), none=True),
        "position_kind": _choice(raw["position_kind"], set(CivilServant.PositionKind.values), none=True),
        "objection": raw["objection"] if raw["objection"].replace(":", "").replace("_", "").isalpha() else "",
        "social": "1" if raw["social"] == "1" else "",
        "overdue": "1" if raw["overdue"] == "1" else "",
    }


def _existing(queryset: QuerySet[Any], value: str) -> set[str]:
    """{value} if it is the id of a row of `queryset` (no query for an empty or non-numeric value)."""
    if not value.isdigit():
        return set()
    return {str(pk) for pk in queryset.filter(pk=int(value)).values_list("pk", flat=True)}
