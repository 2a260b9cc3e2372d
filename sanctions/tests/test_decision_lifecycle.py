"""The decision lifecycle: draft → review → signature, every allowed and refused move, idempotent steps and
optimistic concurrency (a stale version is a conflict that writes nothing)."""

import pytest

from casework.models import Case, Letter
from core import clock
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.models import AuditEvent, Notification
from sanctions.models import Decision
from sanctions.services import (
    decision_cancel_draft,
    decision_correct,
    decision_declare_conflict,
    decision_draft,
    decision_return_by_official,
    decision_review,
    decision_sign,
    decision_submit_for_review,
    decision_update_draft,
)
from sanctions.tests.decision_helpers import (
    World,
    case_actions,
    decision_on,
    forwarded_case,
    signed,
    to_awaiting_signature,
)
from sanctions.tests.factories import DecisionFactory
from violations.models import Report, TimelineEntry

pytestmark = pytest.mark.django_db

_D = Decision.Status


# --- the transition table --------------------------------------------------------------------------------------------


def test_the_whole_way_from_draft_to_signed(world, case):
    decision = decision_on(case, world)
    decision = decision_submit_for_review(decision=decision, actor=world.examiner, expected_version=1)
    assert (decision.status, decision.competent_official, decision.competent_official_title) == (
        _D.IN_REVIEW, world.bupati, "Bupati Lebong",
    )  # fmt: skip
    assert decision.authority_rule.authority == "staffing_authority"

    decision = decision_review(decision=decision, actor=world.officer, approve=True, expected_version=2)
    assert (decision.status, decision.reviewed_by) == (_D.AWAITING_SIGNATURE, world.officer)
    notice = Notification.objects.get(user=world.bupati, params={"case": case.number})
    # The official is sent to the decision's page: the confidential case page is not his to open.
    assert notice.url == f"/decisions/{decision.pk}/"

    decision = decision_sign(decision=decision, actor=world.bupati, expected_version=3)
    assert decision.status == _D.SIGNED
    assert (decision.signed_by, decision.decision_date) == (world.bupati, clock.today())
    assert decision.letter.kind == "decision"
    year = clock.today().year
    assert decision.letter.number == f"800/0001/KEP/BKPSDM/{year}"
    assert decision.version == 4

    assert case_actions(case) == [
        "decision_drafted",
        "decision_submitted",
        "decision_approved",
        "letter_requested",
        "decision_signed",
        "case_decided",
    ]
    signed_event = AuditEvent.objects.get(action="decision_signed")
    assert signed_event.data == {
        "decision": decision.pk, "track": "discipline", "number": decision.letter.number,
        "decision_date": clock.today().isoformat(), "sanction": "B1", "outcome": "sanction",
    }  # fmt: skip
    assert (signed_event.from_status, signed_event.to_status, signed_event.actor) == (
        "awaiting_signature", "signed", world.bupati,
    )  # fmt: skip


def test_signing_decides_the_case_and_every_report_with_a_public_note(world, case):
    decision = signed(case, world)

    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED
    reports = Report.objects.filter(case_report__case=case)
    assert reports.count() == 2
    assert set(reports.values_list("status", flat=True)) == {Report.Status.DECIDED}
    for report in reports:
        note = TimelineEntry.objects.filter(report=report).order_by("-at", "-id").first()
        assert (note.status, note.note) == ("decided", "A decision has been made on this report.")
        event = AuditEvent.objects.get(action="report_decided", target_id=report.pk)
        assert event.data == {"decision_number": decision.number}


def test_signing_an_ethics_sanction_requests_the_decision_and_the_moral_statement(world, case):
    decision = signed(case, world, track="ethics", sanction_code="M2")

    letters = Letter.objects.filter(case=case).order_by("id")
    assert [(letter.kind, letter.register) for letter in letters] == [
        ("decision", "decision"),
        ("moral_statement", "letter"),
    ]
    assert decision.letter == letters[0]
    assert letters[1].context["decision_number"] == decision.number


