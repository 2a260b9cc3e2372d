"""A small Lebong for the decision tests: a line of superiors with accounts, the Bupati and his stand-in, cases.

Scenario 1 of docs/scenarios.md: Drs. Rahmat Hidayat, principal (functional, Ahli Muda) of SMP Negeri 1 Lebong,
N04 on Facebook; the head of the education office is his direct superior; the Bupati signs B1 on 2024-11-20.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from accounts.models import Agency, CivilServant, User
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework.models import Case, Examination, ExaminationReport, ExaminationTeam
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from core import clock
from core.models import AuditEvent
from sanctions.models import Decision, StaffingAuthority
from sanctions.tests.factories import StaffingAuthorityFactory, sanctioning_official
from violations.models import Report, ViolationType
from violations.tests.factories import ForwardingFactory, ReportFactory


@dataclass
class World:
    agency: Agency
    bupati: User
    wakil: User
    sekda_user: User  # JPT Pratama, sanctioning official, not a staffing authority
    kadis_user: User  # head of the education office (JPT Pratama)
    kabid_user: User  # administrator under him
    kasi_user: User  # supervisor under the administrator
    officer: User  # intake officer
    reviewer: User  # agency administrator
    examiner: User
    kadis: CivilServant
    kabid: CivilServant
    kasi: CivilServant
    principal: CivilServant


def _line_of_superiors() -> tuple[CivilServant, CivilServant, CivilServant, CivilServant]:
    """The head of the education office, an administrator and a supervisor under him, and the principal."""
    unit = UnitFactory.create(code="disdikbud", name="Dinas Pendidikan dan Kebudayaan")
    school = UnitFactory.create(code="smpn-1", name="SMP Negeri 1 Lebong")
    kadis = CivilServantFactory.create(
        nip="196903111994031005",
        name="Drs. Syamsul Bahri, M.Pd.",
        position_title="Kepala Dinas Pendidikan dan Kebudayaan",
        position_kind=CivilServant.PositionKind.JPT_PRATAMA,
        functional_level="",
        rank="Pembina Utama Muda (IV/c)",
        unit=unit,
    )
    kabid = CivilServantFactory.create(
        nip="197501012000031002",
        name="Ir. Bambang Wijaya",
        position_title="Kepala Bidang Pembinaan SMP",
        position_kind=CivilServant.PositionKind.ADMINISTRATOR,
        functional_level="",
        unit=unit,
        direct_superior=kadis,
    )
    kasi = CivilServantFactory.create(
        nip="198002022005011003",
        name="Dewi Lestari, S.Pd.",
        position_title="Kepala Seksi Kurikulum SMP",
        position_kind=CivilServant.PositionKind.SUPERVISOR,
        functional_level="",
        unit=unit,
        direct_superior=kabid,
    )
    principal = CivilServantFactory.create(
        nip="197805122003121003",
        name="Drs. Rahmat Hidayat",
        position_title="Kepala SMP Negeri 1 Lebong",
        position_kind=CivilServant.PositionKind.FUNCTIONAL,
        functional_level=CivilServant.FunctionalLevel.JUNIOR_EXPERT,
        rank="Pembina (IV/a)",
        unit=school,
        direct_superior=kadis,
    )
    return kadis, kabid, kasi, principal


def _staffing_authorities() -> tuple[User, User]:
    """The Bupati (the PPK) and the Wakil Bupati standing in for him."""
    bupati = sanctioning_official("bupati", first_name="Kopli", last_name="Ansori", position_title="Bupati Lebong")
    wakil = sanctioning_official(
        "wakil-bupati", first_name="Fahrurrozi", last_name="", position_title="Wakil Bupati Lebong"
    )
    StaffingAuthorityFactory.create(user=bupati, order=1, title="Bupati Lebong")
    StaffingAuthorityFactory.create(user=wakil, order=2, title="Wakil Bupati Lebong")
    return bupati, wakil


def _official_account(username: str, servant: CivilServant) -> User:
    return sanctioning_official(
        username, first_name=servant.name, last_name="", nip=servant.nip, position_title=servant.position_title
    )


def build_world() -> World:
    agency = AgencyFactory.create()
    kadis, kabid, kasi, principal = _line_of_superiors()
    bupati, wakil = _staffing_authorities()
    return World(
        agency=agency,
        bupati=bupati,
        wakil=wakil,
        sekda_user=sanctioning_official("sekda", first_name="Sekretaris", last_name="Daerah"),
        kadis_user=_official_account("kadis", kadis),
        kabid_user=_official_account("kabid", kabid),
        kasi_user=_official_account("kasi", kasi),
        officer=IntakeOfficerFactory.create(username="verifikator", first_name="Yanti", last_name="Oktaviani"),
        reviewer=agency_administrator("admin-bkpsdm", first_name="Admin", last_name="BKPSDM"),
        examiner=examiner("pemeriksa", first_name="Hendra", last_name="Saputra", nip="198203152006041002"),
        kadis=kadis,
        kabid=kabid,
        kasi=kasi,
        principal=principal,
    )


_PRINCIPAL: Any = object()


def forwarded_case(
    world: World,
    accused: CivilServant | None = _PRINCIPAL,
    *,
    codes: tuple[str, ...] = ("N04",),
    status: str = Case.Status.FORWARDED_FOR_DECISION,
    bawaslu: bool = True,
    team: bool = True,
    **kwargs: Any,
) -> Case:
    """A case forwarded for decision over a citizen report (and a Bawaslu forwarding), reports in process; examined
    by an examination team (as a heavy sanction requires) unless `team` is False."""
    accused = world.principal if accused is _PRINCIPAL else accused
    reports = []
    for code in codes:
        reports.append(
            ReportFactory.create(
                status=Report.Status.IN_PROCESS,
                violation_type=ViolationType.objects.get(code=code),
                accused=accused,
                accused_nip=accused.nip if accused else "",
            )
        )
    if bawaslu:
        forwarding = ForwardingFactory.create(
            reference_number="003/Reg/TM/PB/Kab/07.04/X/2024",
            letter_number="045/PM.00.02/K.BE-07/10/2024",
            office__name="Bawaslu Kabupaten Lebong",
            report__status=Report.Status.IN_PROCESS,
            report__violation_type=ViolationType.objects.get(code=codes[0]),
            report__received_at=timezone.make_aware(datetime.datetime(2024, 10, 10, 10, 0)),
        )
        reports.append(forwarding.report)
    case = CaseFactory.create(
        status=status,
        accused=accused,
        accused_name=accused.name if accused else "Tanpa Register",
        accused_nip=accused.nip if accused else "",
        reports=reports,
        **{"probable_level": "heavy", **kwargs},
    )
    case.assigned_examiners.add(world.examiner)
    if team:
        examine_under_team(case, world)
    return case


def examine_under_team(case: Case, world: World, *, on: datetime.date = datetime.date(2024, 10, 28)) -> Examination:
    """The case's examination team (its decree issued on paper) and the examination held under it: what
    casework.selectors.case_examined_by_team asks for."""
    team = ExaminationTeam.objects.create(
        case=case,
        decision_number=f"800.1.6/{case.pk:03d}/BKPSDM/2024",
        decision_date=on - datetime.timedelta(days=14),
        decree_is_external=True,
        formed_by=world.officer,
    )
    examination = Examination.objects.create(
        case=case,
        examination_team=team,
        held_at=timezone.make_aware(datetime.datetime.combine(on, datetime.time(9, 0))),
        place="Ruang Pemeriksaan BKPSDM",
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        recorded_by=world.examiner,
    )
    examination.examiners.add(world.examiner)
    return examination


def examination_report(
    case: Case,
    world: World,
    *,
    code: str = "B1",
    proven: bool = True,
    reported_on: datetime.date = datetime.date(2024, 11, 4),
) -> ExaminationReport:
    """The case's LHP, dated `reported_on`, recommending `code` (the sanctions the decision is measured against)."""
    report = ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor",
        proven=proven,
        recommended_sanction_code=code if proven else "",
        recommended_sanction_level="heavy" if proven else "",
        submitted_by=world.examiner,
        reported_on=reported_on,
    )
    report.violation_types.set([report_.violation_type for report_ in case.reports.all() if report_.violation_type])
    return report


