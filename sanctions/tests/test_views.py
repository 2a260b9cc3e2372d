"""The decision pages: who may open them, one service per action view, its message, refusals and conflicts."""

import datetime
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from casework.letters import letter_render
from casework.models import Case, ExaminationReport, Letter
from core.models import AuditEvent
from sanctions.models import Decision, DecisionRecusal, ExecutionRecord, Objection
from sanctions.tests.decision_helpers import World, build_world, decision_on, forwarded_case, to_awaiting_signature
from sanctions.tests.factories import sanction
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

_S = Decision.Status


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def case(world: World) -> Case:
    """Scenario 1: N04 proven in the LHP, B1 recommended, forwarded for decision."""
    case = forwarded_case(world)
    report = ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="B1",
        recommended_sanction_level="heavy",
        submitted_by=world.examiner,
    )
    report.violation_types.set([ViolationType.objects.get(code="N04")])
    return case


def _client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _messages(response: Any) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def _url(name: str, decision: Decision, **kwargs: Any) -> str:
    return reverse(f"sanctions:{name}", kwargs={"decision_id": decision.pk, **kwargs})


def _page(decision: Decision) -> str:
    return _url("decision-detail", decision)


def _snapshot(decision: Decision) -> tuple[Any, ...]:
    decision.refresh_from_db()
    return (
        decision.status,
        decision.version,
        decision.competent_official_id,
        AuditEvent.objects.count(),
        Letter.objects.count(),
        Decision.objects.count(),
    )


def _awaiting(case: Case, world: World) -> Decision:
    return to_awaiting_signature(decision_on(case, world), world)


def _sign(decision: Decision, world: World) -> Decision:
    from sanctions.services import decision_sign

    return decision_sign(decision=decision, actor=world.bupati)


def _signed(case: Case, world: World) -> Decision:
    return _sign(_awaiting(case, world), world)


def _letter_id(decision: Decision) -> int:
    assert decision.letter_id is not None
    return decision.letter_id


def _other_agency_officer() -> Any:
    return IntakeOfficerFactory(
        username="verifikator-lain", agency=AgencyFactory(code="rejang", name="Rejang Lebong", is_default=False)
    )


# --- reading: who may open what ---------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get(reverse("sanctions:decision-list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("reviewer", 200), ("examiner", 200), ("bupati", 200), ("bawaslu", 403), ("leader", 403)],
)
def test_the_decision_list_is_for_case_workers_and_officials(world: World, who: str, status: int) -> None:
    users = {
        "officer": world.officer,
        "reviewer": world.reviewer,
        "examiner": world.examiner,
        "bupati": world.bupati,
        "bawaslu": BawasluUserFactory(username="bawaslu"),
        "leader": UserFactory(username="pimpinan", roles=[Role.LEADERSHIP]),
    }

    response = _client(users[who]).get(reverse("sanctions:decision-list"))

    assert response.status_code == status


