"""Summons I and II, attendance and absence.

Summons I moves the case to `summoned`; summons II (after an absence) keeps it there; a second absence moves it to
`absent_twice`, and the case goes on on the evidence with a non-appearance record.
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.audit_actions import (
    CASE_ABSENT_TWICE,
    CASE_SUMMONED,
    SUMMONS_ABSENT,
    SUMMONS_ATTENDED,
    SUMMONS_DEADLINE_OVERRIDDEN,
    SUMMONS_ISSUED,
    SUMMONS_NOTICE_OVERRIDDEN,
)
from casework.deadlines import SUMMONS_II_RULE, SUMMONS_NOTICE_RULE, summons_latest_send_date, summons_notice_rule
from casework.models import Case, ProbableLevel, Summons
from casework.permissions import can_override_summons_notice
from casework.services._common import (
    bump,
    check_transition,
    check_version,
    lock_case,
    record,
    request_letter,
    transition,
)
from casework.services.context import case_context, person
from core.calendar import deadline_for, deadline_rule_get
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed

_S = Case.Status


def _rule_basis(code: str) -> tuple[int | None, str]:
    rule = deadline_rule_get(code)
    return rule.count, f"{rule.regulation}, {rule.article}" if rule.article else rule.regulation


def _check_override(case: Case, *, actor: Any, rule: str, override_reason: str, refusal: DomainError) -> dict[str, str]:
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
    case: Case, *, actor: Any, scheduled_at: datetime.datetime, sent_on: datetime.date, override_reason: str
) -> dict[str, str] | None:
    """Rule D6: a summons goes out at least 7 working days before the examination, unless a supervisor overrides.

    Returns the override to record, or None when the notice is long enough.
    """
    examination_date = timezone.localdate(scheduled_at)
    latest = summons_latest_send_date(examination_date)
    if sent_on <= latest:
        return None
    rule = summons_notice_rule()
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
    override = _check_override(
        case, actor=actor, rule=SUMMONS_NOTICE_RULE, override_reason=override_reason, refusal=refusal
    )
    return {**override, "latest_send_date": latest.isoformat()}


def _check_second_summons_in_time(
    case: Case, *, actor: Any, first: Summons, sent_on: datetime.date, override_reason: str
) -> dict[str, str] | None:
    """Rule D7: summons II goes out within 7 working days of the examination the accused missed, unless a
    supervisor overrides it with a reason. Returns the override to record, or None when it is in time."""
    missed_on = timezone.localdate(first.scheduled_at)
    try:
        latest = deadline_for(SUMMONS_II_RULE, missed_on)
    except DomainError:  # the rule is not in force on that date (as casework.deadlines treats it)
        return None
    if sent_on <= latest:
        return None
    count, basis = _rule_basis(SUMMONS_II_RULE)
    refusal = DomainError(
        "summons_two_too_late",
        _(
            "Rule %(rule)s: after the examination missed on %(missed)s, summons II must be sent by %(latest)s "
            "(within %(count)s working days; %(basis)s). Ask a supervisor to override with a reason."
        )
        % {
            "rule": SUMMONS_II_RULE,
            "missed": date_format(missed_on, "j F Y"),
            "latest": date_format(latest, "j F Y"),
            "count": count,
            "basis": basis,
        },
        field="sent_on",
    )
    override = _check_override(
        case, actor=actor, rule=SUMMONS_II_RULE, override_reason=override_reason, refusal=refusal
    )
    return {**override, "latest_send_date": latest.isoformat(), "missed_on": missed_on.isoformat()}


@transaction.atomic
def summons_issue(
    *,
    case: Case,
    actor: Any,
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
    overrides with a reason (audited; one reason covers both rules). Requests the
    summons letter after commit. Issuing the same summons again returns the first one.
    """
    if number not in (1, 2):
        raise DomainError("summons_number_invalid", _("A summons is number I or II."), field="number")
    if not (place.strip() or virtual_link.strip()):
        raise DomainError("summons_place_required", _("Give the place or the virtual meeting link."), field="place")
    case = lock_case(case, actor=actor)
    existing = case.summonses.filter(number=number).first()
    if existing is not None:
        return existing
    check_version(case, expected_version)
    first = case.summonses.filter(number=1).first()
    if number == 1:
        if case.probable_level == ProbableLevel.HEAVY and case.status == _S.UNDER_REVIEW:
            raise TransitionNotAllowed(
                "examination_team_required",
                _("The probable level is heavy: form the examination team before summoning the accused."),
            )
        if case.status != _S.SUMMONED:
            transition(case, to=_S.SUMMONED, actor=actor, action=CASE_SUMMONED, data={"summons": 1})
    else:
        if case.status != _S.SUMMONED or first is None or first.attendance != Summons.Attendance.ABSENT:
            raise ConflictError(
                "summons_two_needs_absence", _("Summons II follows only an absence from the examination of summons I.")
            )
    late = None
    if number == 2 and first is not None:
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
    data = {"summons": number, "scheduled_at": scheduled_at.isoformat(), "sent_on": sent_on.isoformat()}
    record(case, actor=actor, action=SUMMONS_ISSUED, data=data)
    if number == 2:
        bump(case)  # summons I moved the case (and its version) already
    if late:
        record(case, actor=actor, action=SUMMONS_DEADLINE_OVERRIDDEN, reason=late["reason"], data=late)
    if override:
        record(case, actor=actor, action=SUMMONS_NOTICE_OVERRIDDEN, reason=override["reason"], data=override)
    request_letter(
        case=case,
        kind=f"summons_{number}",
        actor=actor,
        context=case_context(
            case,
            summons_number=number,
            scheduled_at=timezone.localtime(scheduled_at),
            place=summons.place,
            virtual_link=summons.virtual_link,
            sent_on=sent_on,
            **({"missed_on": timezone.localdate(first.scheduled_at)} if number == 2 and first else {}),
            signatory=person(actor),
        ),
    )
    return summons


