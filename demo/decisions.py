"""Two demo cases taken through the procedure with the real services, from review to decision.

Scenario 1 of docs/scenarios.md is played with its own dates up to the served sanction (decision signed 2024-11-20,
delivered 2024-11-25, in effect 2024-12-17, served until 2025-12-17), so the reporters see `closed` and Bawaslu
Lebong sees the outcome. A second case stops where the Bupati has a decision waiting for his signature, so the
`official` demo login has something to sign. Idempotent: a case already past `registered` is left alone.

Both cases are heavy, so a team examines them, chaired by the accused's direct superior. Their teams were formed
before the day seed_demo runs, so their decrees are recorded as issued on paper (with their own number and date):
Netra numbers a decree it issues on the day it issues it, and a summons is never older than its team's decree. The
Bupati is recorded as the agency's team-decree signatory, so a team formed in the demo today gets Netra's decree.
"""

import datetime

from django.db import transaction

from accounts.models import Agency, CivilServant, User
from casework import services as casework_services
from casework.models import Case, ExaminationTeamMember, TeamDecreeSignatory
from core import clock
from core.calendar import add_working_days
from demo.data import examinations
from demo.data.examinations import DemoExamination
from demo.data.staff_accounts import STAFFING_AUTHORITY_TITLE, STAFFING_AUTHORITY_USERNAME
from sanctions import services
from sanctions.models import Decision, StaffingAuthority
from sanctions.services.staffing_authority import staffing_authority_appoint
from violations.models import Report, ViolationType


def decisions_ensure(*, agency: Agency, users: dict[str, User], reports: dict[str, Report]) -> int:
    """Take the demo cases through the procedure; returns how many cases were moved on this run."""
    _staffing_authority_ensure(agency, users)
    _team_decree_signatory_ensure(agency, users)
    moved = 0
    scenario_1 = _case_of(reports[examinations.SCENARIO_1.report])
    if scenario_1 is not None and scenario_1.status == Case.Status.REGISTERED:
        with transaction.atomic():
            _scenario_1(scenario_1, users)
        moved += 1
    pending = _case_of(reports[examinations.AWAITING_SIGNATURE.report])
    if pending is not None and pending.status == Case.Status.REGISTERED:
        with transaction.atomic():
            _awaiting_signature(pending, users)
        moved += 1
    return moved


def _staffing_authority_ensure(agency: Agency, users: dict[str, User]) -> None:
    """The Bupati as the agency's staffing authority, unless the agency has one in that position already."""
    if not StaffingAuthority.objects.filter(agency=agency, order=1).exists():
        staffing_authority_appoint(
            agency=agency, user=users[STAFFING_AUTHORITY_USERNAME], title=STAFFING_AUTHORITY_TITLE, order=1
        )


def _team_decree_signatory_ensure(agency: Agency, users: dict[str, User]) -> None:
    """The Bupati signs the decrees forming examination teams, unless the agency has a signatory recorded."""
    if TeamDecreeSignatory.objects.filter(agency=agency).exists():
        return
    bupati = users[STAFFING_AUTHORITY_USERNAME]
    casework_services.team_decree_signatory_save(
        actor=users["admin"],
        signatory=TeamDecreeSignatory(
            agency=agency,
            kind=TeamDecreeSignatory.Kind.PPK,
            name=bupati.get_full_name() or bupati.username,
            nip=bupati.nip,
            position_title=STAFFING_AUTHORITY_TITLE,
            user=bupati,
            valid_from=examinations.TEAM_DECREE_SIGNATORY_FROM,
        ),
    )


def _case_of(report: Report) -> Case | None:
    link = getattr(report, "case_report", None)
    return link.case if link else None


def _team(case: Case, users: dict[str, User]) -> list[casework_services.TeamMemberInput]:
    """The Tim Pemeriksa of a heavy case: the accused's direct superior (its chair), the Inspektorat and BKPSDM."""
    accused = CivilServant.objects.filter(nip=case.accused_nip).select_related("direct_superior").first()
    superior = accused.direct_superior if accused else None
    members = []
    if superior is not None:
        members.append(
            casework_services.TeamMemberInput(
                role=ExaminationTeamMember.Role.DIRECT_SUPERIOR,
                name=superior.name,
                nip=superior.nip,
                position_title=superior.position_title,
                is_chair=True,
            )
        )
    for role, user in (
        (ExaminationTeamMember.Role.INSPECTORATE, users["inspektorat"]),
        (ExaminationTeamMember.Role.BKPSDM, users["intake"]),
    ):
        members.append(
            casework_services.TeamMemberInput(
                role=role,
                name=user.get_full_name() or user.username,
                nip=user.nip,
                position_title=user.position_title,
                user=user if role == ExaminationTeamMember.Role.BKPSDM else None,
                # Without a superior in the register, the Inspektorat's auditor chairs the team.
                is_chair=superior is None and role == ExaminationTeamMember.Role.INSPECTORATE,
            )
        )
    return members