def test_a_draft_is_seen_by_the_case_workers_and_not_yet_by_the_official(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    assert _client(world.officer).get(_page(decision)).status_code == 200
    assert _client(world.examiner).get(_page(decision)).status_code == 200
    assert _client(world.bupati).get(_page(decision)).status_code == 404
    assert _client(_other_agency_officer()).get(_page(decision)).status_code == 404


def test_the_official_sees_the_decision_routed_to_them_in_the_inbox(case: Case, world: World) -> None:
    decision = _awaiting(case, world)

    response = _client(world.bupati).get(reverse("sanctions:decision-list"))

    assert response.status_code == 200
    assert [item.pk for item in response.context["awaiting_signature"]] == [decision.pk]
    assert _client(world.bupati).get(_page(decision)).status_code == 200
    # The stand-in is not the competent official: not found.
    assert _client(world.wakil).get(_page(decision)).status_code == 404


def test_the_reviewer_sees_the_submitted_draft_in_the_inbox(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    mine = _client(world.reviewer).get(reverse("sanctions:decision-list")).context["awaiting_review"]
    drafters = _client(world.examiner).get(reverse("sanctions:decision-list")).context["awaiting_review"]

    assert [item.pk for item in mine] == [decision.pk]
    assert drafters == []


def test_the_decision_page_shows_status_sanction_routing_and_the_actions_of_the_user(case: Case, world: World) -> None:
    decision = _awaiting(case, world)

    response = _client(world.bupati).get(_page(decision))

    content = response.content.decode()
    assert response.context["actions"]["sign"] is True
    assert response.context["actions"]["update"] is False
    assert 'data-status="awaiting_signature"' in content
    assert "B1" in content
    assert reverse("sanctions:decision-sign", kwargs={"decision_id": decision.pk}) in content
    assert "Bupati Lebong" in content
    officer_view = _client(world.officer).get(_page(decision))
    assert officer_view.context["actions"]["sign"] is False
    assert reverse("sanctions:decision-sign", kwargs={"decision_id": decision.pk}) not in officer_view.content.decode()


def test_the_case_page_lists_the_decisions_of_the_case(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = _client(world.officer).get(reverse("casework:case-detail", kwargs={"case_id": case.pk}))

    content = response.content.decode()
    assert 'id="decisions"' in content
    assert _page(decision) in content
    assert reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}) in content


# --- drafting --------------------------------------------------------------------------------------------------------


def test_the_draft_page_shows_the_sanction_guidance_for_the_lhp(case: Case, world: World) -> None:
    response = _client(world.examiner).get(reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}))

    assert response.status_code == 200
    guidance = response.context["guidance"]
    assert guidance.discipline_level == "heavy"
    assert [option.code for option in guidance.discipline_options] == ["B1", "B2", "B3"]
    assert response.context["form"]["sanction_type"].initial == sanction("B1")
    assert 'id="guidance"' in response.content.decode()


def _draft_data(case: Case, **overrides: Any) -> dict[str, Any]:
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
    }
    data.update(overrides)
    return data


def test_an_examiner_drafts_a_decision_from_the_case(case: Case, world: World) -> None:
    response = _client(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), _draft_data(case)
    )

    decision = Decision.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == _page(decision)
    assert _messages(response) == [("success", "The draft decision was saved; submit it for review when it is ready.")]
    assert (decision.status, decision.sanction_type, decision.drafted_by) == (_S.DRAFT, sanction("B1"), world.examiner)
    assert decision.considerations == "Terlapor membagikan tiga unggahan kampanye."
    assert decision.copies == ["Arsip"]
    assert decision.references == []


def test_the_draft_keeps_the_default_references_when_left_as_shown(case: Case, world: World) -> None:
    client = _client(world.examiner)
    url = reverse("sanctions:decision-draft", kwargs={"case_id": case.pk})
    shown = client.get(url).context["form"]["references"].value()
    assert "045/PM.00.02/K.BE-07/10/2024" in shown

    client.post(url, _draft_data(case, references=shown))

    reference = Decision.objects.get(case=case).references[0]
    assert reference["register_number"] == "003/Reg/TM/PB/Kab/07.04/X/2024"


def test_an_agency_administrator_may_not_draft(case: Case, world: World) -> None:
    response = _client(world.reviewer).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), _draft_data(case)
    )

    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_a_sanction_outside_the_guidance_is_refused_with_a_message(case: Case, world: World) -> None:
    r1 = sanction("R1")

    response = _client(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), _draft_data(case, sanction_type=r1.pk)
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert [level for level, _text in _messages(response)] == ["error"]
    assert not Decision.objects.exists()


def test_bad_input_on_the_draft_form_is_a_message_not_an_error(case: Case, world: World) -> None:
    response = _client(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}),
        _draft_data(case, sanction_type="", references="Surat | 1 | not-a-date", expected_version="x"),
    )

    assert response.status_code == 200
    assert _messages(response) == [("error", "Please correct the fields marked below.")]
    assert set(response.context["form"].errors) == {"sanction_type", "references", "expected_version"}
    assert not Decision.objects.exists()


