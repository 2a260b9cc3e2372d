# mypy: disable-error-code="arg-type, list-item, assignment, misc, dict-item"
"""A small known dataset for the figures' tests (every expected figure in the tests is worked out by hand from it).

Rows are made directly, as every app's tests make their fixtures (casework.tests.factories, sanctions.tests.
factories): figures only reads them. Agency A (Lebong) has ten reports and seven cases; agency B (Rejang Lebong)
one report and one case that A's leadership must never see.

Reports of A (received, channel, violation, stage, accused → case):
  r1  2024-10-07 citizen    N04  campaign      cs1 → c1   (reporter "Siti Pelapor Rahasia")
  r2  2024-10-08 bawaslu    N02  campaign      cs1 → c1
  r3  2024-10-10 bawaslu    N01  campaign      cs2 → c2
  r10 2024-10-18 bkn        N13  campaign      cs2 → c7
  r4  2024-11-04 bkn        N11  quiet_period  cs3 → c3
  r5  2024-11-05 citizen    N04  campaign      cs3 → c4
  r6  2024-11-06 citizen    N01  campaign      —   rejected
  r7  2024-12-02 diskominfo N05  voting        —   → c5
  r8  2024-12-03 bawaslu    N01  campaign      cs2 merged into r3 (so: case c2)
  r9  2024-12-04 citizen    N06  (unknown)     cs1 → c6
Cases of A:
  c1 reg 2024-10-09 closed (2024-12-10): S1 moderate, decided 2024-11-01, delivered 2024-11-05, in effect,
     execution completed
  c2 reg 2024-10-11 decided: R2 light, decided 2024-11-15, delivered 2024-11-20, objection pending
  c7 reg 2024-10-20 decided: B2 heavy, decided 2024-11-20, in effect 2024-11-25, then annulled
  c3 reg 2024-11-05 not proven (2024-12-01)
  c4 reg 2024-11-06 summoned: a summons I not sent although its last day has passed (overdue today)
  c5 reg 2024-12-04 under review
  c6 reg 2024-12-05 dismissed (2024-12-06)
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from accounts.models import Agency, CivilServant, Unit, User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, CivilServantFactory, UnitFactory, UserFactory
from casework.models import Case, CaseReport, Summons
from core import clock
from sanctions.models import Decision, Objection
from sanctions.tests.factories import DecisionFactory, sanction
from violations.models import Channel, Election, Report, Reporter, ViolationType

REPORTER_NAME = "Siti Pelapor Rahasia"
REPORTER_PHONE = "081234567890"
ACCUSED_NAMES = ("Drs. Rahmat Hidayat", "Yuliana Sari", "Bambang Priyono")
ACCUSED_NIPS = ("198001012005031001", "198502022010012002", "197803032003121003")
SECRET_TEXT = "Unggahan di Facebook mendukung pasangan calon nomor urut dua"


@dataclass
class World:
    agency: Agency
    other_agency: Agency
    units: dict[str, Unit]
    leader: User
    officer: User
    administrator: User
    other_leader: User
    examiner: User
    election: Election
    reports: dict[str, Report] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)


def _at(day: str, hour: int = 9) -> datetime.datetime:
    return clock.at(datetime.date.fromisoformat(day), hour)


def _user(username: str, agency: Agency, role: Role, **extra: object) -> User:
    user = UserFactory.create(username=username, agency=agency, first_name=username.title(), **extra)
    user.groups.add(Group.objects.get_or_create(name=str(role))[0])
    return user


_REPORTS = [
    # key, received, channel, code, stage, accused index (None: none), status
    ("r1", "2024-10-07", Channel.CITIZEN, "N04", "campaign", 0, Report.Status.IN_PROCESS),
    ("r2", "2024-10-08", Channel.BAWASLU, "N02", "campaign", 0, Report.Status.IN_PROCESS),
    ("r3", "2024-10-10", Channel.BAWASLU, "N01", "campaign", 1, Report.Status.IN_PROCESS),
    ("r10", "2024-10-18", Channel.BKN, "N13", "campaign", 1, Report.Status.IN_PROCESS),
    ("r4", "2024-11-04", Channel.BKN, "N11", "quiet_period", 2, Report.Status.IN_PROCESS),
    ("r5", "2024-11-05", Channel.CITIZEN, "N04", "campaign", 2, Report.Status.IN_PROCESS),
    ("r6", "2024-11-06", Channel.CITIZEN, "N01", "campaign", None, Report.Status.REJECTED),
    ("r7", "2024-12-02", Channel.DISKOMINFO, "N05", "voting", None, Report.Status.IN_PROCESS),
    ("r8", "2024-12-03", Channel.BAWASLU, "N01", "campaign", 1, Report.Status.MERGED),
    ("r9", "2024-12-04", Channel.CITIZEN, "N06", "", 0, Report.Status.IN_PROCESS),
]
# key, registered, status, ended (status_changed_at), reports
_CASES = [
    ("c1", "2024-10-09", Case.Status.CLOSED, "2024-12-10", ["r1", "r2"]),
    ("c2", "2024-10-11", Case.Status.DECIDED, "2024-11-15", ["r3"]),
    ("c7", "2024-10-20", Case.Status.DECIDED, "2024-11-20", ["r10"]),
    ("c3", "2024-11-05", Case.Status.NOT_PROVEN, "2024-12-01", ["r4"]),
    ("c4", "2024-11-06", Case.Status.SUMMONED, "2024-11-20", ["r5"]),
    ("c5", "2024-12-04", Case.Status.UNDER_REVIEW, "2024-12-05", ["r7"]),
    ("c6", "2024-12-05", Case.Status.DISMISSED, "2024-12-06", ["r9"]),
]


def _people(world: World) -> list[CivilServant]:
    units = world.units
    return [
        CivilServantFactory(
            nip=ACCUSED_NIPS[0], name=ACCUSED_NAMES[0], unit=units["education"], position_kind="functional"
        ),
        CivilServantFactory(
            nip=ACCUSED_NIPS[1],
            name=ACCUSED_NAMES[1],
            unit=units["education"],
            position_kind="executor",
            functional_level="",
            employee_type=CivilServant.EmployeeType.PPPK,
        ),
        CivilServantFactory(
            nip=ACCUSED_NIPS[2],
            name=ACCUSED_NAMES[2],
            unit=units["health"],
            position_kind="administrator",
            functional_level="",
        ),
    ]


def _report(world: World, spec: tuple, people: list[CivilServant], number: int) -> Report:  # type: ignore[type-arg]
    _key, received, channel, code, stage, accused, status = spec
    person = people[accused] if accused is not None else None
    report = Report.objects.create(
        tracking_code=f"NTR-FIG{number:04d}",
        agency=world.agency,
        channel=channel,
        source=Report.Source.STAFF,
        status=status,
        received_at=_at(received),
        accused_name=person.name if person else "Tidak diketahui",
        accused_nip=person.nip if person else "",
        accused=person,
        incident_date=datetime.date.fromisoformat(received),
        description=SECRET_TEXT,
        violation_type=ViolationType.objects.get(code=code),
        election=world.election,
        election_stage=stage,
        merged_into=world.reports.get("r3") if status == Report.Status.MERGED else None,
    )
    Reporter.objects.create(report=report, name=REPORTER_NAME, phone=REPORTER_PHONE, email="siti@example.com")
    return report


def _case(world: World, spec: tuple, people_by_report: dict[str, CivilServant | None], number: int) -> Case:  # type: ignore[type-arg]
    _key, registered, status, changed, report_keys = spec
    person = people_by_report[report_keys[0]]
    case = Case.objects.create(
        number=f"{number:04d}/KASUS/LEBONG/2024",
        agency=world.agency,
        status=status,
        accused=person,
        accused_name=person.name if person else "Tidak diketahui",
        accused_nip=person.nip if person else "",
        summary=SECRET_TEXT,
        registered_at=_at(registered, 10),
        registered_by=world.officer,
        status_changed_at=_at(changed, 11),
    )
    for report_key in report_keys:
        CaseReport.objects.create(case=case, report=world.reports[report_key], linked_at=case.registered_at)
    return case


def _decisions(world: World) -> None:
    c = world.cases
    world.decisions["c1"] = DecisionFactory(
        case=c["c1"],
        status=Decision.Status.EFFECTIVE,
        sanction_type=sanction("S1"),
        decision_date=datetime.date(2024, 11, 1),
        signed_at=_at("2024-11-01"),
        delivered_on=datetime.date(2024, 11, 5),
        received_on=datetime.date(2024, 11, 5),
        effective_on=datetime.date(2024, 11, 27),
        execution_status=Decision.Execution.COMPLETED,
    )
    world.decisions["c2"] = DecisionFactory(
        case=c["c2"],
        status=Decision.Status.OBJECTED,
        sanction_type=sanction("R2"),
        decision_date=datetime.date(2024, 11, 15),
        signed_at=_at("2024-11-15"),
        delivered_on=datetime.date(2024, 11, 20),
        received_on=datetime.date(2024, 11, 20),
    )
    Objection.objects.create(
        decision=world.decisions["c2"],
        kind=Objection.Kind.OBJECTION,
        filed_on=datetime.date(2024, 11, 25),
        filed_by_name=ACCUSED_NAMES[1],
        grounds=SECRET_TEXT,
        window_ends_on=datetime.date(2024, 12, 10),
        recorded_by=world.officer,
    )
    world.decisions["c7"] = DecisionFactory(
        case=c["c7"],
        status=Decision.Status.ANNULLED,
        sanction_type=sanction("B2"),
        decision_date=datetime.date(2024, 11, 20),
        signed_at=_at("2024-11-20"),
        delivered_on=datetime.date(2024, 11, 22),
        effective_on=datetime.date(2024, 11, 25),
    )


def _overdue_summons(world: World) -> None:
    """Summons I for an examination three days from today, not sent yet: its last day (D6) has passed."""
    today = clock.today()
    Summons.objects.create(
        case=world.cases["c4"],
        number=1,
        scheduled_at=clock.at(today + datetime.timedelta(days=3), 9),
        place="Kantor BKPSDM",
        sent_on=today + datetime.timedelta(days=1),
        delivery_method=Summons.Delivery.IN_PERSON,
        issued_by=world.officer,
    )
    world.cases["c4"].assigned_examiners.add(world.examiner)


def _other_agency(world: World) -> None:
    unit = UnitFactory(agency=world.other_agency, name="Dinas Rahasia B")
    person = CivilServantFactory(
        nip="199001012015031004", name="Pegawai Agensi B", unit=unit, position_kind="executor", functional_level=""
    )
    report = Report.objects.create(
        tracking_code="NTR-FIGB001",
        agency=world.other_agency,
        channel=Channel.BAWASLU,
        source=Report.Source.STAFF,
        status=Report.Status.IN_PROCESS,
        received_at=_at("2024-10-12"),
        accused_name=person.name,
        accused=person,
        incident_date=datetime.date(2024, 10, 12),
        description=SECRET_TEXT,
        violation_type=ViolationType.objects.get(code="N09"),
        election_stage="campaign",
    )
    other_officer = _user("verifikator-b", world.other_agency, Role.INTAKE_OFFICER)
    case = Case.objects.create(
        number="0001/KASUS/REJANG/2024",
        agency=world.other_agency,
        status=Case.Status.DECIDED,
        accused=person,
        accused_name=person.name,
        registered_at=_at("2024-10-15"),
        registered_by=other_officer,
        status_changed_at=_at("2024-11-02"),
    )
    CaseReport.objects.create(case=case, report=report, linked_at=case.registered_at)
    DecisionFactory(
        case=case,
        status=Decision.Status.SIGNED,
        sanction_type=sanction("B1"),
        decision_date=datetime.date(2024, 11, 2),
        signed_at=_at("2024-11-02"),
    )
    world.cases["b1"] = case


def build_world() -> World:
    agency = AgencyFactory()
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    world = World(
        agency=agency,
        other_agency=other,
        units={
            "education": UnitFactory(agency=agency, code="disdik", name="Dinas Pendidikan"),
            "health": UnitFactory(agency=agency, code="dinkes", name="Dinas Kesehatan"),
        },
        leader=_user("pimpinan", agency, Role.LEADERSHIP),
        officer=_user("verifikator", agency, Role.INTAKE_OFFICER),
        administrator=_user("admin-bkpsdm", agency, Role.ADMINISTRATOR),
        other_leader=_user("pimpinan-b", other, Role.LEADERSHIP),
        examiner=_user("budi", agency, Role.EXAMINER, last_name="Santoso"),
        election=Election.objects.create(name="Pilkada Lebong 2024", kind=Election.Kind.PILKADA, year=2024),
    )
    people = _people(world)
    for number, spec in enumerate(_REPORTS, start=1):
        world.reports[spec[0]] = _report(world, spec, people, number)
    by_report = {spec[0]: (people[spec[5]] if spec[5] is not None else None) for spec in _REPORTS}
    for number, spec in enumerate(_CASES, start=1):
        world.cases[spec[0]] = _case(world, spec, by_report, number)
    _decisions(world)
    _overdue_summons(world)
    _other_agency(world)
    return world
