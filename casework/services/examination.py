"""The examination record (BAP) and the examination report (LHP)."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from casework.audit_actions import CASE_EXAMINED, EXAMINATION_REPORT_SUBMITTED
from casework.models import Case, CaseTrack, Examination, ExaminationReport, Summons
from casework.services._common import check_version, lock_case, request_letter, transition
from casework.services.context import case_context, legal_basis, person
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


def _examiners_for_letter(case: Case, examiners: Sequence[Any]) -> list[dict[str, str]]:
    """The examination team signs the BAP when there is one (members need no account); otherwise the examiners."""
    team = getattr(case, "examination_team", None)
    if team is not None:
        return [{"name": m.name, "nip": m.nip, "position": m.position_title} for m in team.members.all()]
    return [person(examiner) for examiner in examiners]


@transaction.atomic
def examination_record(
    *,
    case: Case,
    actor: Any,
    held_at: datetime.datetime,
    examiners: Sequence[Any],
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
    if not examiners:
        raise DomainError("examiners_required", _("Name the examiners."), field="examiners")
    if not (place.strip() or virtual_link.strip()):
        raise DomainError("examination_place_required", _("Give the place or the virtual meeting link."), field="place")
    if not examinee_signed and not refusal_note.strip():
        raise DomainError(
            "refusal_note_required",
            _("The examinee did not sign: note the refusal to sign."),
            field="refusal_note",
        )
    case = lock_case(case, actor=actor)
    existing = getattr(case, "examination", None)
    if existing is not None:
        return existing
    check_version(case, expected_version)
    summons = case.summonses.select_for_update().order_by("-number").first()
    if case.status == _S.SUMMONED and summons is not None and summons.attendance == Summons.Attendance.ABSENT:
        raise ConflictError("examinee_absent", _("The examinee was recorded absent for the last summons."))
    transition(case, to=_S.EXAMINED, actor=actor, action=CASE_EXAMINED, data={"questions": len(qa)})
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
    request_letter(
        case=case,
        kind="examination_record",
        actor=actor,
        context=case_context(
            case,
            held_at=timezone.localtime(held_at),
            place=examination.place,
            virtual_link=examination.virtual_link,
            examiners=_examiners_for_letter(case, examiners),
            questions_answers=qa,
            examinee_signed=examinee_signed,
            refusal_note=examination.refusal_note,
        ),
    )
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


@transaction.atomic
def examination_report_submit(
    *,
    case: Case,
    actor: Any,
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
    if not violation_types:
        raise DomainError("violation_types_required", _("Choose the forms of violation."), field="violation_types")
    if not act_time.strip() or not act_place.strip():
        raise DomainError("act_required", _("Give the time and the place of the act."), field="act_time")
    if proven and not recommended_sanction_code.strip():
        raise DomainError(
            "sanction_required",
            _("A proven violation needs a recommended sanction."),
            field="recommended_sanction_code",
        )
    if recommended_sanction_level not in SanctionLevel.values:
        raise DomainError("sanction_level_invalid", _("Choose the level."), field="recommended_sanction_level")
    case = lock_case(case, actor=actor)
    existing = getattr(case, "examination_report", None)
    if existing is not None:
        return existing
    check_version(case, expected_version)
    transition(case, to=_S.REPORTED, actor=actor, action=EXAMINATION_REPORT_SUBMITTED, data={"proven": proven})
    report = ExaminationReport(
        case=case,
        act_time=act_time.strip(),
        act_place=act_place.strip(),
        aggravating=aggravating.strip(),
        mitigating=mitigating.strip(),
        impact=impact.strip(),
        proven=proven,
        recommended_sanction_code=recommended_sanction_code.strip() if proven else "",
        recommended_sanction_level=recommended_sanction_level if proven else "",
        submitted_by=actor,
    )
    report.full_clean(exclude=["case"])
    report.save(force_insert=True)
    report.violation_types.set(violation_types)
    CaseTrack.objects.filter(
        case=case, track__in=[CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE], status=CaseTrack.Status.OPEN
    ).update(status=CaseTrack.Status.PROVEN if proven else CaseTrack.Status.NOT_PROVEN)
    request_letter(
        case=case,
        kind="examination_report",
        actor=actor,
        context=case_context(
            case,
            legal_basis=legal_basis(sorted(violation_types, key=lambda v: v.code)),
            held_at=timezone.localtime(case.examination.held_at) if hasattr(case, "examination") else None,
            act_time=report.act_time,
            act_place=report.act_place,
            aggravating=report.aggravating,
            mitigating=report.mitigating,
            impact=report.impact,
            proven=proven,
            recommended_sanction={
                "code": report.recommended_sanction_code,
                "label": _sanction_label(report.recommended_sanction_code, timezone.localdate()),
                "level": report.recommended_sanction_level,
                "level_label": _level_label(report.recommended_sanction_level),
            },
            signatory=person(actor),
        ),
    )
    return report
