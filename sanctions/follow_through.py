"""The follow-through register: every recommendation received (Bawaslu forwardings, BKN and Bawaslu recommendations
received by letter or through BKN's API account: violations.Recommendation, each on its report) with its
due date, the decision it led to and whether the sanction was executed — the figure national bodies publish.

- Due date: rule D16 (core deadline catalogue, marked for verification: Kemendagri's 10-day instruction to follow up
  KASN recommendations, docs/legal-basis.md §4.2) counted from the day the recommendation was received.
- What D16 measures is what the instruction asks: that the recommendation is taken up — its case registered and
  under review (the case's first "review started" event; a case with a decision was taken up no later than that
  decision: the date it was signed, or drafted) — not that a decision is signed. The register shows both dates
  (taken up on, decided on: the signed decision's date). Overdue: not taken up and the due date has passed; the row
  then names who is responsible — the staffing authority (PPK) the instruction binds. Taken up after the due date is
  shown as late.
- Executed: the decision is in effect and its sanction is being served or was carried out.

Scoped to the user's agency: its intake officers and administrators and its leadership (as the register page);
no reporter appears, only the recommending office.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Min

from accounts.actors import Actor, Viewer, is_account
from accounts.roles import Role
from casework.audit_actions import CASE_REVIEW_STARTED
from casework.models import Case, CaseReport
from casework.permissions import sees_agency_cases
from core import clock
from core.calendar import WorkingCalendar, deadline_for_rule, deadline_rule_get
from core.deadline_catalogue import DeadlineCode
from core.errors import DomainError, NotFound
from core.models import AuditEvent, DeadlineRule
from sanctions.competent_official import staffing_authority_for
from sanctions.models import Decision, StaffingAuthority
from violations.models import Channel, Report

RECOMMENDING_CHANNELS = (Channel.BAWASLU, Channel.BKN)
_S = Decision.Status
_E = Decision.Execution
# A decision that has been decided (signed), in any later status.
SIGNED_STATUSES: frozenset[str] = frozenset({_S.SIGNED, _S.DELIVERED, _S.OBJECTED, _S.EFFECTIVE, _S.ANNULLED})
EXECUTED: frozenset[str] = frozenset({_E.SERVING, _E.COMPLETED})


@dataclass(frozen=True)
class FollowThroughRow:
    report: Report
    channel: str
    source: str  # the Bawaslu office, or "BKN"
    reference_number: str
    letter_number: str
    recommendation: str
    received_on: datetime.date
    due_on: datetime.date | None
    case: Case | None
    decision: Decision | None
    taken_up_on: datetime.date | None
    decided_on: datetime.date | None
    executed: bool
    is_overdue: bool
    responsible: str  # the official named when overdue (name and title), else ""

    @property
    def taken_up_late(self) -> bool:
        return self.taken_up_on is not None and self.due_on is not None and self.taken_up_on > self.due_on

    @property
    def decision_number(self) -> str:
        return self.decision.number if self.decision is not None else ""

    @property
    def execution_status(self) -> str:
        return self.decision.execution_status if self.decision is not None else ""


def can_read_follow_through(user: Viewer) -> bool:
    return bool(is_account(user) and user.agency_id and (sees_agency_cases(user) or user.has_role(Role.LEADERSHIP)))


def _case_of(report: Report, links: dict[int, Case]) -> Case | None:
    return links.get(report.pk) or (links.get(report.merged_into_id) if report.merged_into_id else None)


def _decision_for(case: Case | None, decisions: dict[int, list[Decision]]) -> Decision | None:
    """The decision a case led to: the newest live version, the discipline track first."""
    if case is None:
        return None
    candidates = [d for d in decisions.get(case.pk, []) if d.status not in (_S.CANCELLED, _S.SUPERSEDED)]
    candidates.sort(key=lambda d: (d.track != Decision.Track.DISCIPLINE, -d.version_number, -d.pk))
    return candidates[0] if candidates else None


def _person(user: Actor, title: str) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} ({title})" if title else str(name)


def _responsible(case: Case | None, agency_id: int, today: datetime.date) -> str:
    """The staffing authority (PPK) the instruction binds: the one who may act on the case today, else the agency's."""
    if case is not None:
        try:
            routing = staffing_authority_for(case, on=today)
        except DomainError:
            return ""
        return _person(routing.official, routing.title) if routing.official is not None else ""
    authority = (
        StaffingAuthority.objects.filter(agency_id=agency_id, is_active=True).select_related("user").order_by("order")
    ).first()
    return _person(authority.user, authority.title) if authority is not None else ""


def _reviews_started(links: dict[int, Case]) -> dict[int, datetime.date]:
    """The day each case's review first started (its audit trail), by case id."""
    events = (
        AuditEvent.objects.filter(
            target_type=Case._meta.label_lower,
            target_id__in={case.pk for case in links.values()},
            action=CASE_REVIEW_STARTED.code,
        )
        .values("target_id")
        .annotate(first=Min("occurred_at"))
    )
    return {event["target_id"]: clock.local_date(event["first"]) for event in events}