def test_a_second_track_may_be_decided_on_a_decided_case(world, case):
    signed(case, world)
    ethics = signed(case, world, track="ethics", sanction_code="M1")

    assert ethics.status == _D.SIGNED
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED


def test_a_dismissal_is_signed_with_nothing_to_execute(world, case):
    decision = signed(case, world, outcome="dismissal", sanction_code="")

    assert (decision.status, decision.execution_status) == (_D.SIGNED, Decision.Execution.NOT_APPLICABLE)


def test_the_reviewer_returns_the_draft_with_a_note(world, case):
    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    with pytest.raises(DomainError) as error:
        decision_review(decision=decision, actor=world.reviewer, approve=False, note=" ")
    assert error.value.field == "note"

    decision = decision_review(decision=decision, actor=world.reviewer, approve=False, note="Lengkapi Menimbang")
    assert (decision.status, decision.review_note) == (_D.DRAFT, "Lengkapi Menimbang")
    assert Notification.objects.filter(user=world.examiner).count() == 1
    assert case_actions(case)[-1] == "decision_returned"
    # Twice is once.
    assert decision_review(decision=decision, actor=world.reviewer, approve=False, note="x").version == decision.version


def test_the_drafter_may_not_review_own_draft(world):
    case = forwarded_case(world, bawaslu=False)
    decision = decision_draft(case=case, actor=world.officer, track="discipline", outcome="sanction",
                              sanction_code="B1", new_position="Guru")  # fmt: skip
    decision = decision_submit_for_review(decision=decision, actor=world.officer)

    for actor in (world.officer, world.examiner, world.bupati):
        with pytest.raises(PermissionDenied):
            decision_review(decision=decision, actor=actor, approve=True)
    assert decision_review(decision=decision, actor=world.reviewer, approve=True).status == _D.AWAITING_SIGNATURE


