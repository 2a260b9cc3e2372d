"""Issuing summons I and II (attendance and absence are in casework.services.attendance).

Summons I moves the case to `summoned`; summons II (after an absence from summons I) keeps it there. A summons is
signed by the accused's direct superior or, with an examination team, by its chair (casework.signatories); the
account that records it is the audited actor. Its notice follows rules D6 and D7 (casework.services.summons_notice).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_SUMMONED, SUMMONS_DEADLINE_OVERRIDDEN, SUMMONS_ISSUED, SUMMONS_NOTICE_OVERRIDDEN
from casework.letter_snapshots import case_context
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, ProbableLevel, Summons
from casework.notices import resolve_summons_work
from casework.services.locking import lock_case_for_actor
from casework.services.summons_notice import NoticeCheck, notice_check
from casework.signatories import Signatory, examination_signatory
from core import clock
from core.errors import ConflictError, DomainError, TransitionNotAllowed

_S = Case.Status


def local_moment(moment: datetime.datetime) -> datetime.datetime:
    """The moment in Jakarta time, as letters print it."""
    return timezone.localtime(moment, clock.JAKARTA)


def _check_summons_input(number: int, place: str, virtual_link: str) -> None:
    if number not in (1, 2):
        raise DomainError("summons_number_invalid", _("A summons is number I or II."), field="number")
    if not (place.strip() or virtual_link.strip()):
        raise DomainError("summons_place_required", _("Give the place or the virtual meeting link."), field="place")


def _check_after_team_decree(case: Case, sent_on: datetime.date) -> None:
    """A team's summons cites the decree forming the team: it cannot be older than that decree."""
    if case.has_examination_team() and sent_on < case.examination_team.decision_date:
        team = case.examination_team
        raise DomainError(
            "summons_before_team_decree",
            _(
                "The summons cannot be sent on %(sent)s, before the decree forming the examination team "
                "(%(number)s of %(date)s) it is issued under."
            )
            % {
                "sent": date_format(sent_on, "j F Y"),
                "number": team.decision_number,
                "date": date_format(team.decision_date, "j F Y"),
            },
            field="sent_on",
        )


def _summon(case: Case, *, number: int, first: Summons | None, actor: Actor) -> bool:
    """Summons I moves the case to `summoned` (never while a heavy case still lacks its team); summons II follows
    only an absence from the current summons I. Returns whether the case moved."""
    if number == 2:
        if case.status != _S.SUMMONED or first is None or first.attendance != Summons.Attendance.ABSENT:
            raise ConflictError(
                "summons_two_needs_absence", _("Summons II follows only an absence from the examination of summons I.")
            )
        return False
    if case.probable_level == ProbableLevel.HEAVY and not case.has_examination_team():
        raise TransitionNotAllowed(
            "examination_team_required",
            _("The probable level is heavy: form the examination team before summoning the accused."),
        )
    if case.status == _S.SUMMONED:  # a new summons I after the previous one was set aside
        return False
    CASE_LIFECYCLE.transition(case, to=_S.SUMMONED, actor=actor, action=CASE_SUMMONED, data={"summons": 1})
    return True


def _record_issued(summons: Summons, *, actor: Actor, notice: NoticeCheck, moved: bool) -> None:
    case = summons.case
    if not moved:
        CASE_LIFECYCLE.save(case)  # the case stays summoned; its version moves on
    data = {
        "summons": summons.number,
        "scheduled_at": summons.scheduled_at.isoformat(),
        "sent_on": summons.sent_on.isoformat(),
        "signatory": summons.signatory_name,
        "notice_respected": summons.notice_respected,
    }
    CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ISSUED, data=data)
    if notice.late_second:
        late = notice.late_second
        CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_DEADLINE_OVERRIDDEN, reason=late["reason"], data=late)
    if notice.short_notice:
        short = notice.short_notice
        CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_NOTICE_OVERRIDDEN, reason=short["reason"], data=short)


def _request_summons_letter(summons: Summons, *, first: Summons | None, signatory: Signatory, actor: Actor) -> None:
    missed: dict[str, Any] = {}
    if summons.number == 2 and first:
        missed["missed_on"] = clock.local_date(first.scheduled_at)
    letter_request(
        case=summons.case,
        kind=f"summons_{summons.number}",
        actor=actor,
        context=case_context(
            summons.case,
            letter_kind=f"summons_{summons.number}",
            summons_number=summons.number,
            scheduled_at=local_moment(summons.scheduled_at),
            place=summons.place,
            virtual_link=summons.virtual_link,
            sent_on=summons.sent_on,
            **missed,
            signatory=signatory.for_letter(),
            notice_respected=summons.notice_respected,
            notice_override_reason=summons.notice_override_reason,
        ),
    )


def _new_summons(case: Case, actor: Actor, notice: NoticeCheck, signatory: Signatory, **fields: object) -> Summons:
    summons = Summons(
        case=case,
        notice_respected=notice.respected,
        notice_override_reason=notice.reason,
        notice_overridden_by=None if notice.respected else actor,
        examination_team=case.examination_team if case.has_examination_team() else None,
        issued_by=actor,
        **fields,
    )
    signatory.apply(summons)
    summons.full_clean(exclude=["case", "examination_team"], validate_constraints=False)
    summons.save(force_insert=True)
    return summons


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

    Refused when its signatory is unknown, before the team's decree, with less notice than rule D6, or (summons II)
    later than rule D7, unless a supervisor allows it with a reason to reschedule: audited, and recorded as not
    respecting the notice rules. Requests the summons letter after commit. Issuing the same summons again returns
    the first one.
    """
    _check_summons_input(number, place, virtual_link)
    case = lock_case_for_actor(case, actor=actor)
    existing = Summons.objects.current().filter(case=case, number=number).first()
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    signatory = examination_signatory(case)
    _check_after_team_decree(case, sent_on)
    first = Summons.objects.current().filter(case=case, number=1).first()
    moved = _summon(case, number=number, first=first, actor=actor)
    notice = notice_check(
        case, actor=actor, first=first, scheduled_at=scheduled_at, sent_on=sent_on, override_reason=override_reason
    )
    summons = _new_summons(
        case,
        actor,
        notice,
        signatory,
        number=number,
        scheduled_at=scheduled_at,
        place=place.strip(),
        virtual_link=virtual_link.strip(),
        sent_on=sent_on,
        delivery_method=delivery_method,
        delivery_record=delivery_record.strip(),
    )
    _record_issued(summons, actor=actor, notice=notice, moved=moved)
    _request_summons_letter(summons, first=first, signatory=signatory, actor=actor)
    resolve_summons_work(case)
    return summons
