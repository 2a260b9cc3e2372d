"""The follow-through register: recommendations received, due dates (D16), decisions, execution, the overdue."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, UserFactory
from casework.models import Case
from casework.services import case_start_review
from casework.tests.factories import CaseFactory
from core import clock
from core.calendar import deadline_for
from core.models import DeadlineRule
from sanctions.follow_through import follow_through_rows, follow_through_share
from sanctions.models import Decision
from sanctions.services.execution import decisions_take_effect_due
from sanctions.tests.after_helpers import REGISTER_NUMBER, D, case_with_reports, decision, lebong
from sanctions.tests.factories import sanctioning_official
from violations.models import Channel, Report
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lebong()


@pytest.fixture
def register(world):
    case = case_with_reports(world)
    bkn = ReportFactory(
        channel=Channel.BKN,
        status=Report.Status.RECEIVED,
        received_at=timezone.make_aware(datetime.datetime(2024, 10, 15, 10, 0)),
        reporter={"organisation": "Badan Kepegawaian Negara"},
        description="Rekomendasi BKN: jatuhkan hukuman disiplin sesuai PP 94/2021.",
    )
    ReportFactory(channel=Channel.CITIZEN)  # not a recommendation
    return {"case": case, "bawaslu": Report.objects.get(case_report__case=case, channel="bawaslu"), "bkn": bkn}


def _row(rows, report):
    return next(row for row in rows if row.report == report)


def test_the_follow_up_rule_is_data_marked_for_verification():
    rule = DeadlineRule.objects.get(code="D16")
    assert (rule.count, rule.unit, rule.needs_verification) == (10, "calendar_days", True)
    assert "§4.2" in rule.note
    assert deadline_for("D16", D("2024-10-10")) == D("2024-10-20")
    assert DeadlineRule.objects.filter(code__in=["D13", "D14"]).count() == 2


def test_every_recommendation_with_its_due_date_overdue_ones_name_the_official(world, register):
    rows = follow_through_rows(user=world.officer, today=D("2024-11-01"))

    assert [row.report for row in rows] == [register["bawaslu"], register["bkn"]]
    bawaslu = _row(rows, register["bawaslu"])
    assert (
        bawaslu.source,
        bawaslu.reference_number,
        bawaslu.recommendation,
        bawaslu.received_on,
        bawaslu.due_on,
        bawaslu.case,
        bawaslu.decision,
        bawaslu.is_overdue,
        bawaslu.responsible,
    ) == (
        "Bawaslu Kabupaten Lebong",
        REGISTER_NUMBER,
        "Diteruskan kepada BKPSDM Kabupaten Lebong untuk diproses.",
        D("2024-10-10"),
        D("2024-10-20"),
        register["case"],
        None,
        True,
        "Kopli Ansori (Bupati Lebong)",
    )
    bkn = _row(rows, register["bkn"])
    assert (bkn.source, bkn.due_on, bkn.case, bkn.is_overdue, bkn.responsible) == (
        "Badan Kepegawaian Negara",
        D("2024-10-25"),
        None,
        True,
        "Kopli Ansori (Bupati Lebong)",
    )
    # Before the due date nothing is overdue.
    assert [row.is_overdue for row in follow_through_rows(user=world.officer, today=D("2024-10-20"))] == [False, False]


def test_a_case_with_a_decision_was_taken_up_no_later_than_the_decision_was_drafted(world, register):
    """Issue 9 changed this: D16 measures the taking up, so a decision awaiting signature is no longer overdue (the
    case was taken up, here late: it has no review event, so no later than its draft)."""
    sekda = sanctioning_official("sekda", first_name="Sekretaris", last_name="Daerah")
    decision(
        world,
        case=register["case"],
        status=Decision.Status.AWAITING_SIGNATURE,
        with_letter=False,
        competent_official=sekda,
        competent_official_title="Sekretaris Daerah",
        signed_by=None,
        signed_at=None,
        decision_date=None,
    )
    row = _row(follow_through_rows(user=world.officer, today=D("2024-11-01")), register["bawaslu"])
    assert (
        row.decision.status,
        row.taken_up_on,
        row.taken_up_late,
        row.decided_on,
        row.is_overdue,
        row.responsible,
    ) == (
        "awaiting_signature",
        clock.today(),
        True,
        None,
        False,
        "",
    )


def _recommendation_received_days_ago(world, days: int):
    """A BKN recommendation received `days` ago and the case registered over it (not yet reviewed)."""
    received = clock.now() - datetime.timedelta(days=days)
    report = ReportFactory(channel=Channel.BKN, status=Report.Status.IN_PROCESS, received_at=received,
                           reporter={"organisation": "Badan Kepegawaian Negara"}, accused=world.principal)  # fmt: skip
    case = CaseFactory(agency=world.agency, status=Case.Status.REGISTERED, accused=world.principal,
                       accused_name=world.principal.name, registered_by=world.officer, reports=[report])  # fmt: skip
    return report, case, clock.local_date(received)


def test_d16_measures_that_the_case_is_taken_up_not_that_a_decision_is_signed(world):
    report, case, received_on = _recommendation_received_days_ago(world, 3)
    due = received_on + datetime.timedelta(days=10)
    after_due = due + datetime.timedelta(days=1)

    # Registered but not under review: overdue once the period has passed, naming the PPK the instruction binds.
    row = _row(follow_through_rows(user=world.officer, today=after_due), report)
    assert (row.due_on, row.taken_up_on, row.is_overdue, row.responsible) == (
        due,
        None,
        True,
        "Kopli Ansori (Bupati Lebong)",
    )

    case_start_review(case=case, actor=world.officer, probable_level="moderate", tracks=["discipline"])

    # Under review within the period: followed up as the instruction asks, with no decision signed yet.
    row = _row(follow_through_rows(user=world.officer, today=after_due), report)
    assert (row.taken_up_on, row.taken_up_late, row.decision, row.decided_on, row.is_overdue, row.responsible) == (
        clock.today(),
        False,
        None,
        None,
        False,
        "",
    )


def test_the_decision_it_led_to_and_whether_the_sanction_was_executed(world, register):
    made = decision(world, case=register["case"], received_on=D("2024-11-25"))

    row = _row(follow_through_rows(user=world.officer, today=D("2024-12-02")), register["bawaslu"])
    assert (row.decision, row.decision_number, row.taken_up_on, row.decided_on, row.is_overdue, row.executed) == (
        made,
        made.number,
        D("2024-11-20"),
        D("2024-11-20"),
        False,
        False,
    )

    decisions_take_effect_due(today=D("2024-12-17"))
    rows = follow_through_rows(user=world.officer, today=D("2024-12-17"))
    row = _row(rows, register["bawaslu"])
    assert (row.executed, row.execution_status) == (True, "serving")
    assert follow_through_share(rows) == (1, 2)


def test_scoped_to_the_agency_of_its_readers(world, register):
    leader = UserFactory(username="sekda-pimpinan", roles=[Role.LEADERSHIP])
    blitar = AgencyFactory(code="blitar", name="Pemerintah Kabupaten Blitar", is_default=False)
    elsewhere = UserFactory(username="verifikator-lain", agency=blitar, roles=[Role.INTAKE_OFFICER])
    assert len(follow_through_rows(user=leader, today=D("2024-11-01"))) == 2
    assert follow_through_rows(user=elsewhere, today=D("2024-11-01")) == []
    assert follow_through_rows(user=world.examiner, today=D("2024-11-01")) == []
    assert follow_through_rows(user=world.bupati, today=D("2024-11-01")) == []