NEW_POSITION = {
    "demotion": "Guru Ahli Pertama pada SMP Negeri 1 Lebong",
    "release": "Pengadministrasi Sekolah pada SMP Negeri 1 Lebong",
}


def dismissal_date() -> datetime.date:
    """A TMT the decision may set: the first day of the month after today (never before the decision date)."""
    today = clock.today()
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def terms_for(code: str) -> dict[str, Any]:
    """The terms the catalogue row of `code` asks a decision for (new position, dismissal date), filled in."""
    from sanctions.tests.factories import sanction

    row = sanction(code) if code else None
    if row is None:
        return {}
    if row.names_new_position:
        return {"new_position": NEW_POSITION[row.position_effect]}
    if row.names_dismissal_date:
        return {"dismissal_date": dismissal_date()}
    return {}


def decision_on(case: Case, world: World, **kwargs: Any) -> Decision:
    """A draft on `case` made through the service (B1 on the discipline track unless told otherwise), with the
    terms its sanction asks for."""
    from sanctions.services import decision_draft

    params: dict[str, Any] = {"track": "discipline", "outcome": "sanction", "sanction_code": "B1"}
    params.update(kwargs)
    if params["outcome"] == "sanction":
        params = {**terms_for(params["sanction_code"]), **params}
    return decision_draft(case=case, actor=world.examiner, **params)


def to_awaiting_signature(decision: Decision, world: World) -> Decision:
    from sanctions.services import decision_review, decision_submit_for_review

    decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    return decision_review(decision=decision, actor=world.officer, approve=True)


def signed(case: Case, world: World, *, on: datetime.date | None = None, **kwargs: Any) -> Decision:
    from sanctions.services import decision_sign

    decision = to_awaiting_signature(decision_on(case, world, **kwargs), world)
    assert decision.competent_official is not None
    return decision_sign(decision=decision, actor=decision.competent_official, decision_date=on)


def staffing(world: World) -> list[StaffingAuthority]:
    return list(StaffingAuthority.objects.filter(agency=world.agency).order_by("order"))


def case_actions(case: Case) -> list[str]:
    """The audit actions recorded on a case, in order."""
    return list(
        AuditEvent.objects.filter(target_type="casework.case", target_id=case.pk)
        .order_by("id")
        .values_list("action", flat=True)
    )
