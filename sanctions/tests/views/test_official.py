"""The competent official signs, returns, declares a conflict and corrects, and nobody else does."""

import datetime

import pytest

from casework.letters import letter_render
from casework.models import Case
from core import clock
from sanctions.models import Decision, DecisionRecusal
from sanctions.tests.decision_helpers import World
from sanctions.tests.factories import sanction
from sanctions.tests.views.helpers import (
    awaiting_decision,
    client_for,
    decision_page,
    letter_id_of,
    messages_of,
    signed_decision,
    snapshot_of,
    view_url,
)
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

_S = Decision.Status


def test_the_competent_official_signs(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)

    response = client_for(world.bupati).post(
        view_url("decision-sign", decision), {"expected_version": decision.version}
    )

    decision.refresh_from_db()
    case.refresh_from_db()
    assert response["Location"] == decision_page(decision)
    assert decision.status == _S.SIGNED
    assert decision.signed_by == world.bupati
    assert decision.decision_date == clock.today()
    assert decision.letter is not None and decision.letter.kind == "decision"
    assert case.status == Case.Status.DECIDED
    assert messages_of(response) == [
        (
            "success",
            f"The decision was signed as number {decision.letter.number}; its letter is being prepared.",
        )
    ]


@pytest.mark.parametrize("who", ["officer", "examiner"])
def test_nobody_but_the_competent_official_may_sign(case: Case, world: World, who: str) -> None:
    decision = awaiting_decision(case, world)
    before = snapshot_of(decision)

    response = client_for(getattr(world, who)).post(
        view_url("decision-sign", decision), {"expected_version": decision.version}
    )

    assert response.status_code == 403
    assert snapshot_of(decision) == before


def test_signing_from_a_stale_page_writes_nothing(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)
    before = snapshot_of(decision)

    response = client_for(world.bupati).post(
        view_url("decision-sign", decision), {"expected_version": decision.version - 1}
    )

    assert response["Location"] == decision_page(decision)
    [(level, text)] = messages_of(response)
    assert level == "error" and text
    assert snapshot_of(decision) == before


def test_a_future_decision_date_is_a_message(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)
    before = snapshot_of(decision)
    tomorrow = clock.today() + datetime.timedelta(days=1)

    response = client_for(world.bupati).post(
        view_url("decision-sign", decision),
        {"expected_version": decision.version, "decision_date": tomorrow.isoformat()},
    )

    assert response.status_code == 200
    assert messages_of(response) == [("error", "The date cannot be in the future.")]
    assert response.context["form"].errors == {"decision_date": ["The date cannot be in the future."]}
    assert snapshot_of(decision) == before


def test_the_official_returns_the_decision(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)

    response = client_for(world.bupati).post(
        view_url("decision-return", decision), {"expected_version": decision.version, "note": "Periksa dasar hukum."}
    )

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The decision was returned to the drafter.")]
    assert (decision.status, decision.review_note) == (_S.DRAFT, "Periksa dasar hukum.")


def test_the_official_declares_a_conflict_and_the_stand_in_gets_the_decision(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)

    response = client_for(world.bupati).post(
        view_url("decision-conflict", decision), {"expected_version": decision.version, "reason": "Kerabat terlapor."}
    )

    decision.refresh_from_db()
    assert messages_of(response) == [
        ("success", "Your conflict of interest was recorded; the decision went to the next official.")
    ]
    assert (decision.status, decision.competent_official) == (_S.AWAITING_SIGNATURE, world.wakil)
    assert DecisionRecusal.objects.filter(decision=decision, official=world.bupati).exists()
    # The page now says who was recused; the Bupati no longer sees it.
    page = client_for(world.wakil).get(decision_page(decision))
    assert 'id="recusals"' in page.content.decode()
    assert client_for(world.bupati).get(decision_page(decision)).status_code == 404


def test_the_official_corrects_a_signed_decision_with_a_new_version(case: Case, world: World) -> None:
    old = signed_decision(case, world)
    letter_render(letter_id=letter_id_of(old))
    b2 = sanction("B2")

    response = client_for(world.bupati).post(
        view_url("decision-correct", old),
        {
            "expected_version": old.version,
            "reason": "Salah ketik jenis hukuman.",
            "sanction_type": b2.pk,
            "violation_types": [ViolationType.objects.get(code="N04").pk],
            "considerations": old.considerations,
            "references": "",
            "copies": "Arsip",
            "new_position": "Pengadministrasi Sekolah pada SMP Negeri 1 Lebong",
        },
    )

    old.refresh_from_db()
    new = Decision.objects.get(previous=old)
    assert new.new_position == "Pengadministrasi Sekolah pada SMP Negeri 1 Lebong"
    assert new.sanction_change_reason == "Salah ketik jenis hukuman."  # B2 departs from the LHP's B1
    assert response["Location"] == decision_page(new)
    assert (old.status, new.status, new.version_number, new.sanction_type) == (_S.SUPERSEDED, _S.SIGNED, 2, b2)
    [(level, _text)] = messages_of(response)
    assert level == "success"
    page = client_for(world.officer).get(decision_page(old)).content.decode()
    assert 'id="superseded-notice"' in page