def test_a_draft_from_a_stale_case_page_is_refused(case: Case, world: World) -> None:
    response = _client(world.examiner).post(
        reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}),
        _draft_data(case, expected_version=case.version + 1),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case-detail", kwargs={"case_id": case.pk})
    assert _messages(response) == [
        ("error", "The case was changed by someone else meanwhile; nothing was saved. Check it and try again.")
    ]
    assert not Decision.objects.exists()


def test_the_drafter_edits_the_draft(case: Case, world: World) -> None:
    decision = decision_on(case, world)
    data = _draft_data(case, expected_version=decision.version, considerations="Pertimbangan baru.")
    del data["track"]

    response = _client(world.examiner).post(_url("decision-update", decision), data)

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The draft decision was saved.")]
    assert decision.considerations == "Pertimbangan baru."


def test_the_drafter_cancels_the_draft(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = _client(world.examiner).post(
        _url("decision-cancel", decision), {"expected_version": decision.version, "reason": "Jalur keliru."}
    )

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The draft decision was cancelled.")]
    assert decision.status == _S.CANCELLED


# --- review and signature -------------------------------------------------------------------------------------------


def test_submitting_routes_the_draft_to_the_competent_official(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = _client(world.examiner).post(_url("decision-submit", decision), {"expected_version": decision.version})

    decision.refresh_from_db()
    assert response["Location"] == _page(decision)
    assert _messages(response) == [
        ("success", "The draft was submitted for review; it will go to Kopli Ansori for signature.")
    ]
    assert (decision.status, decision.competent_official) == (_S.IN_REVIEW, world.bupati)


def test_the_reviewer_approves_the_draft(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    response = _client(world.officer).post(
        _url("decision-review", decision), {"expected_version": decision.version, "verdict": "approve", "note": ""}
    )

    decision.refresh_from_db()
    assert _messages(response) == [
        ("success", "The draft was approved and sent to the competent official for signature.")
    ]
    assert (decision.status, decision.reviewed_by) == (_S.AWAITING_SIGNATURE, world.officer)


def test_the_reviewer_returns_the_draft_with_a_note(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    client = _client(world.officer)

    empty = client.post(
        _url("decision-review", decision), {"expected_version": decision.version, "verdict": "return", "note": ""}
    )
    assert empty.status_code == 200
    assert empty.context["form"].errors == {"note": ["Say what has to change."]}

    response = client.post(
        _url("decision-review", decision),
        {"expected_version": decision.version, "verdict": "return", "note": "Lengkapi pertimbangan."},
    )

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The draft was returned to the drafter.")]
    assert (decision.status, decision.review_note) == (_S.DRAFT, "Lengkapi pertimbangan.")


def test_the_drafter_may_not_review_their_own_draft(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    before = _snapshot(decision)

    response = _client(world.examiner).post(
        _url("decision-review", decision), {"expected_version": decision.version, "verdict": "approve"}
    )

    assert response.status_code == 403
    assert _snapshot(decision) == before


def test_the_competent_official_signs(case: Case, world: World) -> None:
    decision = _awaiting(case, world)

    response = _client(world.bupati).post(_url("decision-sign", decision), {"expected_version": decision.version})

    decision.refresh_from_db()
    case.refresh_from_db()
    assert response["Location"] == _page(decision)
    assert decision.status == _S.SIGNED
    assert decision.signed_by == world.bupati
    assert decision.decision_date == timezone.localdate()
    assert decision.letter is not None and decision.letter.kind == "decision"
    assert case.status == Case.Status.DECIDED
    assert _messages(response) == [
        (
            "success",
            f"The decision was signed as number {decision.letter.number}; its letter is being prepared.",
        )
    ]


@pytest.mark.parametrize("who", ["officer", "examiner"])
def test_nobody_but_the_competent_official_may_sign(case: Case, world: World, who: str) -> None:
    decision = _awaiting(case, world)
    before = _snapshot(decision)

    response = _client(getattr(world, who)).post(
        _url("decision-sign", decision), {"expected_version": decision.version}
    )

    assert response.status_code == 403
    assert _snapshot(decision) == before


def test_signing_from_a_stale_page_writes_nothing(case: Case, world: World) -> None:
    decision = _awaiting(case, world)
    before = _snapshot(decision)

    response = _client(world.bupati).post(_url("decision-sign", decision), {"expected_version": decision.version - 1})

    assert response["Location"] == _page(decision)
    [(level, text)] = _messages(response)
    assert level == "error" and text
    assert _snapshot(decision) == before


def test_a_future_decision_date_is_a_message(case: Case, world: World) -> None:
    decision = _awaiting(case, world)
    before = _snapshot(decision)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = _client(world.bupati).post(
        _url("decision-sign", decision), {"expected_version": decision.version, "decision_date": tomorrow.isoformat()}
    )

    assert response.status_code == 200
    assert _messages(response) == [("error", "The date cannot be in the future.")]
    assert response.context["form"].errors == {"decision_date": ["The date cannot be in the future."]}
    assert _snapshot(decision) == before


def test_the_official_returns_the_decision(case: Case, world: World) -> None:
    decision = _awaiting(case, world)

    response = _client(world.bupati).post(
        _url("decision-return", decision), {"expected_version": decision.version, "note": "Periksa dasar hukum."}
    )

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The decision was returned to the drafter.")]
    assert (decision.status, decision.review_note) == (_S.DRAFT, "Periksa dasar hukum.")


def test_the_official_declares_a_conflict_and_the_stand_in_gets_the_decision(case: Case, world: World) -> None:
    decision = _awaiting(case, world)

    response = _client(world.bupati).post(
        _url("decision-conflict", decision), {"expected_version": decision.version, "reason": "Kerabat terlapor."}
    )

    decision.refresh_from_db()
    assert _messages(response) == [
        ("success", "Your conflict of interest was recorded; the decision went to the next official.")
    ]
    assert (decision.status, decision.competent_official) == (_S.AWAITING_SIGNATURE, world.wakil)
    assert DecisionRecusal.objects.filter(decision=decision, official=world.bupati).exists()
    # The page now says who was recused; the Bupati no longer sees it.
    page = _client(world.wakil).get(_page(decision))
    assert 'id="recusals"' in page.content.decode()
    assert _client(world.bupati).get(_page(decision)).status_code == 404


def test_the_official_corrects_a_signed_decision_with_a_new_version(case: Case, world: World) -> None:
    old = _signed(case, world)
    letter_render(letter_id=_letter_id(old))
    b2 = sanction("B2")

    response = _client(world.bupati).post(
        _url("decision-correct", old),
        {
            "expected_version": old.version,
            "reason": "Salah ketik jenis hukuman.",
            "sanction_type": b2.pk,
            "violation_types": [ViolationType.objects.get(code="N04").pk],
            "considerations": old.considerations,
            "references": "",
            "copies": "Arsip",
        },
    )

    old.refresh_from_db()
    new = Decision.objects.get(previous=old)
    assert response["Location"] == _page(new)
    assert (old.status, new.status, new.version_number, new.sanction_type) == (_S.SUPERSEDED, _S.SIGNED, 2, b2)
    [(level, _text)] = _messages(response)
    assert level == "success"
    page = _client(world.officer).get(_page(old)).content.decode()
    assert 'id="superseded-notice"' in page


# --- letters ---------------------------------------------------------------------------------------------------------


def test_the_signing_official_downloads_the_decision_letter(case: Case, world: World) -> None:
    decision = _signed(case, world)
    letter_render(letter_id=_letter_id(decision))

    response = _client(world.bupati).get(_url("letter-download", decision, letter_id=decision.letter_id))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(action="letter_downloaded", actor=world.bupati).count() == 1


def test_a_letter_is_found_only_through_its_own_decision_by_those_who_see_it(case: Case, world: World) -> None:
    decision = _signed(case, world)
    letter_id = _letter_id(decision)
    own_url = _url("letter-download", decision, letter_id=letter_id)
    # Not issued yet: nothing to download.
    assert _client(world.officer).get(own_url).status_code == 404
    letter_render(letter_id=letter_id)
    draft = decision_on(forwarded_case(world, bawaslu=False), world)

    assert _client(world.officer).get(own_url).status_code == 200
    assert _client(_other_agency_officer()).get(own_url).status_code == 404
    assert _client(world.wakil).get(own_url).status_code == 404
    assert _client(world.officer).get(_url("letter-download", draft, letter_id=letter_id)).status_code == 404


# --- after the signature --------------------------------------------------------------------------------------------


def test_the_officer_records_the_delivery_in_person(case: Case, world: World) -> None:
    decision = _signed(case, world)
    today = timezone.localdate()

    response = _client(world.officer).post(
        _url("delivery-in-person", decision), {"expected_version": decision.version, "delivered_on": today.isoformat()}
    )

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The delivery was recorded.")]
    assert (decision.status, decision.received_on, decision.delivery_method) == (_S.DELIVERED, today, "in_person")


def test_a_delivery_before_the_decision_date_is_a_message(case: Case, world: World) -> None:
    decision = _signed(case, world)
    before = _snapshot(decision)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = _client(world.officer).post(
        _url("delivery-in-person", decision),
        {"expected_version": decision.version, "delivered_on": yesterday.isoformat()},
    )

    assert response.status_code == 200
    [(level, _text)] = _messages(response)
    assert level == "error"
    assert _snapshot(decision) == before


def test_the_officer_records_absence_and_sending(case: Case, world: World) -> None:
    decision = _signed(case, world)
    today = timezone.localdate()

    response = _client(world.officer).post(
        _url("delivery-absent", decision),
        {"expected_version": decision.version, "scheduled_on": today.isoformat(), "sent_on": today.isoformat()},
    )

    decision.refresh_from_db()
    assert _messages(response) == [("success", "The absence and the sending of the decision were recorded.")]
    assert (decision.status, decision.delivery_method, decision.received_on) == (_S.DELIVERED, "sent", today)


def _delivered(case: Case, world: World) -> Decision:
    from sanctions.services.delivery import decision_record_delivery

    decision = _signed(case, world)
    return decision_record_delivery(decision=decision, actor=world.officer, delivered_on=timezone.localdate())


def test_an_objection_in_time_is_recorded_and_the_staffing_authority_decides_it(case: Case, world: World) -> None:
    decision = _delivered(case, world)
    today = timezone.localdate()

    response = _client(world.officer).post(
        _url("objection-file", decision),
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
    assert _messages(response) == [
        ("success", f"The objection was recorded; it must be decided by {objection.due_on}.")
    ]
    inbox = _client(world.bupati).get(reverse("sanctions:decision-list")).context["objections"]
    assert [item.pk for item in inbox] == [objection.pk]
    decide_url = _url("objection-decide", decision, objection_id=objection.pk)
    assert decide_url in _client(world.bupati).get(_page(decision)).content.decode()

    response = _client(world.bupati).post(
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
    assert _messages(response) == [("success", "The objection was decided: Decision upheld.")]
    assert (objection.status, decision.status) == (Objection.Status.DECIDED, _S.EFFECTIVE)


def test_only_the_staffing_authority_decides_an_objection(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = _delivered(case, world)
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=timezone.localdate(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Keberatan.",
    )

    response = _client(world.officer).post(
        _url("objection-decide", decision, objection_id=objection.pk),
        {"expected_version": 1, "outcome": "upheld", "reason": "x", "decided_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 403
    objection.refresh_from_db()
    assert objection.status == Objection.Status.PENDING


def _in_effect(case: Case, world: World) -> Decision:
    """A delivered B1 put straight into effect a month ago (the daily task's outcome, without waiting for D10)."""
    decision = _delivered(case, world)
    today = timezone.localdate()
    Decision.objects.filter(pk=decision.pk).update(
        status=_S.EFFECTIVE,
        effective_on=today - datetime.timedelta(days=30),
        execution_status=Decision.Execution.SERVING,
        sanction_starts_on=today - datetime.timedelta(days=30),
    )
    decision.refresh_from_db()
    return decision


def test_an_execution_record_is_added_to_a_decision_in_effect(case: Case, world: World) -> None:
    decision = _in_effect(case, world)
    assert decision.effective_on is not None

    response = _client(world.officer).post(
        _url("execution-record", decision),
        {
            "expected_version": decision.version,
            "action": "position_changed",
            "carried_out_on": decision.effective_on.isoformat(),
            "document_number": "800/12/BKPSDM/2026",
        },
    )

    assert response["Location"] == _page(decision)
    assert _messages(response) == [("success", "The execution record was added.")]
    record = ExecutionRecord.objects.get(decision=decision)
    assert (record.action, record.document_number, record.recorded_by) == (
        "position_changed",
        "800/12/BKPSDM/2026",
        world.officer,
    )
    assert 'id="execution-records"' in _client(world.officer).get(_page(decision)).content.decode()


def test_an_execution_before_the_effective_date_is_a_message(case: Case, world: World) -> None:
    decision = _in_effect(case, world)
    assert decision.effective_on is not None

    response = _client(world.officer).post(
        _url("execution-record", decision),
        {
            "expected_version": decision.version,
            "action": "position_changed",
            "carried_out_on": (decision.effective_on - datetime.timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert [level for level, _text in _messages(response)] == ["error"]
    assert "carried_out_on" in response.context["form"].errors
    assert not ExecutionRecord.objects.exists()


def test_the_action_pages_are_forbidden_to_those_who_may_not_act(case: Case, world: World) -> None:
    decision = _signed(case, world)
    leader_less = _client(world.bupati)

    assert leader_less.get(_url("delivery-in-person", decision)).status_code == 403
    assert _client(world.officer).get(_url("decision-correct", decision)).status_code == 403
    assert _client(world.officer).get(_url("delivery-in-person", decision)).status_code == 200
    assert _client(world.bupati).get(_url("decision-correct", decision)).status_code == 200


# --- the follow-through register ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("officer", 200), ("leader", 200), ("examiner", 403), ("bupati", 403)])
def test_the_follow_through_register_is_for_bkpsdm_and_leadership(world: World, who: str, status: int) -> None:
    users = {
        "officer": world.officer,
        "leader": UserFactory(username="pimpinan", roles=[Role.LEADERSHIP]),
        "examiner": world.examiner,
        "bupati": world.bupati,
    }

    response = _client(users[who]).get(reverse("sanctions:follow-through"))

    assert response.status_code == status


def test_the_register_highlights_an_overdue_recommendation_and_names_the_official(case: Case, world: World) -> None:
    # The Bawaslu forwarding of the case was received on 2024-10-10: long overdue without a signed decision.
    response = _client(world.officer).get(reverse("sanctions:follow-through"))

    content = response.content.decode()
    [row] = [row for row in response.context["rows"] if row.channel == "bawaslu"]
    assert row.is_overdue
    assert row.responsible == "Kopli Ansori (Bupati Lebong)"
    assert f'<tr class="overdue" data-report="{row.report.pk}">' in content
    assert "Kopli Ansori (Bupati Lebong)" in content
    assert reverse("casework:case-detail", kwargs={"case_id": case.pk}) in content


def test_leadership_reads_the_register_without_links_to_the_confidential_pages(case: Case, world: World) -> None:
    leader = UserFactory(username="pimpinan", roles=[Role.LEADERSHIP])

    response = _client(leader).get(reverse("sanctions:follow-through"))

    assert response.status_code == 200
    assert response.context["links"] is False
    assert reverse("casework:case-detail", kwargs={"case_id": case.pk}) not in response.content.decode()


def test_a_signed_decision_shows_its_delivery_due_date_and_letter(case: Case, world: World) -> None:
    from core.calendar import deadline_for

    decision = _signed(case, world)
    letter_render(letter_id=_letter_id(decision))

    response = _client(world.officer).get(_page(decision))

    content = response.content.decode()
    assert response.context["dates"]["delivery_due"] == deadline_for("D8", timezone.localdate())
    assert 'id="after-decision"' in content
    assert _url("letter-download", decision, letter_id=_letter_id(decision)) in content
    assert response.context["actions"]["deliver"] is True
    assert response.context["actions"]["sign"] is False


@pytest.mark.parametrize("who", ["officer", "bupati"])
def test_the_pages_render_in_indonesian(case: Case, world: World, who: str) -> None:
    decision = _signed(case, world)
    letter_render(letter_id=_letter_id(decision))
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(getattr(world, who))

    assert client.get(_page(decision)).status_code == 200
    assert client.get(reverse("sanctions:decision-list")).status_code == 200
    if who == "officer":
        assert client.get(_url("delivery-in-person", decision)).status_code == 200
        assert client.get(reverse("sanctions:follow-through")).status_code == 200
    else:
        assert client.get(_url("decision-correct", decision)).status_code == 200


def test_the_decision_list_query_count_does_not_grow_with_rows(case: Case, world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(world.officer)
    _signed(case, world)

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("sanctions:decision-list")).status_code == 200
        return len(context.captured_queries)

    one = count()
    for _index in range(3):
        _signed(forwarded_case(world, bawaslu=False), world)

    assert count() == one


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
        decision = _sign(to_awaiting_signature(decision, world), world)
    if data is None:
        data = _draft_data(case)
        del data["track"]
    data = {key: timezone.localdate().isoformat() if value == "today" else value for key, value in data.items()}
    data["expected_version"] = str(decision.version - 1 if decision.version > 1 else decision.version + 1)
    before = _snapshot(decision)

    response = _client(getattr(world, who)).post(_url(name, decision), data)

    assert response.status_code == 302
    assert response["Location"] == _page(decision)
    [(level, text)] = _messages(response)
    assert level == "error" and "changed" in text
    assert _snapshot(decision) == before


def test_editing_a_draft_submitted_meanwhile_is_refused_with_a_message(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_on(case, world)
    seen = decision.version
    decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    before = _snapshot(decision)
    data = _draft_data(case, expected_version=seen, considerations="Terlambat.")
    del data["track"]

    response = _client(world.examiner).post(_url("decision-update", decision), data)

    assert response.status_code == 302
    assert response["Location"] == _page(decision)
    [(level, _text)] = _messages(response)
    assert level == "error"
    assert _snapshot(decision) == before


def test_a_late_objection_is_recorded_as_inadmissible(case: Case, world: World) -> None:
    decision = _delivered(case, world)
    long_ago = timezone.localdate() - datetime.timedelta(days=90)
    Decision.objects.filter(pk=decision.pk).update(received_on=long_ago, delivered_on=long_ago)
    decision.refresh_from_db()

    response = _client(world.officer).post(
        _url("objection-file", decision),
        {
            "expected_version": decision.version,
            "filed_on": timezone.localdate().isoformat(),
            "filed_by_name": "Drs. Rahmat Hidayat",
            "grounds": "Hukuman terlalu berat.",
        },
    )

    objection = Objection.objects.get(decision=decision)
    decision.refresh_from_db()
    assert _messages(response) == [
        ("success", "It was filed too late and is inadmissible; the statement is being prepared.")
    ]
    assert (objection.status, decision.status) == (Objection.Status.INADMISSIBLE, _S.DELIVERED)


def test_the_staffing_authority_changes_the_sanction_on_objection(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = _delivered(case, world)
    letter_render(letter_id=_letter_id(decision))
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=timezone.localdate(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Pelanggaran pertama; mohon keringanan.",
    )
    decision.refresh_from_db()
    url = _url("objection-decide", decision, objection_id=objection.pk)
    client = _client(world.bupati)
    assert "Pelanggaran pertama; mohon keringanan." in client.get(url).content.decode()

    response = client.post(
        url,
        {
            "expected_version": decision.version,
            "outcome": "changed",
            "reason": "Pelanggaran pertama.",
            "decided_on": timezone.localdate().isoformat(),
            "sanction_type": sanction("B2").pk,
        },
    )

    objection.refresh_from_db()
    decision.refresh_from_db()
    new = objection.new_decision
    assert new is not None
    assert response["Location"] == _page(new)
    assert _messages(response) == [("success", "The objection was decided: Sanction changed.")]
    assert (decision.status, new.sanction_type, new.previous) == (_S.SUPERSEDED, sanction("B2"), decision)


def test_a_changed_outcome_without_the_new_sanction_is_a_form_error(case: Case, world: World) -> None:
    from sanctions.services.objections import objection_file

    decision = _delivered(case, world)
    objection = objection_file(
        decision=decision,
        actor=world.officer,
        filed_on=timezone.localdate(),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Keberatan.",
    )
    decision.refresh_from_db()

    response = _client(world.bupati).post(
        _url("objection-decide", decision, objection_id=objection.pk),
        {
            "expected_version": decision.version,
            "outcome": "changed",
            "reason": "x",
            "decided_on": timezone.localdate().isoformat(),
        },
    )

    objection.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"sanction_type": ["Choose the new sanction."]}
    assert objection.status == Objection.Status.PENDING


def test_the_list_filters_by_status_and_case_number(case: Case, world: World) -> None:
    signed = _signed(case, world)
    other_case = forwarded_case(world, bawaslu=False)
    draft = decision_on(other_case, world)
    client = _client(world.officer)

    by_status = client.get(reverse("sanctions:decision-list"), {"status": "signed"}).context["page"].object_list
    by_case = client.get(reverse("sanctions:decision-list"), {"case": other_case.number}).context["page"].object_list

    assert [item.pk for item in by_status] == [signed.pk]
    assert [item.pk for item in by_case] == [draft.pk]


def test_the_navigation_leads_officials_to_decisions_and_leadership_to_the_register(world: World) -> None:
    leader = UserFactory(username="pimpinan", roles=[Role.LEADERSHIP])

    official_nav = _client(world.bupati).get(reverse("sanctions:decision-list")).context["nav_items"]
    leader_nav = _client(leader).get(reverse("sanctions:follow-through")).context["nav_items"]

    assert {"url": reverse("sanctions:decision-list"), "label": "Decisions"} in official_nav
    assert leader_nav == [{"url": reverse("sanctions:follow-through"), "label": "Follow-through register"}]


def test_the_navigation_leads_examiners_to_their_cases_and_decisions(world: World) -> None:
    nav = _client(world.examiner).get(reverse("sanctions:decision-list")).context["nav_items"]

    assert nav == [
        {"url": reverse("casework:case-list"), "label": "Cases"},
        {"url": reverse("sanctions:decision-list"), "label": "Decisions"},
    ]


def test_an_ethics_decision_lists_its_decision_and_moral_statement_letters(case: Case, world: World) -> None:
    decision = _sign(to_awaiting_signature(decision_on(case, world, track="ethics", sanction_code="M1"), world), world)

    letters = _client(world.bupati).get(_page(decision)).context["letters"]

    assert sorted(letter.kind for letter in letters) == ["decision", "moral_statement"]


def test_a_delivered_dismissal_offers_no_objection(case: Case, world: World) -> None:
    from sanctions.services import decision_record_delivery

    decision = _sign(
        to_awaiting_signature(decision_on(case, world, outcome="dismissal", sanction_code=""), world), world
    )
    decision = decision_record_delivery(decision=decision, actor=world.officer, delivered_on=timezone.localdate())

    response = _client(world.officer).get(_page(decision))

    assert decision.status == _S.DELIVERED
    assert response.context["actions"]["file_objection"] is False
    assert response.context["dates"]["objection_window_ends"] is None
    assert _url("objection-file", decision) not in response.content.decode()


def test_a_delivered_sanction_shows_its_objection_window(case: Case, world: World) -> None:
    from core.calendar import deadline_for

    decision = _delivered(case, world)

    response = _client(world.officer).get(_page(decision))

    assert response.context["dates"]["objection_window_ends"] == deadline_for("D11", timezone.localdate())
    assert response.context["actions"]["file_objection"] is True
    assert _url("objection-file", decision) in response.content.decode()
