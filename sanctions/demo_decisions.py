"""The demo's cases taken through the procedure with the real services (seed_demo calls demo_decisions).

Story 1 of shared/SCENARIOS.md is played with its own dates up to the served sanction (decision signed 2024-11-20,
delivered 2024-11-25, in effect 2024-12-17, served until 2025-12-17), so the reporters see `closed` and Bawaslu
Lebong sees the outcome. A second case stops where the Bupati has a decision waiting for his signature, so the
`official` demo login has something to sign. Idempotent: a case already past `registered` is left alone.
"""

import datetime
import zoneinfo
from typing import Any

from django.db import transaction

from accounts.models import Agency, CivilServant, User
from casework import services as casework_services
from casework.models import Case, ExaminationTeamMember
from core.calendar import add_working_days
from sanctions import services
from sanctions.models import StaffingAuthority
from violations.models import Report, ViolationType

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
STORY_1_QUESTIONS = [
    ("Apakah Saudara dalam keadaan sehat dan bersedia diperiksa?", "Ya, saya sehat dan bersedia."),
    ("Apakah akun Facebook atas nama Rahmat Hidayat milik Saudara?", "Ya, akun itu milik saya."),
    (
        "Apakah Saudara membagikan tiga unggahan kampanye pasangan calon nomor urut 2 pada 7 Oktober 2024?",
        "Ya, saya membagikannya.",
    ),
    ("Apakah Saudara juga menyukai unggahan tersebut?", "Ya."),
    ("Apakah Saudara mengetahui larangan bagi ASN dalam SKB 2022?", "Saya mengetahuinya secara umum."),
    ("Mengapa Saudara tetap membagikannya?", "Saya tidak berpikir panjang; saya khilaf."),
    ("Berapa pengikut akun Saudara?", "Sekitar 4.800 pengikut."),
    ("Kapan unggahan itu Saudara hapus?", "Pada 9 Oktober 2024, setelah ditegur."),
    ("Apakah ada yang ingin Saudara tambahkan?", "Saya menyesal dan tidak akan mengulanginya."),
]


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=JAKARTA)


def staffing_authority(agency: Agency, official: User) -> StaffingAuthority:
    authority, _created = StaffingAuthority.objects.get_or_create(
        agency=agency, order=1, defaults={"user": official, "title": "Bupati Lebong"}
    )
    return authority


def _case_of(report: Report) -> Case | None:
    link = getattr(report, "case_report", None)
    return link.case if link else None


def _team(case: Case, users: dict[str, User]) -> list[casework_services.TeamMemberInput]:
    accused = CivilServant.objects.filter(nip=case.accused_nip).select_related("direct_superior").first()
    superior = accused.direct_superior if accused else None
    members = []
    for role, person, user in (
        (ExaminationTeamMember.Role.DIRECT_SUPERIOR, superior, None),
        (ExaminationTeamMember.Role.INSPECTORATE, None, users["inspektorat"]),
        (ExaminationTeamMember.Role.BKPSDM, None, users["intake"]),
    ):
        if person is not None:
            members.append(
                casework_services.TeamMemberInput(
                    role=role, name=person.name, nip=person.nip, position_title=person.position_title
                )
            )
        else:
            assert user is not None
            members.append(
                casework_services.TeamMemberInput(
                    role=role,
                    name=user.get_full_name() or user.username,
                    nip=user.nip,
                    position_title=user.position_title,
                    user=user if role == ExaminationTeamMember.Role.BKPSDM else None,
                )
            )
    return members


def _examine(
    case: Case,
    users: dict[str, User],
    *,
    violation: ViolationType,
    level: str,
    sanction: str,
    sent_on: datetime.date,
    examined_on: datetime.date,
    questions: list[tuple[str, str]],
    act_time: str,
    act_place: str,
    aggravating: str,
    mitigating: str,
) -> Case:
    intake, examiner = users["intake"], users["examiner"]
    casework_services.case_start_review(case=case, actor=intake, probable_level=level, tracks=["discipline"])
    casework_services.case_assign(case=case, actor=intake, examiners=[examiner])
    if level == "heavy":
        casework_services.examination_team_form(
            case=case,
            actor=intake,
            decision_number=f"800.1.6/{case.pk:03d}/BKPSDM/{sent_on.year}",
            decision_date=add_working_days(sent_on, -2),
            members=_team(case, users),
        )
    place = "Ruang Pemeriksaan BKPSDM Kabupaten Lebong, Jl. Raya Tubei, Lebong"
    casework_services.summons_issue(
        case=case,
        actor=examiner,
        number=1,
        scheduled_at=at(examined_on),
        sent_on=sent_on,
        delivery_method="in_person",
        place=place,
        delivery_record="Diterima langsung oleh yang bersangkutan.",
    )
    casework_services.examination_record(
        case=case,
        actor=examiner,
        held_at=at(examined_on),
        examiners=[examiner],
        questions_answers=[{"question": q, "answer": a} for q, a in questions],
        examinee_signed=True,
        place=place,
    )
    casework_services.examination_report_submit(
        case=case,
        actor=examiner,
        violation_types=[violation],
        act_time=act_time,
        act_place=act_place,
        proven=True,
        aggravating=aggravating,
        mitigating=mitigating,
        impact="Mengganggu kepercayaan publik terhadap netralitas ASN selama tahapan kampanye.",
        recommended_sanction_code=sanction,
        recommended_sanction_level=level,
    )
    return casework_services.case_forward_for_decision(case=case, actor=examiner)


