"""Fixtures for the tests after the decision: Lebong, the Bupati as staffing authority, a case with a citizen report
and a Bawaslu forwarding, and decisions put straight into a status (the signing services are tested elsewhere)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from accounts.models import Agency, CivilServant, User
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework.letters import letter_render, letter_request
from casework.models import Case, Letter
from casework.tests.factories import CaseFactory, examiner
from core import clock
from sanctions.letter_contents.decision import decision_letter_context
from sanctions.models import Decision
from sanctions.tests.decision_helpers import World, terms_for
from sanctions.tests.factories import DecisionFactory, StaffingAuthorityFactory, sanction, sanctioning_official
from violations.models import BawasluForwarding, Report, ViolationType
from violations.tests.factories import ForwardingFactory, ReportFactory

D = datetime.date.fromisoformat
REGISTER_NUMBER = "003/Reg/TM/PB/Kab/07.04/X/2024"
BAWASLU_LETTER = "045/PM.00.02/K.BE-07/10/2024"
SCENARIO_1_DECISION_DATE = datetime.date(2024, 11, 20)


@dataclass
class Lebong:
    agency: Agency
    bupati: User
    officer: User
    examiner: User
    principal: CivilServant


def lebong() -> Lebong:
    agency = AgencyFactory.create()
    school = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong")
    principal = CivilServantFactory.create(
        nip="197805122003121003",
        name="Drs. Rahmat Hidayat",
        position_title="Kepala SMP Negeri 1 Lebong",
        rank="Pembina (IV/a)",
        unit=school,
    )
    bupati = sanctioning_official("bupati", first_name="Kopli", last_name="Ansori", position_title="Bupati Lebong")
    StaffingAuthorityFactory(user=bupati, order=1, title="Bupati Lebong")
    return Lebong(
        agency=agency,
        bupati=bupati,
        officer=IntakeOfficerFactory.create(username="verifikator", first_name="Yanti", last_name="Oktaviani"),
        examiner=examiner("pemeriksa", first_name="Hendra", last_name="Saputra"),
        principal=principal,
    )


def case_with_reports(world: Lebong | World, *, bawaslu: bool = True, status: str = Case.Status.DECIDED) -> Case:
    """A decided case over a citizen report (reporter Siti Aminah) and, optionally, Bawaslu Lebong's forwarding."""
    n04 = ViolationType.objects.get(code="N04")
    reports: list[Report] = [
        ReportFactory.create(
            status=Report.Status.DECIDED,
            violation_type=n04,
            accused=world.principal,
            received_at=timezone.make_aware(datetime.datetime(2024, 10, 8, 19, 12)),
        )
    ]
    if bawaslu:
        forwarding: BawasluForwarding = ForwardingFactory.create(
            reference_number=REGISTER_NUMBER,
            letter_number=BAWASLU_LETTER,
            office__name="Bawaslu Kabupaten Lebong",
            recommendation="Diteruskan kepada BKPSDM Kabupaten Lebong untuk diproses.",
            report__status=Report.Status.DECIDED,
            report__violation_type=n04,
            report__received_at=timezone.make_aware(datetime.datetime(2024, 10, 10, 9, 0)),
        )
        reports.append(forwarding.report)
    case = CaseFactory.create(
        agency=world.agency,
        status=status,
        accused=world.principal,
        accused_name=world.principal.name,
        accused_nip=world.principal.nip,
        registered_by=world.officer,
        reports=reports,
    )
    case.assigned_examiners.add(world.examiner)
    return case


def decision(
    world: Lebong | World,
    *,
    case: Case | None = None,
    code: str | None = "B1",
    status: str = Decision.Status.SIGNED,
    decision_date: datetime.date | None = SCENARIO_1_DECISION_DATE,
    received_on: datetime.date | None = None,
    track: str = Decision.Track.DISCIPLINE,
    with_letter: bool = True,
    **kwargs: Any,
) -> Decision:
    """A signed decision by the Bupati (delivered when `received_on` is given), with its numbered letter."""
    case = case or case_with_reports(world)
    fields: dict[str, Any] = {
        "case": case,
        "track": track,
        "outcome": Decision.Outcome.SANCTION if code else Decision.Outcome.DISMISSAL,
        "sanction_type": sanction(code) if code else None,
        "status": Decision.Status.DELIVERED if received_on and status == Decision.Status.SIGNED else status,
        "drafted_by": world.examiner,
        "competent_official": world.bupati,
        "competent_official_title": "Bupati Lebong",
        "signed_by": world.bupati,
        "signed_at": clock.now(),
        "decision_date": decision_date,
        "received_on": received_on,
        "delivered_on": received_on,
        "delivery_method": Decision.Delivery.IN_PERSON if received_on else "",
        "violation_types": [ViolationType.objects.get(code="N04")],
        **(terms_for(code) if code else {}),
    }
    fields.update(kwargs)
    made = DecisionFactory.create(**fields)
    if with_letter:
        made.letter = letter_request(
            case=case, kind="decision", actor=world.bupati, context=decision_letter_context(made)
        )
        made.save(update_fields=["letter"])
    return made


def render(letter: Letter) -> Letter:
    """Issue a letter now (tests run without a worker; requests enqueue nothing before commit)."""
    return letter_render(letter_id=letter.pk)


def issued_pdf_text(letter: Letter) -> str:
    from casework.tests.letter_helpers import pdf_text

    issued = render(letter)
    with issued.pdf.open("rb") as stored:
        return pdf_text(stored.read())
