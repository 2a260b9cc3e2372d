"""Summons I and II, attendance and absence.

Summons I moves the case to `summoned`; summons II (after an absence) keeps it there; a second absence moves it to
`absent_twice`, and the case goes on on the evidence with a non-appearance record.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import (
    CASE_ABSENT_TWICE,
    CASE_SUMMONED,
    SUMMONS_ABSENT,
    SUMMONS_ATTENDED,
    SUMMONS_DEADLINE_OVERRIDDEN,
    SUMMONS_ISSUED,
    SUMMONS_NOTICE_OVERRIDDEN,
)
from casework.deadlines import rule_citation, summons_latest_send_date
from casework.letter_snapshots import case_context, person
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, ProbableLevel, Summons
from casework.permissions import can_override_summons_notice
from casework.services.locking import lock_case_for_actor
from core import clock
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed

_S = Case.Status
Override = dict[str, str]


def _local(moment: datetime.datetime) -> datetime.datetime:
    """The moment in Jakarta time, as letters print it."""
    return timezone.localtime(moment, clock.JAKARTA)


def _check_override(case: Case, *, actor: Actor, rule: str, override_reason: str, refusal: DomainError) -> Override:
    """A rule was missed: refuse, unless a supervisor overrides it with a reason (then return what to audit)."""
    if not override_reason.strip():
        raise refusal
    if not can_override_summons_notice(actor, case):
        raise PermissionDenied(
            "summons_override_not_permitted",
            _("Only a supervisor may allow a summons outside rule %(rule)s.") % {"rule": rule},
        )
    return {"rule": rule, "reason": override_reason.strip()}


def _check_notice(
    case: Case, *, actor: Actor, scheduled_at: datetime.datetime, sent_on: datetime.date, override_reason: str
) -> Override | None:
    """Rule D6: a summons goes out at least 7 working days before the examination, unless a supervisor overrides.

    Returns the override to record, or None when the notice is long enough.
    """
    examination_date = clock.local_date(scheduled_at)
    latest = summons_latest_send_date(examination_date)
    if sent_on <= latest:
        return None
    rule = rule_citation(DeadlineCode.SUMMONS_NOTICE)
    refusal = DomainError(
        "summons_notice_too_short",
        _(
            "Rule %(rule)s: the summons for an examination on %(exam)s must be sent by %(latest)s "
            "(at least %(count)s working days before; %(basis)s). Choose a later examination date, "
            "or ask a supervisor to override with a reason."
        )
        % {
            "rule": rule.code,
            "exam": date_format(examination_date, "j F Y"),
            "latest": date_format(latest, "j F Y"),
            "count": rule.count,
            "basis": rule.legal_basis,
        },
        field="scheduled_at",
    )
    override = _check_override(case, actor=actor, rule=rule.code, override_reason=override_reason, refusal=refusal)
    return {**override, "latest_send_date": latest.isoformat()}


def _check_second_summons_in_time(
    case: Case, *, actor: Actor, first: Summons | None, sent_on: datetime.date, override_reason: str
) -> Override | None:
    """Rule D7: summons II goes out within 7 working days of the examination the accused missed, unless a
    supervisor overrides it with a reason. Returns the override to record, or None when it is in time (and for
    summons I: `first` is None then)."""
    if first is None:
        return None
    missed_on = clock.local_date(first.scheduled_at)
    try:
        latest = deadline_for(DeadlineCode.SUMMONS_II, missed_on)
    except DomainError:  # the rule is not in force on that date (as casework.deadlines treats it)
        return None
    if sent_on <= latest:
        return None
    rule = rule_citation(DeadlineCode.SUMMONS_II)
    refusal = DomainError(
        "summons_two_too_late",
        _(
            "Rule %(rule)s: after the examination missed on %(missed)s, summons II must be sent by %(latest)s "
            "(within %(count)s working days; %(basis)s). Ask a supervisor to override with a reason."
        )
        % {
            "rule": rule.code,
            "missed": date_format(missed_on, "j F Y"),
            "latest": date_format(latest, "j F Y"),
            "count": rule.count,
            "basis": rule.legal_basis,
        },
        field="sent_on",
    )
    override = _check_override(case, actor=actor, rule=rule.code, override_reason=override_reason, refusal=refusal)
    return {**override, "latest_send_date": latest.isoformat(), "missed_on": missed_on.isoformat()}


def _check_summons_input(number: int, place: str, virtual_link: str) -> None:
    if number not in (1, 2):
        raise DomainError("summons_number_invalid", _("A summons is number I or II."), field="number")
    if not (place.strip() or virtual_link.strip()):
        raise DomainError("summons_place_required", _("Give the place or the virtual meeting link."), field="place")


def _summon(case: Case, *, number: int, first: Summons | None, actor: Actor) -> None:
    """Summons I moves the case to `summoned` (never while a heavy case still lacks its team); summons II follows
    only an absence from summons I."""
    if number == 2:
        if case.status != _S.SUMMONED or first is None or first.attendance != Summons.Attendance.ABSENT:
            raise ConflictError(
                "summons_two_needs_absence", _("Summons II follows only an absence from the examination of summons I.")
            )
        return
    if case.probable_level == ProbableLevel.HEAVY and case.status == _S.UNDER_REVIEW:
        raise TransitionNotAllowed(
            "examination_team_required",
            _("The probable level is heavy: form the examination team before summoning the accused."),
        )
    if case.status != _S.SUMMONED:
        CASE_LIFECYCLE.transition(case, to=_S.SUMMONED, actor=actor, action=CASE_SUMMONED, data={"summons": 1})


def _record_issued(summons: Summons, *, actor: Actor, late: Override | None, override: Override | None) -> None:
    case = summons.case
    if summons.number == 2:
        CASE_LIFECYCLE.save(case)  # summons I moved the case (and its version) already
    data = {
        "summons": summons.number,
        "scheduled_at": summons.scheduled_at.isoformat(),
        "sent_on": summons.sent_on.isoformat(),
    }
    CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ISSUED, data=data)
    if late:
        CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_DEADLINE_OVERRIDDEN, reason=late["reason"], data=late)
    if override:
        CASE_LIFECYCLE.record(
            case, actor=actor, action=SUMMONS_NOTICE_OVERRIDDEN, reason=override["reason"], data=override
        )


def _request_summons_letter(summons: Summons, *, first: Summons | None, actor: Actor) -> None:
    missed = {"missed_on": clock.local_date(first.scheduled_at)} if summons.number == 2 and first else {}
    letter_request(
        case=summons.case,
        kind=f"summons_{summons.number}",
        actor=actor,
        context=case_context(
            summons.case,
            summons_number=summons.number,
            scheduled_at=_local(summons.scheduled_at),
            place=summons.place,
            virtual_link=summons.virtual_link,
            sent_on=summons.sent_on,
            **missed,
            signatory=person(actor),
        ),
    )


@transaction.atomic
def summons_issue(
    *,
    case: Case,
    actor: Actor,
    number: int,
    scheduled_at: datetime.datetime,
    sent_on: datetime.date,
    delivery_method: str,
    place: str = "",
    virtual_link: str = "",
    delivery_record: str = "",
    override_reason: str = "",
    expected_version: int | None = None,
) -> Summons:
    """Issue summons I (the case becomes `summoned`) or summons II (after an absence from summons I).

    Refused with less notice than rule D6, or for summons II sent later than rule D7 allows, unless a supervisor
    overrides with a reason (audited; one reason covers both rules). Requests the summons letter after commit.
    Issuing the same summons again returns the first one.
    """
    _check_summons_input(number, place, virtual_link)
    case = lock_case_for_actor(case, actor=actor)
    existing = case.summonses.filter(number=number).first()
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    first = case.summonses.filter(number=1).first()
    _summon(case, number=number, first=first, actor=actor)
    late = _check_second_summons_in_time(
        case, actor=actor, first=first, sent_on=sent_on, override_reason=override_reason
    )
    override = _check_notice(
        case, actor=actor, scheduled_at=scheduled_at, sent_on=sent_on, override_reason=override_reason
    )
    summons = Summons(
        case=case,
        number=number,
        scheduled_at=scheduled_at,
        place=place.strip(),
        virtual_link=virtual_link.strip(),
        sent_on=sent_on,
        delivery_method=delivery_method,
        delivery_record=delivery_record.strip(),
        notice_override_reason=(override or late or {}).get("reason", ""),
        notice_overridden_by=actor if (override or late) else None,
        issued_by=actor,
    )
    summons.full_clean(exclude=["case"])
    summons.save(force_insert=True)
    _record_issued(summons, actor=actor, late=late, override=override)
    _request_summons_letter(summons, first=first, actor=actor)
    return summons


def _lock_summons(summons: Summons, actor: Actor) -> tuple[Case, Summons]:
    case = lock_case_for_actor(summons.case, actor=actor)
    return case, Summons.objects.select_for_update().get(pk=summons.pk)


def _check_pending(case: Case, summons: Summons) -> None:
    if case.status != _S.SUMMONED or summons.attendance != Summons.Attendance.PENDING:
        raise ConflictError("attendance_already_recorded", _("The attendance for this summons is already recorded."))


@transaction.atomic
def summons_record_attendance(*, summons: Summons, actor: Actor, expected_version: int | None = None) -> Summons:
    """The accused came to the examination of this summons (the BAP follows with examination_record)."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ATTENDED:
        return summons
    CASE_LIFECYCLE.check_version(case, expected_version)
    _check_pending(case, summons)
    summons.attendance = Summons.Attendance.ATTENDED
    summons.save(update_fields=["attendance", "updated_at"])
    CASE_LIFECYCLE.save(case)
    CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ATTENDED, data={"summons": summons.number})
    return summons