def _decide_until_signature(case: Case, users: dict[str, User], *, sanction: str, violation: str) -> Any:
    decision = services.decision_draft(
        case=case,
        actor=users["examiner"],
        track="discipline",
        outcome="sanction",
        sanction_code=sanction,
        violation_codes=[violation],
        considerations=(
            "berdasarkan Laporan Hasil Pemeriksaan, yang bersangkutan terbukti melanggar kewajiban menjaga "
            "netralitas sebagai Aparatur Sipil Negara"
        ),
    )
    decision = services.decision_submit_for_review(decision=decision, actor=users["examiner"])
    return services.decision_review(decision=decision, actor=users["intake"], approve=True)


def demo_decisions(*, agency: Agency, users: dict[str, User], reports: dict[str, Report]) -> int:
    """Take the demo cases through the procedure; returns how many cases were moved on this run."""
    staffing_authority(agency, users["official"])
    moved = 0
    story_1 = _case_of(reports["s1-diskominfo"])
    if story_1 is not None and story_1.status == Case.Status.REGISTERED:
        with transaction.atomic():
            _story_1(story_1, users)
        moved += 1
    pending = _case_of(reports["c-teacher-shares"])
    if pending is not None and pending.status == Case.Status.REGISTERED:
        with transaction.atomic():
            _awaiting_signature(pending, users)
        moved += 1
    return moved


def _story_1(case: Case, users: dict[str, User]) -> None:
    case = _examine(
        case,
        users,
        violation=ViolationType.objects.get(code="N04"),
        level="heavy",
        sanction="B1",
        sent_on=datetime.date(2024, 10, 16),
        examined_on=datetime.date(2024, 10, 28),
        questions=STORY_1_QUESTIONS,
        act_time="7 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor (publik)",
        aggravating="Tiga unggahan; akun publik dengan sekitar 4.800 pengikut.",
        mitigating="Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
    )
    decision = _decide_until_signature(case, users, sanction="B1", violation="N04")
    decision = services.decision_sign(
        decision=decision, actor=users["official"], decision_date=datetime.date(2024, 11, 20)
    )
    decision = services.decision_record_delivery(
        decision=decision,
        actor=users["intake"],
        delivered_on=datetime.date(2024, 11, 25),
        note="Diserahkan langsung kepada yang bersangkutan di kantor BKPSDM.",
    )
    services.decision_take_effect(decision=decision, today=datetime.date(2024, 12, 17))
    decision.refresh_from_db()
    services.execution_record_add(
        decision=decision,
        actor=users["intake"],
        action="position_changed",
        carried_out_on=datetime.date(2024, 12, 17),
        document_number="800.1.3.3/412/BKPSDM/2024",
        note="Diturunkan dari Kepala SMP Negeri 1 Lebong menjadi guru pada sekolah yang sama selama 12 bulan.",
    )
    services.executions_complete_due(today=datetime.date(2025, 12, 17))


def _awaiting_signature(case: Case, users: dict[str, User]) -> None:
    today = datetime.date.today()
    examined_on = add_working_days(today, -15)
    case = _examine(
        case,
        users,
        violation=ViolationType.objects.get(code="N04"),
        level="heavy",
        sanction="B2",
        sent_on=add_working_days(examined_on, -8),
        examined_on=examined_on,
        questions=[
            ("Apakah akun Facebook guru.lebong.demo milik Saudara?", "Ya."),
            ("Apakah Saudara membagikan lima unggahan kampanye paslon nomor urut 2?", "Ya, dan saya berkomentar."),
            ("Apakah Saudara pernah dijatuhi hukuman disiplin?", "Belum pernah."),
        ],
        act_time="2 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor",
        aggravating="Lima unggahan disertai ajakan memilih.",
        mitigating="Mengakui perbuatannya.",
    )
    _decide_until_signature(case, users, sanction="B2", violation="N04")
