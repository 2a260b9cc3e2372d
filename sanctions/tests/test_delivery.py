"""Delivery of a signed decision: in person (rule D8) or sent after an absence (rule D9), with exact dates."""

import pytest
from django.urls import reverse

from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.models import AuditEvent
from sanctions.models import Decision
from sanctions.services.delivery import (
    decision_record_absence_and_sending,
    decision_record_delivery,
    decision_record_receipt,
    delivery_due,
)
from sanctions.services.execution import decisions_take_effect_due, effective_date
from sanctions.services.objections import objection_window_ends
from sanctions.tests.after_helpers import D, case_with_reports, decision, lebong

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lebong()


def _events(made: Decision) -> list[tuple[str, str, str, str]]:
    return list(
        AuditEvent.objects.filter(
            target_type="casework.case", target_id=made.case_id, data__decision=made.pk
        ).values_list("action", "from_status", "to_status", "reason")
    )


def test_scenario_1_handed_over_in_person_within_d8_over_the_voting_day(world):
    signed = decision(world, decision_date=D("2024-11-20"))
    # 14 working days from 2024-11-20, skipping the Pilkada voting day 2024-11-27.
    assert delivery_due(signed) == D("2024-12-11")

    delivered = decision_record_delivery(
        decision=signed, actor=world.officer, delivered_on=D("2024-11-25"), note="Diserahkan di ruang BKPSDM."
    )

    delivered.refresh_from_db()
    assert (delivered.status, delivered.delivery_method, delivered.delivered_on, delivered.received_on) == (
        "delivered",
        "in_person",
        D("2024-11-25"),
        D("2024-11-25"),
    )
    assert delivered.delivery_note == "Diserahkan di ruang BKPSDM."
    assert _events(delivered) == [("decision_delivered", "signed", "delivered", "")]
    event = AuditEvent.objects.get(target_type="casework.case", target_id=signed.case_id, data__decision=signed.pk)
    assert event.data == {
        "decision": signed.pk,
        "track": "discipline",
        "method": "in_person",
        "delivered_on": "2024-11-25",
        "received_on": "2024-11-25",
        "due": "2024-12-11",
        "late": None,
    }
    # The same record again changes nothing.
    again = decision_record_delivery(decision=delivered, actor=world.officer, delivered_on=D("2024-11-25"))
    assert again.version == delivered.version


def test_a_delivery_after_d8_needs_a_reason_which_is_audited(world):
    signed = decision(world, decision_date=D("2024-11-20"))

    with pytest.raises(DomainError) as refused:
        decision_record_delivery(decision=signed, actor=world.officer, delivered_on=D("2024-12-12"))
    assert (refused.value.code, refused.value.field) == ("delivery_late_reason_required", "delivered_on")
    signed.refresh_from_db()
    assert signed.status == "signed"

    decision_record_delivery(
        decision=signed, actor=world.officer, delivered_on=D("2024-12-12"), late_reason="Yang bersangkutan sakit."
    )
    signed.refresh_from_db()
    assert (signed.status, signed.received_on) == ("delivered", D("2024-12-12"))
    assert _events(signed) == [("decision_delivered", "signed", "delivered", "Yang bersangkutan sakit.")]
    event = AuditEvent.objects.get(target_type="casework.case", target_id=signed.case_id, data__decision=signed.pk)
    assert event.data["late"] == {"rule": "D8", "due": "2024-12-11", "reason": "Yang bersangkutan sakit."}


def test_a_delivery_on_the_last_day_of_d8_is_in_time(world):
    signed = decision(world, decision_date=D("2024-11-20"))
    decision_record_delivery(decision=signed, actor=world.officer, delivered_on=D("2024-12-11"))
    signed.refresh_from_db()
    assert signed.status == "delivered"


