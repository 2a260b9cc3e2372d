"""The examination record (BAP) and the examination report (LHP)."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_EXAMINED, EXAMINATION_REPORT_SUBMITTED
from casework.letter_snapshots import case_context, legal_basis, person
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, CaseTrack, Examination, ExaminationReport, Summons
from casework.services.locking import lock_case_for_actor
from core import clock
from core.errors import ConflictError, DomainError
from violations.models import SanctionLevel, ViolationType

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
    """The last summons (locked), which the examination answers; refused when the examinee was absent from it."""
    summons = case.summonses.select_for_update().order_by("-number").first()
    if case.status == _S.SUMMONED and summons is not None and summons.attendance == Summons.Attendance.ABSENT:
        raise ConflictError("examinee_absent", _("The examinee was recorded absent for the last summons."))
    return summons


def _examiners_for_letter(case: Case, examiners: Sequence[Actor]) -> list[dict[str, str]]:
    """The examination team signs the BAP when there is one (members need no account); otherwise the examiners."""
    team = getattr(case, "examination_team", None)
    if team is not None:
        return [{"name": m.name, "nip": m.nip, "position": m.position_title} for m in team.members.all()]
    return [person(examiner) for examiner in examiners]


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
            examiners=_examiners_for_letter(case, examiners),
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
    existing = getattr(case, "examination", None)
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    summons = _answered_summons(case)
    CASE_LIFECYCLE.transition(case, to=_S.EXAMINED, actor=actor, action=CASE_EXAMINED, data={"questions": len(qa)})
    if summons is not None and summons.attendance == Summons.Attendance.PENDING:
        summons.attendance = Summons.Attendance.ATTENDED
        summons.save(update_fields=["attendance", "updated_at"])
    examination = Examination(
        case=case,
        summons=summons,
        held_at=held_at,
        place=place.strip(),
        virtual_link=virtual_link.strip(),
        questions_answers=qa,
        examinee_signed=examinee_signed,
        refusal_note="" if examinee_signed else refusal_note.strip(),
        recorded_by=actor,
    )
    examination.full_clean(exclude=["case", "summons"])
    examination.save(force_insert=True)
    examination.examiners.set(examiners)
    _request_examination_record(examination, examiners, actor)
    return examination


def _level_label(level: str) -> str:
    """Letters are written in Indonesian whatever the officer's language."""
    if not level:
        return ""
    with translation.override("id"):
        return str(SanctionLevel(level).label)


def _sanction_label(code: str, on: datetime.date) -> str:
    """The sanction's Indonesian name in the sanctions catalogue, as the letter prints it mid-sentence
    ("berupa penurunan jabatan ..."; an initial acronym keeps its capitals).

    The sanctions app sits above casework, which may not import it; the catalogue model is looked up by name at
    run time instead. Without the app or the code, the letter shows the code alone.
    """
    if not code:
        return ""
    try:
        sanction_type = apps.get_model("sanctions", "SanctionType")
    except LookupError:
        return ""
    entries = sanction_type.objects.filter(code=code).order_by("-valid_from")
    found = entries.in_force(on).first() or entries.first()
    if found is None:
        return ""
    name = str(getattr(found, "name", ""))
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _check_report(violation_types: Sequence[ViolationType], fields: Mapping[str, Any]) -> None:
    if not violation_types:
        raise DomainError("violation_types_required", _("Choose the forms of violation."), field="violation_types")
    if not fields["act_time"].strip() or not fields["act_place"].strip():
        raise DomainError("act_required", _("Give the time and the place of the act."), field="act_time")
    if fields["proven"] and not fields["recommended_sanction_code"].strip():
        raise DomainError(
            "sanction_required",
            _("A proven violation needs a recommended sanction."),
            field="recommended_sanction_code",
        )
    if fields["recommended_sanction_level"] not in SanctionLevel.values:
        raise DomainError("sanction_level_invalid", _("Choose the level."), field="recommended_sanction_level")


def _new_report(case: Case, actor: Actor, fields: Mapping[str, Any]) -> ExaminationReport:
    proven = fields["proven"]
    return ExaminationReport(
        case=case,
        act_time=fields["act_time"].strip(),
        act_place=fields["act_place"].strip(),
        aggravating=fields["aggravating"].strip(),
        mitigating=fields["mitigating"].strip(),
        impact=fields["impact"].strip(),
        proven=proven,
        recommended_sanction_code=fields["recommended_sanction_code"].strip() if proven else "",
        recommended_sanction_level=fields["recommended_sanction_level"] if proven else "",
        submitted_by=actor,
        reported_on=clock.today(),
    )


def _request_examination_report(
    report: ExaminationReport, violation_types: Sequence[ViolationType], actor: Actor
) -> None:
    case = report.case
    examination = getattr(case, "examination", None)
    letter_request(
        case=case,
        kind="examination_report",
        actor=actor,
        context=case_context(
            case,
            legal_basis=legal_basis(sorted(violation_types, key=lambda v: v.code)),
            held_at=timezone.localtime(examination.held_at, clock.JAKARTA) if examination is not None else None,
            act_time=report.act_time,
            act_place=report.act_place,
            aggravating=report.aggravating,
            mitigating=report.mitigating,
            impact=report.impact,
            proven=report.proven,
            recommended_sanction={
                "code": report.recommended_sanction_code,
                "label": _sanction_label(report.recommended_sanction_code, clock.today()),
                "level": report.recommended_sanction_level,
                "level_label": _level_label(report.recommended_sanction_level),
            },
            signatory=person(actor),
        ),
    )


@transaction.atomic
def examination_report_submit(
    *,
    case: Case,
    actor: Actor,
    violation_types: Sequence[ViolationType],
    act_time: str,
    act_place: str,
    proven: bool,
    aggravating: str = "",
    mitigating: str = "",
    impact: str = "",
    recommended_sanction_code: str = "",
    recommended_sanction_level: str = "",
    expected_version: int | None = None,
) -> ExaminationReport:
    """Write the LHP after the examination (or on the evidence after two absences); the case becomes `reported`
    and its ethics and discipline tracks proven or not proven. Requests the LHP letter after commit."""
    fields = {
        "act_time": act_time,
        "act_place": act_place,
        "proven": proven,
        "aggravating": aggravating,
        "mitigating": mitigating,
        "impact": impact,
        "recommended_sanction_code": recommended_sanction_code,
        "recommended_sanction_level": recommended_sanction_level,
    }
    _check_report(violation_types, fields)
    case = lock_case_for_actor(case, actor=actor)
    existing = getattr(case, "examination_report", None)
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    CASE_LIFECYCLE.transition(
        case, to=_S.REPORTED, actor=actor, action=EXAMINATION_REPORT_SUBMITTED, data={"proven": proven}
    )
    report = _new_report(case, actor, fields)
    report.full_clean(exclude=["case"])
    report.save(force_insert=True)
    report.violation_types.set(violation_types)
    CaseTrack.objects.filter(
        case=case, track__in=[CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE], status=CaseTrack.Status.OPEN
    ).update(status=CaseTrack.Status.PROVEN if proven else CaseTrack.Status.NOT_PROVEN)
    _request_examination_report(report, violation_types, actor)
    return report