def test_the_official_returns_the_decision_to_draft(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    decision = decision_return_by_official(decision=decision, actor=world.bupati, note="Perbaiki pertimbangan")

    assert (decision.status, decision.review_note) == (_D.DRAFT, "Perbaiki pertimbangan")
    assert case_actions(case)[-1] == "decision_returned_by_official"
    # Back through review to the same official.
    decision = to_awaiting_signature(decision, world)
    assert decision_sign(decision=decision, actor=world.bupati).status == _D.SIGNED


def test_every_step_is_idempotent(world, case):
    decision = decision_on(case, world)
    decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    assert decision_submit_for_review(decision=decision, actor=world.examiner).version == decision.version
    decision = decision_review(decision=decision, actor=world.officer, approve=True)
    assert decision_review(decision=decision, actor=world.officer, approve=True).version == decision.version
    decision = decision_sign(decision=decision, actor=world.bupati)
    assert decision_sign(decision=decision, actor=world.bupati).version == decision.version
    assert Letter.objects.filter(case=case).count() == 1
    assert case_actions(case).count("decision_signed") == 1


def _in_status(world: World, case: Case, status: str) -> Decision:
    return DecisionFactory.create(
        case=case, status=status, competent_official=world.bupati, competent_official_title="Bupati Lebong",
        drafted_by=world.examiner, violation_types=[case.reports.get(channel="citizen").violation_type],
        new_position="Guru Ahli Pertama",
    )  # fmt: skip


def _submit(world, decision):
    return decision_submit_for_review(decision=decision, actor=world.examiner)


def _approve(world, decision):
    return decision_review(decision=decision, actor=world.officer, approve=True)


def _return(world, decision):
    return decision_review(decision=decision, actor=world.officer, approve=False, note="Kurang lengkap")


def _sign(world, decision):
    return decision_sign(decision=decision, actor=world.bupati)


def _official_return(world, decision):
    return decision_return_by_official(decision=decision, actor=world.bupati, note="Perbaiki")


def _cancel(world, decision):
    return decision_cancel_draft(decision=decision, actor=world.examiner, reason="Tidak jadi")


def _declare(world, decision):
    return decision_declare_conflict(decision=decision, actor=world.bupati, detail="Kerabat calon")


def _correct(world, decision):
    return decision_correct(decision=decision, actor=world.bupati, reason="Salah ketik", sanction_code="B2")


ALLOWED = [
    (_submit, _D.DRAFT, _D.IN_REVIEW),
    (_approve, _D.IN_REVIEW, _D.AWAITING_SIGNATURE),
    (_return, _D.IN_REVIEW, _D.DRAFT),
    (_sign, _D.AWAITING_SIGNATURE, _D.SIGNED),
    (_official_return, _D.AWAITING_SIGNATURE, _D.DRAFT),
    (_declare, _D.AWAITING_SIGNATURE, _D.AWAITING_SIGNATURE),
    (_cancel, _D.DRAFT, _D.CANCELLED),
]


@pytest.mark.parametrize(("move", "start", "end"), ALLOWED, ids=lambda v: getattr(v, "__name__", v))
def test_allowed_moves(world, case, move, start, end):
    decision = _in_status(world, case, start)

    assert move(world, decision).status == end
    decision.refresh_from_db()
    assert decision.status == end


REFUSED = [
    (_submit, [_D.AWAITING_SIGNATURE, _D.SIGNED, _D.DELIVERED, _D.EFFECTIVE, _D.CANCELLED, _D.SUPERSEDED]),
    (_approve, [_D.DRAFT, _D.SIGNED, _D.CANCELLED, _D.ANNULLED]),
    (_return, [_D.AWAITING_SIGNATURE, _D.SIGNED, _D.CANCELLED]),
    (_sign, [_D.DRAFT, _D.IN_REVIEW, _D.CANCELLED]),
    (_official_return, [_D.IN_REVIEW, _D.SIGNED, _D.DELIVERED, _D.CANCELLED]),
    (_declare, [_D.DRAFT, _D.IN_REVIEW, _D.SIGNED]),
    (_cancel, [_D.IN_REVIEW, _D.AWAITING_SIGNATURE, _D.SIGNED, _D.EFFECTIVE]),
    (_correct, [_D.DRAFT, _D.IN_REVIEW, _D.AWAITING_SIGNATURE, _D.CANCELLED, _D.ANNULLED]),
]


@pytest.mark.parametrize(
    ("move", "start"),
    [(move, start) for move, starts in REFUSED for start in starts],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_refused_moves(world, case, move, start):
    decision = _in_status(world, case, start)
    if move is _correct:
        decision.signed_by = world.bupati
        decision.save(update_fields=["signed_by"])

    with pytest.raises(TransitionNotAllowed):
        move(world, decision)
    decision.refresh_from_db()
    assert (decision.status, decision.version) == (start, 1)
    assert not AuditEvent.objects.filter(action__startswith="decision_").exists()


# --- optimistic concurrency ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["update", "submit", "review", "sign", "cancel"])
def test_a_stale_version_is_a_conflict_and_saves_nothing(world, case, step):
    decision = decision_on(case, world)
    if step in ("review", "sign"):
        decision = decision_submit_for_review(decision=decision, actor=world.examiner)
    if step == "sign":
        decision = decision_review(decision=decision, actor=world.officer, approve=True)
    stale = decision.version - 1 if decision.version > 1 else decision.version + 5
    events = AuditEvent.objects.count()
    calls = {
        "update": lambda: decision_update_draft(decision=decision, actor=world.examiner, expected_version=stale,
                                                sanction_code="B2"),
        "submit": lambda: decision_submit_for_review(decision=decision, actor=world.examiner, expected_version=stale),
        "review": lambda: decision_review(decision=decision, actor=world.officer, approve=True,
                                          expected_version=stale),
        "sign": lambda: decision_sign(decision=decision, actor=world.bupati, expected_version=stale),
        "cancel": lambda: decision_cancel_draft(decision=decision, actor=world.examiner, reason="x",
                                                expected_version=stale),
    }  # fmt: skip

    with pytest.raises(ConflictError) as error:
        calls[step]()

    assert error.value.code == "decision_changed"
    before = decision.status
    decision.refresh_from_db()
    assert decision.status == before
    assert AuditEvent.objects.count() == events
