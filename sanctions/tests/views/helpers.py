"""What the tests of the decision pages share: a logged-in client, the messages shown, the decisions at each
stage (made through the services), the snapshot that shows nothing was written."""

import datetime
from typing import Any

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework.models import Case, Letter
from core import clock
from core.models import AuditEvent
from sanctions.models import Decision
from sanctions.tests.decision_helpers import NEW_POSITION, World, decision_on, to_awaiting_signature
from sanctions.tests.factories import sanction
from violations.models import ViolationType

_S = Decision.Status


def client_for(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def messages_of(response: Any) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def view_url(name: str, decision: Decision, **kwargs: Any) -> str:
    return reverse(f"sanctions:{name}", kwargs={"decision_id": decision.pk, **kwargs})


def decision_page(decision: Decision) -> str:
    return view_url("decision-detail", decision)


def snapshot_of(decision: Decision) -> tuple[Any, ...]:
    decision.refresh_from_db()
    return (
        decision.status,
        decision.version,
        decision.competent_official_id,
        AuditEvent.objects.count(),
        Letter.objects.count(),
        Decision.objects.count(),
    )


def awaiting_decision(case: Case, world: World) -> Decision:
    return to_awaiting_signature(decision_on(case, world), world)


def sign_decision(decision: Decision, world: World) -> Decision:
    from sanctions.services import decision_sign

    return decision_sign(decision=decision, actor=world.bupati)


def signed_decision(case: Case, world: World) -> Decision:
    return sign_decision(awaiting_decision(case, world), world)


def letter_id_of(decision: Decision) -> int:
    assert decision.letter_id is not None
    return decision.letter_id


def other_agency_officer() -> Any:
    return IntakeOfficerFactory(
        username="verifikator-lain", agency=AgencyFactory(code="rejang", name="Rejang Lebong", is_default=False)
    )


def draft_data(case: Case, **overrides: Any) -> dict[str, Any]:
    b1 = sanction("B1")
    data = {
        "expected_version": case.version,
        "track": "discipline",
        "outcome": "sanction",
        "sanction_type": b1.pk,
        "violation_types": [ViolationType.objects.get(code="N04").pk],
        "considerations": "Terlapor membagikan tiga unggahan kampanye.",
        "references": "",
        "copies": "Arsip",
        "new_position": NEW_POSITION["demotion"],
    }
    data.update(overrides)
    return data


def delivered_decision(case: Case, world: World) -> Decision:
    from sanctions.services.delivery import decision_record_delivery

    decision = signed_decision(case, world)
    return decision_record_delivery(decision=decision, actor=world.officer, delivered_on=clock.today())


def decision_in_effect(case: Case, world: World) -> Decision:
    """A delivered B1 put straight into effect a month ago (the daily task's outcome, without waiting for D10)."""
    decision = delivered_decision(case, world)
    today = clock.today()
    Decision.objects.filter(pk=decision.pk).update(
        status=_S.EFFECTIVE,
        effective_on=today - datetime.timedelta(days=30),
        execution_status=Decision.Execution.SERVING,
        sanction_starts_on=today - datetime.timedelta(days=30),
    )
    decision.refresh_from_db()
    return decision