def _review_and_summon(
    case: Case, users: dict[str, User], spec: DemoExamination, *, sent_on: datetime.date, examined_on: datetime.date
) -> None:
    intake, examiner = users["intake"], users["examiner"]
    casework_services.case_start_review(case=case, actor=intake, probable_level=spec.level, tracks=["discipline"])
    casework_services.case_assign(case=case, actor=intake, examiners=[examiner])
    if spec.level == "heavy":
        decree = casework_services.ExternalDecree(
            number=f"800.1.6/{case.pk:03d}/BKPSDM/{sent_on.year}", date=add_working_days(sent_on, -2)
        )
        casework_services.examination_team_form(
            case=case, actor=intake, members=_team(case, users), external_decree=decree
        )
    casework_services.summons_issue(
        case=case,
        actor=examiner,
        number=1,
        scheduled_at=clock.at(examined_on, 9),
        sent_on=sent_on,
        delivery_method="in_person",
        place=examinations.EXAMINATION_PLACE,
        delivery_record=examinations.SUMMONS_DELIVERY_RECORD,
    )


def _examine(
    case: Case,
    users: dict[str, User],
    spec: DemoExamination,
    *,
    sent_on: datetime.date,
    examined_on: datetime.date,
    reported_on: datetime.date,
) -> Case:
    """Review, assign, (team,) summon, examine and report on the case; it is then forwarded for decision."""
    _review_and_summon(case, users, spec, sent_on=sent_on, examined_on=examined_on)
    examiner = users["examiner"]
    casework_services.examination_record(
        case=case,
        actor=examiner,
        held_at=clock.at(examined_on, 9),
        examiners=[examiner],
        questions_answers=[{"question": q, "answer": a} for q, a in spec.questions],
        examinee_signed=True,
        place=examinations.EXAMINATION_PLACE,
    )
    casework_services.examination_report_submit(
        case=case,
        actor=examiner,
        violation_types=[ViolationType.objects.get(code=spec.violation)],
        act_time=spec.act_time,
        act_place=spec.act_place,
        proven=True,
        aggravating=spec.aggravating,
        mitigating=spec.mitigating,
        impact=examinations.IMPACT,
        recommended_sanction_code=spec.sanction,
        reported_on=reported_on,
    )
    return casework_services.case_forward_for_decision(case=case, actor=examiner)


def _decide_until_signature(case: Case, users: dict[str, User], spec: DemoExamination) -> Decision:
    decision = services.decision_draft(
        case=case,
        actor=users["examiner"],
        track="discipline",
        outcome="sanction",
        sanction_code=spec.sanction,
        violation_codes=[spec.violation],
        considerations=examinations.CONSIDERATIONS,
        new_position=spec.new_position,
    )
    decision = services.decision_submit_for_review(decision=decision, actor=users["examiner"])
    return services.decision_review(decision=decision, actor=users["kasubbid"], approve=True)


def _scenario_1(case: Case, users: dict[str, User]) -> None:
    spec, dates = examinations.SCENARIO_1, examinations.SCENARIO_1_DATES
    case = _examine(
        case, users, spec, sent_on=dates.summons_sent, examined_on=dates.examined, reported_on=dates.reported
    )
    decision = _decide_until_signature(case, users, spec)
    decision = services.decision_sign(decision=decision, actor=users["official"], decision_date=dates.signed)
    decision = services.decision_record_delivery(
        decision=decision,
        actor=users["intake"],
        delivered_on=dates.delivered,
        note=examinations.SCENARIO_1_DELIVERY_NOTE,
    )
    services.decision_take_effect(decision=decision, today=dates.effective)
    decision.refresh_from_db()
    services.execution_record_add(
        decision=decision,
        actor=users["intake"],
        action=examinations.SCENARIO_1_EXECUTION_ACTION,
        carried_out_on=dates.effective,
        document_number=examinations.SCENARIO_1_EXECUTION_DOCUMENT,
        note=examinations.SCENARIO_1_EXECUTION_NOTE,
    )
    services.executions_complete_due(today=dates.served)


def _awaiting_signature(case: Case, users: dict[str, User]) -> None:
    examined_on = add_working_days(clock.today(), -examinations.AWAITING_SIGNATURE_EXAMINED_WORKING_DAYS_AGO)
    sent_on = add_working_days(examined_on, -examinations.AWAITING_SIGNATURE_SUMMONS_NOTICE_WORKING_DAYS)
    spec = examinations.AWAITING_SIGNATURE
    reported_on = add_working_days(examined_on, examinations.AWAITING_SIGNATURE_REPORTED_WORKING_DAYS_AFTER)
    case = _examine(case, users, spec, sent_on=sent_on, examined_on=examined_on, reported_on=reported_on)
    _decide_until_signature(case, users, spec)
