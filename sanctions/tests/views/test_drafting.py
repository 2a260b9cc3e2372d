"""Drafting from the case, editing, submitting, cancelling and reviewing a draft; stale pages write nothing."""

import pytest
from django.urls import reverse

from casework.models import Case
from core import clock
from sanctions.models import Decision
from sanctions.tests.decision_helpers import World, decision_on, to_awaiting_signature
from sanctions.tests.factories import sanction
from sanctions.tests.views.helpers import (
    client_for,
    decision_page,
    draft_data,
    messages_of,
    sign_decision,
    snapshot_of,
    view_url,
)

pytestmark = pytest.mark.django_db

_S = Decision.Status


# --- drafting --------------------------------------------------------------------------------------------------------


def test_the_draft_page_shows_the_sanction_guidance_for_the_lhp(case: Case, world: World) -> None:
    response = client_for(world.examiner).get(reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}))

    assert response.status_code == 200
    guidance = response.context["guidance"]
    assert guidance.discipline_level == "heavy"
    assert [option.code for option in guidance.discipline_options] == ["B1", "B2", "B3"]
    assert response.context["form"]["sanction_type"].initial == sanction("B1")
    assert 'id="guidance"' in response.content.decode()


def test_an_examiner_drafts_a_decision_from_the_case(case: Case, world: World) -> None:
    response = client_for(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), draft_data(case)
    )

    decision = Decision.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == decision_page(decision)
    assert messages_of(response) == [
        ("success", "The draft decision was saved; submit it for review when it is ready.")
    ]
    assert (decision.status, decision.sanction_type, decision.drafted_by) == (_S.DRAFT, sanction("B1"), world.examiner)
    assert decision.considerations == "Terlapor membagikan tiga unggahan kampanye."
    assert decision.copies == ["Arsip"]
    assert decision.references == []


def test_the_draft_keeps_the_default_references_when_left_as_shown(case: Case, world: World) -> None:
    client = client_for(world.examiner)
    url = reverse("sanctions:decision-draft", kwargs={"case_id": case.pk})
    shown = client.get(url).context["form"]["references"].value()
    assert "045/PM.00.02/K.BE-07/10/2024" in shown

    client.post(url, draft_data(case, references=shown))

    reference = Decision.objects.get(case=case).references[0]
    assert reference["register_number"] == "003/Reg/TM/PB/Kab/07.04/X/2024"


def test_an_agency_administrator_may_not_draft(case: Case, world: World) -> None:
    response = client_for(world.reviewer).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), draft_data(case)
    )

    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_a_sanction_outside_the_guidance_is_refused_with_a_message(case: Case, world: World) -> None:
    r1 = sanction("R1")

    response = client_for(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), draft_data(case, sanction_type=r1.pk)
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert not Decision.objects.exists()


def test_bad_input_on_the_draft_form_is_a_message_not_an_error(case: Case, world: World) -> None:
    response = client_for(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}),
        draft_data(case, sanction_type="", references="Surat | 1 | not-a-date", expected_version="x"),
    )

    assert response.status_code == 200
    assert messages_of(response) == [("error", "Please correct the fields marked below.")]
    assert set(response.context["form"].errors) == {"sanction_type", "references", "expected_version"}
    assert not Decision.objects.exists()


def test_a_draft_from_a_stale_case_page_is_refused(case: Case, world: World) -> None:
    response = client_for(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}),
        draft_data(case, expected_version=case.version + 1),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case-detail", kwargs={"case_id": case.pk})
    assert messages_of(response) == [
        ("error", "The case was changed by someone else meanwhile; nothing was saved. Check it and try again.")
    ]
    assert not Decision.objects.exists()


def test_the_drafter_edits_the_draft(case: Case, world: World) -> None:
    decision = decision_on(case, world)
    data = draft_data(case, expected_version=decision.version, considerations="Pertimbangan baru.")
    del data["track"]

    response = client_for(world.examiner).post(view_url("decision-update", decision), data)

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The draft decision was saved.")]
    assert decision.considerations == "Pertimbangan baru."


