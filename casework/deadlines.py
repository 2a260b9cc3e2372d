"""The deadline rules casework checks, read from the working-day calendar engine (core.calendar).

Counting and the rules themselves (count, unit, direction, legal basis) are data there; casework only names the rule.

Per-case deadlines are computed on the fly from the case's facts, never stored, so a calendar change (an added
regional holiday) moves every open deadline at once:

- ``case_deadlines(case, today=None) -> list[CaseDeadline]``: the case's deadlines, earliest first, each with its
  rule code, label, due date, status (``due``, ``overdue``, ``met``) and the responsible officials (named).
  A closed case has none.
- ``overdue_cases(queryset, today=None) -> QuerySet[Case]``: the cases of `queryset` with at least one overdue
  deadline, as a queryset of the same model (filter, order and paginate it further). For the case list's
  "overdue" filter: a fixed number of queries whatever the number of cases.

The deadlines:

- D6, per current summons (a summons set aside no longer counts): it must be sent at least 7 working days before
  its examination date. Met once the summons' `sent_on` has come; a summons recorded with a future `sent_on` is
  still due (overdue after the last day).
- D7: after an absence from the examination of summons I, summons II must be sent within 7 working days of the
  missed date. Met once summons II is sent.
- docs/domain.md (“Deadlines”) sets no deadline for the examination report (LHP), so there is none here.

Responsible (named on every deadline): the case's assigned examiners, the members of its examination team, and the
accused's direct superior (atasan langsung, legally responsible for examining), with the superior's user account
when one has the superior's NIP.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.models import User
from casework.models import OPEN_STATUSES, Case, Summons
from core import clock
from core.calendar import WorkingCalendar, deadline_for, deadline_for_rule, deadline_rule_get
from core.deadline_catalogue import DeadlineCode
from core.errors import DomainError
from core.models import DeadlineRule

CASE_RULES = (DeadlineCode.SUMMONS_NOTICE, DeadlineCode.SUMMONS_II)
ROMAN = {1: "I", 2: "II"}


@dataclass(frozen=True)
class RuleCitation:
    """A deadline rule as a refusal message cites it: its code, its count and its legal basis."""

    code: str
    count: int | None
    legal_basis: str


def summons_latest_send_date(examination_date: datetime.date) -> datetime.date:
    """The last day a summons may be sent for an examination on `examination_date` (rule D6)."""
    return deadline_for(DeadlineCode.SUMMONS_NOTICE, examination_date)


def rule_citation(code: str) -> RuleCitation:
    """The rule `code` of the catalogue, as a message cites it."""
    rule = deadline_rule_get(code)
    basis = f"{rule.regulation}, {rule.article}" if rule.article else rule.regulation
    return RuleCitation(code=rule.code, count=rule.count, legal_basis=basis)


class DeadlineStatus:
    DUE = "due"
    OVERDUE = "overdue"
    MET = "met"


@dataclass(frozen=True)
class Responsible:
    """An official responsible for a deadline; `user` is None when the official has no (active) account."""

    name: str
    role: str
    user: User | None = None


@dataclass(frozen=True)
class CaseDeadline:
    rule: str
    label: str
    due: datetime.date
    status: str
    legal_basis: str
    responsible: tuple[Responsible, ...]
    # What the deadline is about (e.g. "summons2"), for a stable key; the date it is counted from; the summons.
    subject: str = ""
    anchor: datetime.date | None = None
    summons_number: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status != DeadlineStatus.MET

    @property
    def is_overdue(self) -> bool:
        return self.status == DeadlineStatus.OVERDUE

    @property
    def responsible_names(self) -> str:
        return ", ".join(person.name for person in self.responsible)

    @property
    def key(self) -> str:
        """Identifies the deadline within its case: rule and subject (the due date may move with the calendar)."""
        return f"{self.rule}{'-' + self.subject if self.subject else ''}"


@dataclass(frozen=True)
class _Due:
    rule: str
    subject: str
    anchor: datetime.date
    due: datetime.date
    status: str
    number: int


def _status(due: datetime.date, met: bool, today: datetime.date) -> str:
    if met:
        return DeadlineStatus.MET
    return DeadlineStatus.OVERDUE if today > due else DeadlineStatus.DUE


def _rules() -> dict[str, DeadlineRule]:
    return {rule.code: rule for rule in DeadlineRule.objects.filter(code__in=CASE_RULES)}


def _compute(
    case: Case,
    summonses: Iterable[Summons],
    today: datetime.date,
    rules: dict[str, DeadlineRule],
    working_calendar: WorkingCalendar,
) -> list[_Due]:
    if case.status not in OPEN_STATUSES:
        return []
    by_number = {summons.number: summons for summons in summonses}
    found: list[_Due] = []

    def add(code: str, subject: str, anchor: datetime.date, met: bool, number: int) -> None:
        rule = rules.get(code)
        if rule is None:
            return
        try:
            due = deadline_for_rule(rule, anchor, working_calendar=working_calendar)
        except DomainError:  # the rule is not in force on that date
            return
        found.append(_Due(code, subject, anchor, due, _status(due, met, today), number))

    for number, summons in sorted(by_number.items()):
        add(
            DeadlineCode.SUMMONS_NOTICE,
            f"summons{number}",
            clock.local_date(summons.scheduled_at),
            summons.sent_on <= today,
            number,
        )
    first = by_number.get(1)
    if first is not None and first.attendance == Summons.Attendance.ABSENT:
        second = by_number.get(2)
        add(
            DeadlineCode.SUMMONS_II,
            "summons2",
            clock.local_date(first.scheduled_at),
            second is not None and second.sent_on <= today,
            2,
        )
    return sorted(found, key=lambda item: (item.due, item.rule))


def case_responsible(case: Case) -> tuple[Responsible, ...]:
    """Who answers for the case's deadlines, named: assigned examiners, examination team members, and the
    accused's direct superior (with the superior's user account, matched by NIP, when there is an active one)."""
    people: list[Responsible] = []
    seen_users: set[int] = set()
    seen_names: set[str] = set()

    def add(name: str, role: str, user: User | None = None) -> None:
        if user is not None and user.pk in seen_users:
            return
        if user is None and name in seen_names:
            return
        if user is not None:
            seen_users.add(user.pk)
        seen_names.add(name)
        people.append(Responsible(name=name, role=role, user=user))

    for user in case.assigned_examiners.order_by("last_name", "first_name", "id"):
        add(user.get_full_name() or user.get_username(), pgettext("responsible", "examiner"), user)
    team = getattr(case, "examination_team", None)
    if team is not None:
        for member in team.members.select_related("user"):
            add(member.name, member.get_role_display(), member.user)
    superior = case.accused.direct_superior if case.accused_id and case.accused else None
    if superior is not None:
        account = get_user_model().objects.filter(nip=superior.nip, is_active=True).order_by("id").first()
        if account is None or account.pk not in seen_users:
            add(superior.name, pgettext("responsible", "direct superior"), account)
    return tuple(people)


def _label(item: _Due) -> str:
    anchor = date_format(item.anchor, "j F Y")
    if item.rule == DeadlineCode.SUMMONS_II:
        return _("Send summons II after the missed examination of %(date)s") % {"date": anchor}
    return _("Send summons %(number)s for the examination of %(date)s") % {
        "number": ROMAN.get(item.number, str(item.number)),
        "date": anchor,
    }


def case_deadlines(
    case: Case, today: datetime.date | None = None, *, working_calendar: WorkingCalendar | None = None
) -> list[CaseDeadline]:
    """The case's deadlines, earliest first (met ones included; see the module docstring)."""
    today = today or clock.today()
    if case.status not in OPEN_STATUSES:
        return []
    rules = _rules()
    summonses = Summons.objects.current().filter(case=case)
    items = _compute(case, summonses, today, rules, working_calendar or WorkingCalendar())
    if not items:
        return []
    responsible = case_responsible(case)
    return [
        CaseDeadline(
            rule=item.rule,
            label=_label(item),
            due=item.due,
            status=item.status,
            legal_basis=rules[item.rule].legal_basis,
            responsible=responsible,
            subject=item.subject,
            anchor=item.anchor,
            summons_number=item.number,
        )
        for item in items
    ]