def _request_non_appearance_record(case: Case, *, note: str, actor: Actor) -> None:
    summonses = [
        {"number": s.number, "scheduled_at": _local(s.scheduled_at).isoformat(), "sent_on": s.sent_on.isoformat()}
        for s in case.summonses.order_by("number")
    ]
    letter_request(
        case=case,
        kind="non_appearance_record",
        actor=actor,
        context=case_context(case, summonses=summonses, note=note, signatory=person(actor)),
    )


@transaction.atomic
def summons_record_absence(
    *, summons: Summons, actor: Actor, note: str = "", expected_version: int | None = None
) -> Summons:
    """The accused did not come. After summons I, summons II is due (rule D7); after summons II the case becomes
    `absent_twice` and goes on on the evidence; the non-appearance record is requested after commit."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ABSENT:
        return summons
    CASE_LIFECYCLE.check_version(case, expected_version)
    if summons.number == 2:
        CASE_LIFECYCLE.check_transition(case, _S.ABSENT_TWICE)
    _check_pending(case, summons)
    summons.attendance = Summons.Attendance.ABSENT
    summons.save(update_fields=["attendance", "updated_at"])
    data = {"summons": summons.number, "scheduled_at": summons.scheduled_at.isoformat()}
    if summons.number == 1:
        CASE_LIFECYCLE.save(case)
        CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ABSENT, reason=note, data=data)
        return summons
    CASE_LIFECYCLE.transition(case, to=_S.ABSENT_TWICE, actor=actor, action=CASE_ABSENT_TWICE, reason=note, data=data)
    _request_non_appearance_record(case, note=note, actor=actor)
    return summons