def _taken_up_on(
    case: Case | None, started: dict[int, datetime.date], decisions: dict[int, list[Decision]]
) -> datetime.date | None:
    """When the case was taken up: its review started; else no later than its first decision (signed or drafted)."""
    if case is None:
        return None
    if case.pk in started:
        return started[case.pk]
    days = [
        decision.decision_date or clock.local_date(decision.created_at)
        for decision in decisions.get(case.pk, [])
        if decision.status != _S.CANCELLED
    ]
    return min(days, default=None)


def _decisions_by_case(links: dict[int, Case]) -> dict[int, list[Decision]]:
    decisions: dict[int, list[Decision]] = {}
    for item in Decision.objects.filter(case_id__in={case.pk for case in links.values()}).select_related(
        "letter", "competent_official", "sanction_type"
    ):
        decisions.setdefault(item.case_id, []).append(item)
    return decisions


def follow_up_rule() -> DeadlineRule | None:
    """The D16 rule row (None when the catalogue has none), with its basis for the register page."""
    try:
        return deadline_rule_get(DeadlineCode.FOLLOW_UP)
    except NotFound:
        return None


def _due_on(
    rule: DeadlineRule | None, received_on: datetime.date, working_calendar: WorkingCalendar
) -> datetime.date | None:
    if rule is None:
        return None
    try:
        return deadline_for_rule(rule, received_on, working_calendar=working_calendar)
    except DomainError:
        return None


def _row(
    report: Report,
    *,
    case: Case | None,
    decision: Decision | None,
    taken_up_on: datetime.date | None,
    due_on: datetime.date | None,
    today: datetime.date,
) -> FollowThroughRow:
    received_on = clock.local_date(report.received_at)
    overdue = taken_up_on is None and due_on is not None and today > due_on
    forwarding = getattr(report, "forwarding", None) if report.channel == Channel.BAWASLU else None
    letter = getattr(report, "recommendation", None)
    organisation = report.reporter.organisation if hasattr(report, "reporter") else ""
    return FollowThroughRow(
        report=report,
        channel=report.channel,
        source=forwarding.office.name if forwarding else letter.body_name if letter else (organisation or "BKN"),
        reference_number=forwarding.reference_number if forwarding else "",
        letter_number=forwarding.letter_number if forwarding else letter.letter_number if letter else "",
        recommendation=forwarding.recommendation if forwarding else report.description,
        received_on=received_on,
        due_on=due_on,
        case=case,
        decision=decision,
        taken_up_on=taken_up_on,
        decided_on=decision.decision_date if decision is not None and decision.status in SIGNED_STATUSES else None,
        executed=bool(
            decision is not None and decision.status == _S.EFFECTIVE and decision.execution_status in EXECUTED
        ),
        is_overdue=overdue,
        responsible=_responsible(case, report.agency_id, today) if overdue else "",
    )


def follow_through_rows(*, user: Viewer, today: datetime.date | None = None) -> list[FollowThroughRow]:
    """The register for `user`'s agency: overdue rows first, then by due date (none for anyone else)."""
    if not is_account(user) or user.agency_id is None or not can_read_follow_through(user):
        return []
    today = today or clock.today()
    reports = list(
        Report.objects.filter(agency_id=user.agency_id, channel__in=RECOMMENDING_CHANNELS)
        .exclude(status=Report.Status.REJECTED)
        .select_related("forwarding__office", "recommendation__bawaslu_office", "reporter")
        .order_by("received_at", "id")
    )
    ids = {report.pk for report in reports} | {report.merged_into_id for report in reports if report.merged_into_id}
    links = {link.report_id: link.case for link in CaseReport.objects.filter(report_id__in=ids).select_related("case")}
    decisions = _decisions_by_case(links)
    started = _reviews_started(links)
    rule = follow_up_rule()
    working_calendar = WorkingCalendar()
    rows = []
    for report in reports:
        case = _case_of(report, links)
        rows.append(
            _row(
                report,
                case=case,
                decision=_decision_for(case, decisions),
                taken_up_on=_taken_up_on(case, started, decisions),
                due_on=_due_on(rule, clock.local_date(report.received_at), working_calendar),
                today=today,
            )
        )
    rows.sort(key=lambda row: (not row.is_overdue, row.due_on or datetime.date.max, row.report.pk))
    return rows


def follow_through_share(rows: list[FollowThroughRow]) -> tuple[int, int]:
    """(recommendations that ended in an executed sanction, all recommendations) of a register."""
    return sum(1 for row in rows if row.executed), len(rows)


__all__ = [
    "FollowThroughRow",
    "can_read_follow_through",
    "follow_through_rows",
    "follow_through_share",
    "follow_up_rule",
]
