"""What came of a summons: the accused attended, or was absent.

After an absence from summons I, summons II is due (rule D7); after an absence from summons II the case becomes
`absent_twice` and goes on on the evidence with a non-appearance record. Only a summons that respected the notice
rules counts: an absence after one a supervisor allowed outside them (to reschedule) sets it aside, and the case
needs a new, valid summons (docs/legal-basis.md §5.2). Neither can be recorded before the examination's day.
"""

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_ABSENT_TWICE, SUMMONS_ABSENCE_NOT_COUNTED, SUMMONS_ABSENT, SUMMONS_ATTENDED
from casework.letter_snapshots import case_context
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, SetAside, Summons
from casework.services.locking import lock_case_for_actor
from casework.services.setting_aside import summonses_set_aside
from casework.services.summons import local_moment
from casework.services.summons_notice import second_summons_latest
from casework.signatories import Signatory
from core import clock
from core.errors import ConflictError, DomainError

_S = Case.Status


def _lock_summons(summons: Summons, actor: Actor) -> tuple[Case, Summons]:
    case = lock_case_for_actor(summons.case, actor=actor)
    return case, Summons.objects.select_for_update().get(pk=summons.pk)


def _check_pending(case: Case, summons: Summons) -> None:
    if case.status != _S.SUMMONED or summons.attendance != Summons.Attendance.PENDING or summons.is_set_aside:
        raise ConflictError("attendance_already_recorded", _("The attendance for this summons is already recorded."))


def _check_examination_day_came(summons: Summons) -> None:
    """Attendance and absence are facts of the examination's day: never recorded before it."""
    day = clock.local_date(summons.scheduled_at)
    if clock.today() < day:
        raise DomainError(
            "attendance_before_examination",
            _(
                "The examination of summons %(number)s is set for %(date)s: whether the accused came can be "
                "recorded from that day on."
            )
            % {"number": summons.get_number_display(), "date": date_format(day, "j F Y")},
            field="summons",
        )


@transaction.atomic
def summons_record_attendance(*, summons: Summons, actor: Actor, expected_version: int | None = None) -> Summons:
    """The accused came to the examination of this summons (the BAP follows with examination_record)."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ATTENDED:
        return summons
    CASE_LIFECYCLE.check_version(case, expected_version)
    _check_pending(case, summons)
    _check_examination_day_came(summons)
    summons.attendance = Summons.Attendance.ATTENDED
    summons.save(update_fields=["attendance", "updated_at"])
    CASE_LIFECYCLE.save(case)
    CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ATTENDED, data={"summons": summons.number})
    return summons


def _request_non_appearance_record(case: Case, *, note: str, second: Summons, actor: Actor) -> None:
    """The record lists the two valid summonses the accused missed and is signed by who summoned him."""
    summonses = [
        {"number": s.number, "scheduled_at": local_moment(s.scheduled_at).isoformat(), "sent_on": s.sent_on.isoformat()}
        for s in Summons.objects.current().filter(case=case, notice_respected=True).order_by("number")
    ]
    letter_request(
        case=case,
        kind="non_appearance_record",
        actor=actor,
        context=case_context(case, summonses=summonses, note=note, signatory=Signatory.of(second).for_letter()),
    )


def _absence_not_counted(case: Case, summons: Summons, *, note: str, actor: Actor) -> Summons:
    """An absence after a summons outside the notice rules: recorded, the summons set aside, a new one due. When a
    valid summons II can no longer follow summons I (rule D7 has run out), summons I is set aside too."""
    summons.attendance = Summons.Attendance.ABSENT
    summons.save(update_fields=["attendance", "updated_at"])
    set_aside = summonses_set_aside([summons], why=SetAside.Why.NOTICE_NOT_RESPECTED, reason=note)
    first = Summons.objects.current().select_for_update().filter(case=case, number=1).first()
    if summons.number == 2 and first is not None:
        latest = second_summons_latest(first)
        if latest is None or clock.today() > latest:
            set_aside += summonses_set_aside([first], why=SetAside.Why.SECOND_SUMMONS_TOO_LATE, reason=note)
    CASE_LIFECYCLE.save(case)
    data = {"summons": summons.number, "scheduled_at": summons.scheduled_at.isoformat(), "set_aside": set_aside}
    CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ABSENCE_NOT_COUNTED, reason=note, data=data)
    return summons


@transaction.atomic
def summons_record_absence(
    *, summons: Summons, actor: Actor, note: str = "", expected_version: int | None = None
) -> Summons:
    """The accused did not come. After summons I, summons II is due (rule D7); after summons II the case becomes
    `absent_twice` and goes on on the evidence; the non-appearance record is requested after commit. After a
    summons outside the notice rules the absence does not count (see the module docstring)."""
    case, summons = _lock_summons(summons, actor)
    if summons.attendance == Summons.Attendance.ABSENT:
        return summons
    CASE_LIFECYCLE.check_version(case, expected_version)
    if summons.number == 2 and summons.notice_respected:
        CASE_LIFECYCLE.check_transition(case, _S.ABSENT_TWICE)
    _check_pending(case, summons)
    _check_examination_day_came(summons)
    note = note.strip()
    if not summons.notice_respected:
        return _absence_not_counted(case, summons, note=note, actor=actor)
    summons.attendance = Summons.Attendance.ABSENT
    summons.save(update_fields=["attendance", "updated_at"])
    data = {"summons": summons.number, "scheduled_at": summons.scheduled_at.isoformat()}
    if summons.number == 1:
        CASE_LIFECYCLE.save(case)
        CASE_LIFECYCLE.record(case, actor=actor, action=SUMMONS_ABSENT, reason=note, data=data)
        return summons
    CASE_LIFECYCLE.transition(case, to=_S.ABSENT_TWICE, actor=actor, action=CASE_ABSENT_TWICE, reason=note, data=data)
    _request_non_appearance_record(case, note=note, second=summons, actor=actor)
    return summons