def test_the_drafter_cancels_the_draft(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = client_for(world.examiner).post(
        view_url("decision-cancel", decision), {"expected_version": decision.version, "reason": "Jalur keliru."}
    )

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The draft decision was cancelled.")]
    assert decision.status == _S.CANCELLED


# --- review and signature -------------------------------------------------------------------------------------------


def test_submitting_routes_the_draft_to_the_competent_official(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = client_for(world.examiner).post(
        view_url("decision-submit", decision), {"expected_version": decision.version}
    )

    decision.refresh_from_db()
    assert response["Location"] == decision_page(decision)
    assert messages_of(response) == [
        ("success", "The draft was submitted for review; it will go to Kopli Ansori for signature.")
    ]
    assert (decision.status, decision.competent_official) == (_S.IN_REVIEW, world.bupati)


def test_the_reviewer_approves_the_draft(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    response = client_for(world.officer).post(
        view_url("decision-review", decision), {"expected_version": decision.version, "verdict": "approve", "note": ""}
    )

    decision.refresh_from_db()
    assert messages_of(response) == [
        ("success", "The draft was approved and sent to the competent official for signature.")
    ]
    assert (decision.status, decision.reviewed_by) == (_S.AWAITING_SIGNATURE, world.officer)


def test_the_reviewer_returns_the_draft_with_a_note(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    client = client_for(world.officer)

    empty = client.post(
        view_url("decision-review", decision), {"expected_version": decision.version, "verdict": "return", "note": ""}
    )
    assert empty.status_code == 200
    assert empty.context["form"].errors == {"note": ["Say what has to change."]}

    response = client.post(
        view_url("decision-review", decision),
        {"expected_version": decision.version, "verdict": "return", "note": "Lengkapi pertimbangan."},
    )

    decision.refresh_from_db()
    assert messages_of(response) == [("success", "The draft was returned to the drafter.")]
    assert (decision.status, decision.review_note) == (_S.DRAFT, "Lengkapi pertimbangan.")


def test_the_drafter_may_not_review_their_own_draft(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    before = snapshot_of(decision)

    response = client_for(world.examiner).post(
        view_url("decision-review", decision), {"expected_version": decision.version, "verdict": "approve"}
    )

    assert response.status_code == 403
    assert snapshot_of(decision) == before


STALE_ACTIONS = [
    ("decision-submit", "draft", "examiner", {}),
    ("decision-update", "draft", "examiner", None),
    ("decision-cancel", "draft", "examiner", {"reason": "Jalur keliru."}),
    ("decision-review", "in_review", "officer", {"verdict": "approve"}),
    ("decision-return", "awaiting_signature", "bupati", {"note": "Periksa."}),
    ("decision-conflict", "awaiting_signature", "bupati", {"reason": "Kerabat."}),
    ("delivery-in-person", "signed", "officer", {"delivered_on": "today"}),
]


@pytest.mark.parametrize(("name", "stage", "who", "data"), STALE_ACTIONS)
def test_an_action_from_a_stale_page_writes_nothing_and_says_so(
    case: Case, world: World, name: str, stage: str, who: str, data: dict[str, str] | None
) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_on(case, world)
    if stage == "in_review":
        decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    elif stage == "awaiting_signature":
        decision = to_awaiting_signature(decision, world)
    elif stage == "signed":
        decision = sign_decision(to_awaiting_signature(decision, world), world)
    if data is None:
        data = draft_data(case)
        del data["track"]
    data = {key: clock.today().isoformat() if value == "today" else value for key, value in data.items()}
    data["expected_version"] = str(decision.version - 1 if decision.version > 1 else decision.version + 1)
    before = snapshot_of(decision)

    response = client_for(getattr(world, who)).post(view_url(name, decision), data)

    assert response.status_code == 302
    assert response["Location"] == decision_page(decision)
    [(level, text)] = messages_of(response)
    assert level == "error" and "changed" in text
    assert snapshot_of(decision) == before


def test_editing_a_draft_submitted_meanwhile_is_refused_with_a_message(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_on(case, world)
    seen = decision.version
    decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    before = snapshot_of(decision)
    data = draft_data(case, expected_version=seen, considerations="Terlambat.")
    del data["track"]

    response = client_for(world.examiner).post(view_url("decision-update", decision), data)

    assert response.status_code == 302
    assert response["Location"] == decision_page(decision)
    [(level, _text)] = messages_of(response)
    assert level == "error"
    assert snapshot_of(decision) == before


def test_the_same_draft_form_sent_twice_saves_one_draft_and_says_why_the_second_was_refused(
    case: Case, world: World
) -> None:
    from casework.models import Letter
    from core.models import AuditEvent

    client = client_for(world.examiner)
    url = reverse("sanctions:decision-draft", kwargs={"case_id": case.pk})
    first = client.post(url, draft_data(case))
    client.get(first["Location"])  # the success message is shown
    decision = Decision.objects.get(case=case)
    before = (AuditEvent.objects.count(), Letter.objects.count())

    again = client.post(url, draft_data(case))

    assert (again.status_code, again["Location"]) == (302, reverse("casework:case-detail", kwargs={"case_id": case.pk}))
    assert messages_of(again) == [
        (
            "error",
            "This case already has a decision on the Discipline (PP 94/2021) track (status “Draft”): no second "
            "sanction for the same violation. Correct or cancel that one instead.",
        )
    ]
    assert list(Decision.objects.filter(case=case)) == [decision]
    assert (AuditEvent.objects.count(), Letter.objects.count()) == before


def test_submitting_is_a_button_on_the_decision_page_without_a_page_of_its_own(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = client_for(world.examiner).get(view_url("decision-submit", decision))

    assert response.status_code == 405
    decision.refresh_from_db()
    assert decision.status == _S.DRAFT