def _lock_summons(summons: Summons, actor: Any) -> tuple[Case, Summons]:
    case = lock_case(summons.case, actor=actor)
    return case, Summons.objects.select_for_update().get(pk=summons.pk)


@transaction.atomic
def summons_record_attendance(*, summons: Summons, actor: Any, expected_version: int | None = None) -> Summons:
    """The accused came to the examination of this summons (the BAP follows with examination_record)."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ATTENDED:
        return summons
    check_version(case, expected_version)
    if case.status != _S.SUMMONED or summons.attendance != Summons.Attendance.PENDING:
        raise ConflictError("attendance_already_recorded", _("The attendance for this summons is already recorded."))
    summons.attendance = Summons.Attendance.ATTENDED
    summons.save(update_fields=["attendance", "updated_at"])
    record(case, actor=actor, action=SUMMONS_ATTENDED, data={"summons": summons.number})
    bump(case)
    return summons


@transaction.atomic
def summons_record_absence(
    *, summons: Summons, actor: Any, note: str = "", expected_version: int | None = None
) -> Summons:
    """The accused did not come. After summons I, summons II is due (rule D7); after summons II the case becomes
    `absent_twice` and goes on on the evidence; the non-appearance record is requested after commit."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ABSENT:
        return summons
    check_version(case, expected_version)
    if summons.number == 2:
        check_transition(case, _S.ABSENT_TWICE)
    if case.status != _S.SUMMONED or summons.attendance != Summons.Attendance.PENDING:
        raise ConflictError("attendance_already_recorded", _("The attendance for this summons is already recorded."))
    summons.attendance = Summons.Attendance.ABSENT
    summons.save(update_fields=["attendance", "updated_at"])
    data = {"summons": summons.number, "scheduled_at": summons.scheduled_at.isoformat()}
    if summons.number == 1:
        record(case, actor=actor, action=SUMMONS_ABSENT, reason=note, data=data)
        bump(case)
        return summons
    transition(case, to=_S.ABSENT_TWICE, actor=actor, action=CASE_ABSENT_TWICE, reason=note, data=data)
    request_letter(
        case=case,
        kind="non_appearance_record",
        actor=actor,
        context=case_context(
            case,
            summonses=[
                {
                    "number": s.number,
                    "scheduled_at": timezone.localtime(s.scheduled_at).isoformat(),
                    "sent_on": s.sent_on.isoformat(),
                }
                for s in case.summonses.order_by("number")
            ],
            note=note,
            signatory=person(actor),
        ),
    )
    return summons