def overdue_cases(queryset: QuerySet[Case], today: datetime.date | None = None) -> QuerySet[Case]:
    """The cases of `queryset` with an overdue deadline (see the module docstring)."""
    today = today or clock.today()
    candidates = list(
        Case.objects.filter(pk__in=queryset.order_by().values("pk"), status=Case.Status.SUMMONED)
        # Only a current summons not yet sent (D6) or an absence from the current summons I (D7) can be overdue.
        .filter(
            Q(summonses__set_aside_at__isnull=True)
            & (
                Q(summonses__sent_on__gt=today)
                | Q(summonses__number=1, summonses__attendance=Summons.Attendance.ABSENT)
            )
        )
        .distinct()
        .only("id", "status")
        .prefetch_related(Prefetch("summonses", queryset=Summons.objects.current(), to_attr="current_summonses"))
    )
    rules = _rules() if candidates else {}
    working_calendar = WorkingCalendar()
    overdue_ids = [
        case.pk
        for case in candidates
        if any(
            item.status == DeadlineStatus.OVERDUE
            for item in _compute(case, case.current_summonses, today, rules, working_calendar)
        )
    ]
    return queryset.filter(pk__in=overdue_ids)


def cases_by_next_due(queryset: QuerySet[Case], today: datetime.date | None = None) -> list[Case]:
    """The cases of `queryset`, the one whose next open deadline comes first at the top (`case.next_due` is set,
    None for a case with no open deadline: those follow, newest first). For a user's own cases: every case is
    read, so not for the agency-wide list."""
    today = today or clock.today()
    cases: list[Case] = list(
        queryset.prefetch_related(
            Prefetch("summonses", queryset=Summons.objects.current(), to_attr="current_summonses")
        )
    )
    rules = _rules() if cases else {}
    working_calendar = WorkingCalendar()
    due: dict[int, datetime.date] = {}
    for case in cases:
        items = _compute(case, case.current_summonses, today, rules, working_calendar)  # type: ignore[attr-defined]
        next_due = min((item.due for item in items if item.status != DeadlineStatus.MET), default=None)
        case.next_due = next_due  # type: ignore[attr-defined]
        if next_due is not None:
            due[case.pk] = next_due
    dated = sorted((case for case in cases if case.pk in due), key=lambda c: (due[c.pk], c.pk))
    undated = sorted((case for case in cases if case.pk not in due), key=lambda c: (c.registered_at, c.pk))
    return dated + list(reversed(undated))
