"""After the signature: delivery, objections (filed, decided) and execution records."""

import datetime

import pytest
from django.urls import reverse

from casework.letters import letter_render
from casework.models import Case
from core import clock
from sanctions.models import Decision, ExecutionRecord, Objection
from sanctions.tests.decision_helpers import NEW_POSITION, World
from sanctions.tests.factories import sanction
from sanctions.tests.views.helpers import (
    client_for,
    decision_in_effect,
    decision_page,
    delivered_decision,
    letter_id_of,
    messages_of,
    signed_decision,
    snapshot_of,
    view_url,
)

pytestmark = pytest.mark.django_db

_S = Decision.Status


# --- after the signature --------------------------------------------------------------------------------------------


def test_the_officer_records_the_delivery_in_person(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    today = clock.today()

    response = client_for(world.officer).post(
        view_url("delivery-in-person", decision),
        {"expected_version": decision.version, "delivered_on": today.isoformat()},
    )

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The delivery was recorded.")]
    assert (decision.status, decision.received_on, decision.delivery_method) == (_S.DELIVERED, today, "in_person")


def test_a_delivery_before_the_decision_date_is_a_message(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    before = snapshot_of(decision)
    yesterday = clock.today() - datetime.timedelta(days=1)

    response = client_for(world.officer).post(
        view_url("delivery-in-person", decision),
        {"expected_version": decision.version, "delivered_on": yesterday.isoformat()},
    )

    assert response.status_code == 200
    [(level, _text)] = messages_of(response)
    assert level == "error"
    assert snapshot_of(decision) == before


def test_the_officer_records_absence_and_sending(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    today = clock.today()

    response = client_for(world.officer).post(
        view_url("delivery-absent", decision),
        {"expected_version": decision.version, "scheduled_on": today.isoformat(), "sent_on": today.isoformat()},
    )

    decision.refresh_from_db()
    assert messages_of(response) == [
        (
            "success",
            "The absence and the sending were recorded. Record the date of receipt when the delivery proof arrives: "
            "until then the decision does not take effect.",
        )
    ]
    assert (decision.status, decision.delivery_method, decision.received_on) == (_S.DELIVERED, "sent", None)
    page = client_for(world.officer).get(decision_page(decision)).content.decode()
    assert 'id="awaiting-receipt"' in page and view_url("delivery-receipt", decision) in page

    response = client_for(world.officer).post(
        view_url("delivery-receipt", decision),
        {"expected_version": decision.version, "received_on": today.isoformat(), "receipt_proof": "Resi RR1"},
    )

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The receipt was recorded.")]
    assert (decision.received_on, decision.receipt_proof) == (today, "Resi RR1")


def test_the_receipt_form_asks_for_the_date_and_the_proof(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    today = clock.today()
    client_for(world.officer).post(
        view_url("delivery-absent", decision),
        {"expected_version": decision.version, "scheduled_on": today.isoformat(), "sent_on": today.isoformat()},
    )
    before = snapshot_of(decision)

    response = client_for(world.officer).post(
        view_url("delivery-receipt", decision), {"expected_version": decision.version + 1, "received_on": ""}
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"received_on", "receipt_proof"}
    assert snapshot_of(decision) == before


def test_an_objection_in_time_is_recorded_and_the_staffing_authority_decides_it(case: Case, world: World) -> None:
    decision = delivered_decision(case, world)
    today = clock.today()

    response = client_for(world.officer).post(
        view_url("objection-file", decision),
        {
            "expected_version": decision.version,
            "filed_on": today.isoformat(),
            "filed_by_name": "Drs. Rahmat Hidayat",
            "grounds": "Hukuman terlalu berat.",
        },
    )

    objection = Objection.objects.get(decision=decision)
    decision.refresh_from_db()
    assert (objection.status, decision.status) == (Objection.Status.PENDING, _S.OBJECTED)
    assert messages_of(response) == [
        ("success", f"The objection was recorded; it must be decided by {objection.due_on}.")
    ]
    inbox = client_for(world.bupati).get(reverse("sanctions:decision-list")).context["objections"]
    assert [item.pk for item in inbox] == [objection.pk]
    decide_url = view_url("objection-decide", decision, objection_id=objection.pk)
    assert decide_url in client_for(world.bupati).get(decision_page(decision)).content.decode()

    response = client_for(world.bupati).post(
        decide_url,
        {
            "expected_version": decision.version,
            "outcome": "upheld",
            "reason": "Hukuman sesuai.",
            "decided_on": today.isoformat(),
        },
    )

    objection.refresh_from_db()
    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The objection was decided: Decision upheld.")]
    assert (objection.status, decision.status) == (Objection.Status.DECIDED, _S.EFFECTIVE)


def test_only_the_staffing_authority_decides_an_objection(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = delivered_decision(case, world)
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=clock.today(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Keberatan.",
    )

    response = client_for(world.officer).post(
        view_url("objection-decide", decision, objection_id=objection.pk),
        {"expected_version": 1, "outcome": "upheld", "reason": "x", "decided_on": clock.today().isoformat()},
    )

    assert response.status_code == 403
    objection.refresh_from_db()
    assert objection.status == Objection.Status.PENDING


def test_an_execution_record_is_added_to_a_decision_in_effect(case: Case, world: World) -> None:
    decision = decision_in_effect(case, world)
    assert decision.effective_on is not None

    response = client_for(world.officer).post(
        view_url("execution-record", decision),
        {
            "expected_version": decision.version,
            "action": "position_changed",
            "carried_out_on": decision.effective_on.isoformat(),
            "document_number": "800/12/BKPSDM/2026",
        },
    )

    assert response["Location"] == decision_page(decision)
    assert messages_of(response) == [("success", "The execution record was added.")]
    record = ExecutionRecord.objects.get(decision=decision)
    assert (record.action, record.document_number, record.recorded_by) == (
        "position_changed",
        "800/12/BKPSDM/2026",
        world.officer,
    )
    assert 'id="execution-records"' in client_for(world.officer).get(decision_page(decision)).content.decode()


def test_an_execution_before_the_effective_date_is_a_message(case: Case, world: World) -> None:
    decision = decision_in_effect(case, world)
    assert decision.effective_on is not None

    response = client_for(world.officer).post(
        view_url("execution-record", decision),
        {
            "expected_version": decision.version,
            "action": "position_changed",
            "carried_out_on": (decision.effective_on - datetime.timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert "carried_out_on" in response.context["form"].errors
    assert not ExecutionRecord.objects.exists()


def test_the_action_pages_are_forbidden_to_those_who_may_not_act(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    leader_less = client_for(world.bupati)

    assert leader_less.get(view_url("delivery-in-person", decision)).status_code == 403
    assert client_for(world.officer).get(view_url("decision-correct", decision)).status_code == 403
    assert client_for(world.officer).get(view_url("delivery-in-person", decision)).status_code == 200
    assert client_for(world.bupati).get(view_url("decision-correct", decision)).status_code == 200


def test_a_late_objection_is_recorded_as_inadmissible(case: Case, world: World) -> None:
    decision = delivered_decision(case, world)
    long_ago = clock.today() - datetime.timedelta(days=90)
    Decision.objects.filter(pk=decision.pk).update(received_on=long_ago, delivered_on=long_ago)
    decision.refresh_from_db()

    response = client_for(world.officer).post(
        view_url("objection-file", decision),
        {
            "expected_version": decision.version,
            "filed_on": clock.today().isoformat(),
            "filed_by_name": "Drs. Rahmat Hidayat",
            "grounds": "Hukuman terlalu berat.",
        },
    )

    objection = Objection.objects.get(decision=decision)
    decision.refresh_from_db()
    assert messages_of(response) == [
        ("success", "It was filed too late and is inadmissible; the statement is being prepared.")
    ]
    assert (objection.status, decision.status) == (Objection.Status.INADMISSIBLE, _S.DELIVERED)


def test_the_staffing_authority_changes_the_sanction_on_objection(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = delivered_decision(case, world)
    letter_render(letter_id=letter_id_of(decision))
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=clock.today(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Pelanggaran pertama; mohon keringanan.",
    )
    decision.refresh_from_db()
    url = view_url("objection-decide", decision, objection_id=objection.pk)
    client = client_for(world.bupati)
    assert "Pelanggaran pertama; mohon keringanan." in client.get(url).content.decode()

    response = client.post(
        url,
        {
            "expected_version": decision.version,
            "outcome": "changed",
            "reason": "Pelanggaran pertama.",
            "decided_on": clock.today().isoformat(),
            "sanction_type": sanction("B2").pk,
            "new_position": NEW_POSITION["release"],
        },
    )

    objection.refresh_from_db()
    decision.refresh_from_db()
    new = objection.new_decision
    assert new is not None
    assert response["Location"] == decision_page(new)
    assert messages_of(response) == [("success", "The objection was decided: Sanction changed.")]
    assert (decision.status, new.sanction_type, new.previous) == (_S.SUPERSEDED, sanction("B2"), decision)


def test_a_changed_outcome_without_the_new_sanction_is_a_form_error(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = delivered_decision(case, world)
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=clock.today(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Keberatan.",
    )
    decision.refresh_from_db()

    response = client_for(world.bupati).post(
        view_url("objection-decide", decision, objection_id=objection.pk),
        {
            "expected_version": decision.version,
            "outcome": "changed",
            "reason": "x",
            "decided_on": clock.today().isoformat(),
        },
    )

    objection.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"sanction_type": ["Choose the new sanction."]}
    assert objection.status == Objection.Status.PENDING


def test_the_same_decide_form_sent_twice_decides_once_and_says_the_decision_changed(case: Case, world: World) -> None:
    from casework.models import Letter
    from core.models import AuditEvent
    from sanctions.services.objections import objection_file

    decision = delivered_decision(case, world)
    letter_render(letter_id=letter_id_of(decision))
    objection = objection_file(decision=decision, actor=world.officer, filed_on=clock.today(),
                               filed_by_name="Drs. Rahmat Hidayat", grounds="Mohon keringanan.")  # fmt: skip
    decision.refresh_from_db()
    url = view_url("objection-decide", decision, objection_id=objection.pk)
    form = {
        "expected_version": decision.version, "outcome": "changed", "reason": "Pelanggaran pertama.",
        "decided_on": clock.today().isoformat(), "sanction_type": sanction("B2").pk,
        "new_position": NEW_POSITION["release"],
    }  # fmt: skip
    client = client_for(world.bupati)
    first = client.post(url, form)
    client.get(first["Location"])  # the success message is shown
    before = (AuditEvent.objects.count(), Letter.objects.count(), Decision.objects.count())

    again = client.post(url, form)

    assert (again.status_code, again["Location"]) == (302, decision_page(decision))
    assert messages_of(again) == [
        (
            "error",
            "The decision was changed by someone else while you were working on it (it is now “Superseded”). "
            "Reload it and try again; nothing was saved.",
        )
    ]
    assert (AuditEvent.objects.count(), Letter.objects.count(), Decision.objects.count()) == before
    assert Decision.objects.filter(previous=decision).count() == 1