def test_scenario_2_absent_at_delivery_then_sent_by_the_last_day_of_d9(world):
    # Decision of 2024-02-05: delivery due 2024-02-28 (8–9 Feb and the 14 Feb voting day are not working days).
    signed = decision(world, decision_date=D("2024-02-05"))
    assert delivery_due(signed) == D("2024-02-28")

    sent = decision_record_absence_and_sending(
        decision=signed, actor=world.examiner, scheduled_on=D("2024-02-12"), sent_on=D("2024-02-16")
    )

    sent.refresh_from_db()
    # The receipt is never assumed to be the sending date: it waits for the delivery proof.
    assert (
        sent.status,
        sent.delivery_method,
        sent.delivery_scheduled_on,
        sent.delivered_on,
        sent.received_on,
        sent.receipt_proof,
    ) == ("delivered", "sent", D("2024-02-12"), D("2024-02-16"), None, "")
    event = AuditEvent.objects.get(target_type="casework.case", target_id=signed.case_id, data__decision=signed.pk)
    assert (event.action, event.data["due"], event.data["send_due"], event.data["late"], event.data["received_on"]) == (
        "decision_sent",
        "2024-02-28",
        "2024-02-16",
        [],
        None,
    )


def test_a_sent_decision_without_its_receipt_does_not_take_effect_and_opens_no_window(world):
    sent = decision_record_absence_and_sending(
        decision=decision(world, decision_date=D("2024-02-05")),
        actor=world.officer,
        scheduled_on=D("2024-02-12"),
        sent_on=D("2024-02-15"),
    )

    assert decisions_take_effect_due(today=D("2024-12-31")) == []
    sent.refresh_from_db()
    assert (sent.status, sent.effective_on, effective_date(sent), objection_window_ends(sent)) == (
        "delivered",
        None,
        None,
        None,
    )


def test_the_receipt_recorded_from_the_delivery_proof_starts_d10_and_d11(world):
    sent = decision_record_absence_and_sending(
        decision=decision(world, decision_date=D("2024-02-05")),
        actor=world.officer,
        scheduled_on=D("2024-02-12"),
        sent_on=D("2024-02-15"),
    )

    received = decision_record_receipt(
        decision=sent, actor=world.officer, received_on=D("2024-02-19"), receipt_proof="Resi Pos RR123456789ID"
    )

    assert (received.received_on, received.receipt_proof) == (D("2024-02-19"), "Resi Pos RR123456789ID")
    # From 19 Feb 2024: D11 ends on the 14th working day (8 Mar); D10 is the 15th, past Nyepi (11 Mar) and the
    # cuti bersama (12 Mar).
    assert (effective_date(received), objection_window_ends(received)) == (D("2024-03-13"), D("2024-03-08"))
    assert _events(received)[-1] == ("decision_receipt_recorded", "delivered", "delivered", "")
    assert (
        decision_record_receipt(
            decision=received, actor=world.officer, received_on=D("2024-02-19"), receipt_proof="Resi Pos RR123456789ID"
        ).version
        == received.version
    )  # the same receipt again writes nothing


def test_the_receipt_date_given_with_the_sending_needs_its_delivery_proof(world):
    signed = decision(world, decision_date=D("2024-02-05"))
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        decision_record_absence_and_sending(
            decision=signed,
            actor=world.officer,
            scheduled_on=D("2024-02-12"),
            sent_on=D("2024-02-15"),
            received_on=D("2024-02-19"),
        )
    assert (refused.value.code, refused.value.field) == ("receipt_proof_required", "receipt_proof")
    signed.refresh_from_db()
    assert (signed.status, signed.received_on, AuditEvent.objects.count()) == ("signed", None, events)

    decision_record_absence_and_sending(
        decision=signed,
        actor=world.officer,
        scheduled_on=D("2024-02-12"),
        sent_on=D("2024-02-15"),
        received_on=D("2024-02-19"),
        receipt_proof="Tanda terima Kantor Pos Tubei",
    )
    signed.refresh_from_db()
    assert (signed.delivered_on, signed.received_on) == (D("2024-02-15"), D("2024-02-19"))


def test_a_receipt_is_recorded_only_for_a_sent_decision_awaiting_it(world):
    handed = decision_record_delivery(decision=decision(world), actor=world.officer, delivered_on=D("2024-11-25"))
    events = AuditEvent.objects.count()

    with pytest.raises(ConflictError) as refused:
        decision_record_receipt(decision=handed, actor=world.officer, received_on=D("2024-11-26"), receipt_proof="Resi")
    assert refused.value.code == "receipt_not_awaited"
    handed.refresh_from_db()
    assert (handed.received_on, AuditEvent.objects.count()) == (D("2024-11-25"), events)


