"""Reminders after the decision: deliveries (D8), objections (D12) and sanctions about to end (D15), once a day."""

import pytest
from django.core import mail
from django.utils import translation

from casework.tests.factories import agency_administrator
from core.models import Notification
from sanctions.models import Decision, Objection
from sanctions.reminders import sanction_reminders_send
from sanctions.services.execution import decisions_take_effect_due
from sanctions.tests.after_helpers import D, case_with_reports, decision, lebong

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lebong()


def _texts(user) -> list[str]:
    with translation.override("en"):
        from core.notifications import notification_text

        return [notification_text(item) for item in Notification.objects.filter(user=user).order_by("id")]


def test_a_delivery_due_soon_is_reminded_once_a_day_to_the_official_and_the_intake_officers(
    world, django_capture_on_commit_callbacks
):
    made = decision(world, decision_date=D("2024-11-20"))  # D8: 2024-12-11
    assert sanction_reminders_send(today=D("2024-12-06")).notifications == 0  # 3 working days ahead

    with django_capture_on_commit_callbacks(execute=True):
        first = sanction_reminders_send(today=D("2024-12-09"))
    with django_capture_on_commit_callbacks(execute=True):
        second = sanction_reminders_send(today=D("2024-12-09"))

    assert (first.notifications, first.emails, second.notifications, second.skipped_duplicates) == (2, 2, 0, 2)
    assert sorted(message.to[0] for message in mail.outbox) == ["bupati@example.go.id", "verifikator@example.go.id"]
    assert _texts(world.bupati) == [
        f"Case {made.case.number}: decision {made.number} must be delivered to the accused by 2024-12-11 "
        "(rule D8). Responsible: Kopli Ansori."
    ]


def test_an_overdue_delivery_names_the_responsible_official_every_working_day(world):
    made = decision(world, decision_date=D("2024-11-20"))
    sanction_reminders_send(today=D("2024-12-12"))
    sanction_reminders_send(today=D("2024-12-13"))
    assert sanction_reminders_send(today=D("2024-12-14")).working_day is False  # a Saturday: nothing
    assert (
        _texts(world.officer)
        == [
            f"Overdue — case {made.case.number}: decision {made.number} had to be delivered to the accused by "
            "2024-12-11 (rule D8). Responsible: Kopli Ansori."
        ]
        * 2
    )


def test_an_objection_due_soon_reminds_the_staffing_authority(world):
    made = decision(
        world,
        case=case_with_reports(world, bawaslu=False),
        code="S3",
        decision_date=D("2026-07-01"),
        received_on=D("2026-07-06"),
        status=Decision.Status.OBJECTED,
    )
    Objection.objects.create(
        decision=made,
        kind=Objection.Kind.OBJECTION,
        filed_on=D("2026-07-20"),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Mohon keringanan.",
        window_ends_on=D("2026-07-24"),
        recorded_by=world.officer,
    )
    sanction_reminders_send(today=D("2026-08-18"))
    assert _texts(world.bupati) == [
        f"Case {made.case.number}: the objection against decision {made.number} must be decided by 2026-08-19 "
        "(rule D12). Responsible: Kopli Ansori."
    ]


def test_the_ppks_response_to_an_appeal_is_reminded_before_d14_and_no_more_once_sent(world):
    from sanctions.services.appeals import appeal_respond
    from sanctions.services.objections import objection_file

    made = decision(world, code="B3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    appeal = objection_file(decision=made, actor=world.officer, filed_on=D("2026-07-20"), filed_by_name="Terlapor",
                            grounds="Banding.")  # fmt: skip
    # D14 is 2026-08-19; 17 August is a holiday, so 13 August is 3 working days ahead and 14 August 2.
    assert sanction_reminders_send(today=D("2026-08-13")).notifications == 0

    sanction_reminders_send(today=D("2026-08-14"))

    assert _texts(world.bupati) == [
        f"Case {made.case.number}: the PPK's response to the appeal against decision {made.number} must reach the "
        "BPASN by 2026-08-19 (rule D14). Responsible: Kopli Ansori."
    ]
    appeal_respond(objection=appeal, actor=world.bupati, responded_on=D("2026-08-18"), response="Tanggapan PPK.")
    assert sanction_reminders_send(today=D("2026-08-19")).notifications == 0


def test_an_added_day_off_moves_the_reminded_d12(world):
    from core.services import day_off_add

    made = decision(world, case=case_with_reports(world, bawaslu=False), code="S3", decision_date=D("2026-07-01"),
                    received_on=D("2026-07-06"), status=Decision.Status.OBJECTED)  # fmt: skip
    Objection.objects.create(decision=made, kind=Objection.Kind.OBJECTION, filed_on=D("2026-07-20"),
                             filed_by_name="Terlapor", grounds="Keberatan.", window_ends_on=D("2026-07-24"),
                             recorded_by=world.officer)  # fmt: skip
    day_off_add(actor=world.officer, date=D("2026-08-05"), name="Libur daerah", legal_basis="Keputusan Bupati")

    assert sanction_reminders_send(today=D("2026-08-14")).notifications == 0  # due now 2026-08-20
    sanction_reminders_send(today=D("2026-08-18"))
    assert _texts(world.bupati) == [
        f"Case {made.case.number}: the objection against decision {made.number} must be decided by 2026-08-20 "
        "(rule D12). Responsible: Kopli Ansori."
    ]


def test_a_sanction_about_to_end_reminds_the_bkpsdm(world):
    admin = agency_administrator("admin-bkpsdm", first_name="Admin", last_name="BKPSDM")
    made = decision(world, received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))  # serving until 2025-12-17

    assert sanction_reminders_send(today=D("2025-12-09")).notifications == 0  # 6 working days before
    sanction_reminders_send(today=D("2025-12-10"))

    expected = (
        f"Case {made.case.number}: the sanction of decision {made.number} ends on 2025-12-17 (rule D15): restore "
        "the allowance or position. Responsible: Yanti Oktaviani, Admin BKPSDM."
    )
    assert (_texts(world.officer), _texts(admin), _texts(world.bupati)) == ([expected], [expected], [])
