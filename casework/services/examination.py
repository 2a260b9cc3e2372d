"""The examination record (BAP): a closed examination, signed by the examiners and the examinee (or his refusal).

With an examination team, the team examines and its members sign; without one, the official who summoned the
accused (his direct superior) and the examiners named. The BAP is dated on or after the examination its summons set
and never in the future (docs/legal-basis.md §5.2). The examination report (LHP) is in
casework.services.examination_report.
"""

import datetime
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_EXAMINED
from casework.letter_snapshots import case_context, person
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, Examination, Summons, current_examination
from casework.services.locking import lock_case_for_actor
from casework.services.summons import local_moment
from casework.signatories import Signatory
from core import clock
from core.errors import ConflictError, DomainError

_S = Case.Status


def _clean_questions(questions_answers: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    cleaned = [
        {"question": str(item.get("question", "")).strip(), "answer": str(item.get("answer", "")).strip()}
        for item in questions_answers
    ]
    if not cleaned or any(not item["question"] for item in cleaned):
        raise DomainError(
            "questions_required", _("Record every question asked, with its answer."), field="questions_answers"
        )
    return cleaned


def _check_record(examiners: Sequence[Actor], place: str, virtual_link: str, signed: bool, refusal_note: str) -> None:
    if not examiners:
        raise DomainError("examiners_required", _("Name the examiners."), field="examiners")
    if not (place.strip() or virtual_link.strip()):
        raise DomainError("examination_place_required", _("Give the place or the virtual meeting link."), field="place")
    if not signed and not refusal_note.strip():
        raise DomainError(
            "refusal_note_required",
            _("The examinee did not sign: note the refusal to sign."),
            field="refusal_note",
        )


def _answered_summons(case: Case) -> Summons | None:
    """The last current summons (locked), which the examination answers; refused when the examinee was absent."""
    summons = Summons.objects.current().filter(case=case).select_for_update().order_by("-number").first()
    if case.status == _S.SUMMONED and summons is not None and summons.attendance == Summons.Attendance.ABSENT:
        raise ConflictError("examinee_absent", _("The examinee was recorded absent for the last summons."))
    return summons


def _check_held_at(held_at: datetime.datetime, summons: Summons | None) -> None:
    """The BAP records an examination that took place: not in the future, not before its summons' examination day."""
    held = date_format(local_moment(held_at), "j F Y H:i")
    if held_at > clock.now():
        raise DomainError(
            "examination_in_future",
            _("The examination is dated %(held)s, a moment still to come: record it once it was held.")
            % {"held": held},
            field="held_at",
        )
    if summons is not None and clock.local_date(held_at) < clock.local_date(summons.scheduled_at):
        raise DomainError(
            "examination_before_summons",
            _("The examination is dated %(held)s, before the day summons %(number)s set for it (%(day)s).")
            % {
                "held": held,
                "number": summons.get_number_display(),
                "day": date_format(clock.local_date(summons.scheduled_at), "j F Y"),
            },
            field="held_at",
        )


def _examiners_for_letter(case: Case, examiners: Sequence[Actor], summons: Summons | None) -> list[dict[str, str]]:
    """Who signs the BAP as examiner: the team's members (no account needed), chair first; without a team, the
    official who summoned the accused (his direct superior) and the examiners named."""
    if case.has_examination_team():
        members = case.examination_team.members.order_by("-is_chair", "id")
        return [{"name": m.name, "nip": m.nip, "position": m.position_title} for m in members]
    signed: list[dict[str, str]] = []
    if summons is not None and summons.signatory_name:
        signed.append({k: v for k, v in Signatory.of(summons).for_letter().items() if k in ("name", "nip", "position")})
    nips = {entry["nip"] for entry in signed if entry["nip"]}
    signed += [p for p in (person(examiner) for examiner in examiners) if not (p["nip"] and p["nip"] in nips)]
    return signed


def _request_examination_record(examination: Examination, examiners: Sequence[Actor], actor: Actor) -> None:
    case = examination.case
    letter_request(
        case=case,
        kind="examination_record",
        actor=actor,
        context=case_context(
            case,
            held_at=timezone.localtime(examination.held_at, clock.JAKARTA),
            place=examination.place,
            virtual_link=examination.virtual_link,
            examiners=_examiners_for_letter(case, examiners, examination.summons),
            questions_answers=examination.questions_answers,
            examinee_signed=examination.examinee_signed,
            refusal_note=examination.refusal_note,
        ),
    )


@transaction.atomic
def examination_record(
    *,
    case: Case,
    actor: Actor,
    held_at: datetime.datetime,
    examiners: Sequence[Actor],
    questions_answers: Sequence[Mapping[str, str]],
    examinee_signed: bool,
    refusal_note: str = "",
    place: str = "",
    virtual_link: str = "",
    expected_version: int | None = None,
) -> Examination:
    """Record the closed examination (BAP); the case becomes `examined`. A refusal to sign is noted and the record
    stays valid. The summons the examinee answered is marked attended. Requests the BAP letter after commit."""
    qa = _clean_questions(questions_answers)
    _check_record(examiners, place, virtual_link, examinee_signed, refusal_note)
    case = lock_case_for_actor(case, actor=actor)
    existing = current_examination(case)
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    summons = _answered_summons(case)
    _check_held_at(held_at, summons)
    CASE_LIFECYCLE.transition(case, to=_S.EXAMINED, actor=actor, action=CASE_EXAMINED, data={"questions": len(qa)})
    if summons is not None and summons.attendance == Summons.Attendance.PENDING:
        summons.attendance = Summons.Attendance.ATTENDED
        summons.save(update_fields=["attendance", "updated_at"])
    examination = Examination(
        case=case,
        summons=summons,
        examination_team=case.examination_team if case.has_examination_team() else None,
        held_at=held_at,
        place=place.strip(),
        virtual_link=virtual_link.strip(),
        questions_answers=qa,
        examinee_signed=examinee_signed,
        refusal_note="" if examinee_signed else refusal_note.strip(),
        recorded_by=actor,
    )
    examination.full_clean(exclude=["case", "summons", "examination_team"], validate_constraints=False)
    examination.save(force_insert=True)
    examination.examiners.set(examiners)
    _request_examination_record(examination, examiners, actor)
    return examination