def test_a_receipt_before_the_sending_or_without_proof_is_refused(world):
    sent = decision_record_absence_and_sending(
        decision=decision(world, decision_date=D("2024-02-05")),
        actor=world.officer,
        scheduled_on=D("2024-02-12"),
        sent_on=D("2024-02-15"),
    )
    for received, proof, code in (
        ("2024-02-14", "Resi", "received_before_sent"),
        ("2024-02-19", " ", "receipt_proof_required"),
    ):
        with pytest.raises(DomainError) as refused:
            decision_record_receipt(decision=sent, actor=world.officer, received_on=D(received), receipt_proof=proof)
        assert refused.value.code == code
    sent.refresh_from_db()
    assert (sent.received_on, sent.receipt_proof) == (None, "")


def test_sending_after_d9_needs_a_reason(world):
    signed = decision(world, decision_date=D("2024-02-05"))
    with pytest.raises(DomainError) as refused:
        decision_record_absence_and_sending(
            decision=signed, actor=world.officer, scheduled_on=D("2024-02-12"), sent_on=D("2024-02-19")
        )
    assert (refused.value.code, refused.value.field) == ("delivery_late_reason_required", "sent_on")

    decision_record_absence_and_sending(
        decision=signed,
        actor=world.officer,
        scheduled_on=D("2024-02-12"),
        sent_on=D("2024-02-19"),
        late_reason="Alamat baru harus dicari.",
    )
    event = AuditEvent.objects.get(target_type="casework.case", target_id=signed.case_id, data__decision=signed.pk)
    assert event.reason == "Alamat baru harus dicari."
    assert event.data["late"] == [{"rule": "D9", "due": "2024-02-16", "reason": "Alamat baru harus dicari."}]


@pytest.mark.parametrize(
    ("scheduled", "sent", "received", "field"),
    [
        ("2024-02-02", "2024-02-12", None, "scheduled_on"),  # before the decision date
        ("2024-02-12", "2024-02-09", None, "sent_on"),  # sent before the missed delivery
        ("2024-02-12", "2024-02-15", "2024-02-14", "received_on"),  # received before it was sent
        ("2024-02-12", "2024-02-15", "2024-02-19", "receipt_proof"),  # received, but from which proof?
    ],
)
def test_impossible_sending_dates_are_refused_with_the_field(world, scheduled, sent, received, field):
    signed = decision(world, decision_date=D("2024-02-05"))
    with pytest.raises(DomainError) as refused:
        decision_record_absence_and_sending(
            decision=signed,
            actor=world.officer,
            scheduled_on=D(scheduled),
            sent_on=D(sent),
            received_on=D(received) if received else None,
        )
    assert refused.value.field == field
    signed.refresh_from_db()
    assert signed.status == "signed"


def test_only_the_case_team_records_delivery_and_only_of_a_signed_decision(world):
    signed = decision(world)
    with pytest.raises(PermissionDenied):
        decision_record_delivery(decision=signed, actor=world.bupati, delivered_on=D("2024-11-25"))
    draft = decision(
        world, case=case_with_reports(world, bawaslu=False), status=Decision.Status.DRAFT, with_letter=False
    )
    with pytest.raises(TransitionNotAllowed):
        decision_record_delivery(decision=draft, actor=world.officer, delivered_on=D("2024-11-25"))
    with pytest.raises(DomainError) as early:
        decision_record_delivery(decision=signed, actor=world.officer, delivered_on=D("2024-11-19"))
    assert early.value.code == "delivery_before_decision"


def test_the_delivery_shows_on_the_case_timeline(world, client):
    signed = decision(world)
    decision_record_delivery(decision=signed, actor=world.officer, delivered_on=D("2024-11-25"))
    client.force_login(world.officer)

    page = client.get(reverse("casework:case-detail", args=[signed.case_id]), HTTP_ACCEPT_LANGUAGE="en")

    assert page.status_code == 200
    assert "Decision delivered" in page.content.decode()
