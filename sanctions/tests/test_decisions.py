"""The decision workflow: draft → review → signature by the competent official only, with the sanction rules."""

import datetime

import pytest
from django.utils import timezone

from casework.models import Case, Letter
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.models import AuditEvent, Notification
from sanctions.models import ConflictOfInterest, Decision, DecisionRecusal
from sanctions.services import (
    conflict_of_interest_record,
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
    build_world,
    decision_on,
    forwarded_case,
    signed,
    to_awaiting_signature,
)
from sanctions.tests.factories import DecisionFactory, sanction
from violations.models import Report, TimelineEntry

pytestmark = pytest.mark.django_db

_D = Decision.Status


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def case(world: World) -> Case:
    return forwarded_case(world)


def _actions(case: Case) -> list[str]:
    return list(
        AuditEvent.objects.filter(target_type="casework.case", target_id=case.pk)
        .order_by("id")
        .values_list("action", flat=True)
    )


# --- drafting and the sanction rules ---------------------------------------------------------------------------------


def test_an_examiner_on_the_case_drafts_a_decision_with_references_and_copies_prefilled(world, case):
    decision = decision_draft(
        case=case, actor=world.examiner, track="discipline", outcome="sanction", sanction_code="b1",
        considerations="yang bersangkutan membagikan tiga unggahan kampanye",
    )  # fmt: skip

    assert decision.status == _D.DRAFT
    assert decision.version == 1
    assert decision.version_number == 1
    assert decision.sanction_type == sanction("B1")
    assert [v.code for v in decision.violation_types.all()] == ["N04"]
    assert decision.drafted_by == world.examiner
    assert decision.references == [
        {
            "label": "Surat Bawaslu Kabupaten Lebong",
            "number": "045/PM.00.02/K.BE-07/10/2024",
            "register_number": "003/Reg/TM/PB/Kab/07.04/X/2024",
            "date": "2024-10-10",
        }
    ]
    assert decision.copies == [
        "Kepala Badan Kepegawaian Negara di Jakarta",
        "Inspektur Kabupaten Lebong",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        "Ketua Bawaslu Kabupaten Lebong",
        "Atasan langsung yang bersangkutan",
        "Yang bersangkutan",
        "Arsip",
    ]
    event = AuditEvent.objects.get(action="decision_drafted")
    assert (event.target_type, event.target_id, event.to_status) == ("casework.case", case.pk, "draft")
    assert event.data == {
        "decision": decision.pk, "track": "discipline", "outcome": "sanction", "sanction": "B1", "violations": ["N04"],
    }  # fmt: skip


def test_an_intake_officer_may_draft_but_not_an_examiner_off_the_case_or_the_official(world, case):
    from casework.tests.factories import examiner

    assert decision_on(case, world).drafted_by == world.examiner
    other_case = forwarded_case(world, bawaslu=False)
    assert decision_draft(case=other_case, actor=world.officer, track="discipline", outcome="sanction",
                          sanction_code="B2").drafted_by == world.officer  # fmt: skip
    for actor in (examiner("pemeriksa-lain"), world.bupati):
        with pytest.raises(PermissionDenied):
            decision_draft(case=other_case, actor=actor, track="ethics", outcome="sanction", sanction_code="M1")


@pytest.mark.parametrize("status", [Case.Status.REPORTED, Case.Status.EXAMINED, Case.Status.CLOSED])
def test_a_decision_needs_a_case_forwarded_for_decision(world, status):
    case = forwarded_case(world, status=status)

    with pytest.raises(TransitionNotAllowed):
        decision_on(case, world)
    assert not Decision.objects.exists()


def test_several_violations_give_one_sanction_at_the_heaviest_level(world):
    case = forwarded_case(world, codes=("N08", "N04"), bawaslu=False)

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S3")
    assert (error.value.code, error.value.field) == ("sanction_not_allowed", "sanction_code")
    assert "B1, B2, B3" in str(error.value.message)

    decision = decision_on(case, world, sanction_code="B2")
    assert [v.code for v in decision.violation_types.order_by("code")] == ["N04", "N08"]


def test_a_repeat_of_the_same_kind_must_be_heavier_than_the_last_sanction(world):
    earlier = forwarded_case(world, codes=("N08",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(
        case=earlier, status=_D.EFFECTIVE, sanction_type=sanction("S1"), decision_date=datetime.date(2024, 3, 1),
        violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner,
    )  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S1")
    assert error.value.code == "sanction_not_allowed"
    assert "S1" in str(error.value.message) and "S2, S3" in str(error.value.message)

    assert decision_on(case, world, sanction_code="S2").sanction_type == sanction("S2")


def test_an_earlier_sanction_for_another_kind_of_violation_is_no_repeat(world):
    earlier = forwarded_case(world, codes=("N04",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(case=earlier, status=_D.EFFECTIVE, sanction_type=sanction("B1"),
                    violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner)  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    assert decision_on(case, world, sanction_code="S1").sanction_type == sanction("S1")


def test_no_second_live_decision_on_the_same_track_but_the_other_track_is_free(world, case):
    first = decision_on(case, world)

    with pytest.raises(ConflictError) as error:
        decision_on(case, world, sanction_code="B2")
    assert error.value.code == "decision_exists"

    ethics = decision_on(case, world, track="ethics", sanction_code="M2")
    assert ethics.sanction_type == sanction("M2")

    decision_cancel_draft(decision=first, actor=world.examiner, reason="Salah pilih jenis hukuman")
    again = decision_on(case, world, sanction_code="B2")
    assert (again.version_number, again.status) == (2, _D.DRAFT)


@pytest.mark.parametrize(
    ("track", "code", "violations", "error_code"),
    [
        ("ethics", "B1", ("N04",), "sanction_not_allowed"),
        ("ethics", "M1", ("N08",), "sanction_not_allowed"),
        ("discipline", "M1", ("N04",), "sanction_not_allowed"),
        ("discipline", "", ("N04",), "sanction_required"),
        ("discipline", "X9", ("N04",), "sanction_unknown"),
        ("discipline", "B1", ("N99",), "violation_unknown"),
        ("discipline", "B1", (), "violations_required"),
    ],
)
def test_the_sanction_must_fit_the_track_and_the_catalogue(world, case, track, code, violations, error_code):
    with pytest.raises(DomainError) as error:
        decision_draft(case=case, actor=world.examiner, track=track, outcome="sanction", sanction_code=code,
                       violation_codes=list(violations))  # fmt: skip

    assert error.value.code == error_code
    assert not Decision.objects.exists()


def test_the_ethics_track_imposes_the_moral_sanction(world, case):
    decision = decision_on(case, world, track="ethics", sanction_code="M1")

    assert (decision.track, decision.sanction_type.code) == ("ethics", "M1")


def test_a_dismissal_imposes_no_sanction(world, case):
    with pytest.raises(DomainError) as error:
        decision_on(case, world, outcome="dismissal", sanction_code="B1")
    assert error.value.code == "dismissal_has_no_sanction"

    decision = decision_on(case, world, outcome="dismissal", sanction_code="")
    assert decision.sanction_type is None


def test_a_draft_can_be_changed_and_is_checked_again(world, case):
    decision = decision_on(case, world)

    with pytest.raises(DomainError):
        decision_update_draft(decision=decision, actor=world.examiner, sanction_code="S1")
    decision = decision_update_draft(
        decision=decision, actor=world.examiner, expected_version=1, sanction_code="B2", considerations="alasan baru",
        copies=["Arsip"],
    )  # fmt: skip

    assert (decision.sanction_type.code, decision.considerations, decision.copies, decision.version) == (
        "B2", "alasan baru", ["Arsip"], 2,
    )  # fmt: skip
    assert _actions(case)[-1] == "decision_draft_updated"


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
    assert (decision.signed_by, decision.decision_date) == (world.bupati, timezone.localdate())
    assert decision.letter.kind == "decision"
    year = timezone.localdate().year
    assert decision.letter.number == f"800/0001/KEP/BKPSDM/{year}"
    assert decision.version == 4

    assert _actions(case) == [
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
        "decision_date": timezone.localdate().isoformat(), "sanction": "B1", "outcome": "sanction",
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
    assert _actions(case)[-1] == "decision_returned"
    # Twice is once.
    assert decision_review(decision=decision, actor=world.reviewer, approve=False, note="x").version == decision.version


def test_the_drafter_may_not_review_own_draft(world):
    case = forwarded_case(world, bawaslu=False)
    decision = decision_draft(case=case, actor=world.officer, track="discipline", outcome="sanction",
                              sanction_code="B1")  # fmt: skip
    decision = decision_submit_for_review(decision=decision, actor=world.officer)

    for actor in (world.officer, world.examiner, world.bupati):
        with pytest.raises(PermissionDenied):
            decision_review(decision=decision, actor=actor, approve=True)
    assert decision_review(decision=decision, actor=world.reviewer, approve=True).status == _D.AWAITING_SIGNATURE


def test_the_official_returns_the_decision_to_draft(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    decision = decision_return_by_official(decision=decision, actor=world.bupati, note="Perbaiki pertimbangan")

    assert (decision.status, decision.review_note) == (_D.DRAFT, "Perbaiki pertimbangan")
    assert _actions(case)[-1] == "decision_returned_by_official"
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
    assert _actions(case).count("decision_signed") == 1


def _in_status(world: World, case: Case, status: str) -> Decision:
    return DecisionFactory.create(
        case=case, status=status, competent_official=world.bupati, competent_official_title="Bupati Lebong",
        drafted_by=world.examiner, violation_types=[case.reports.get(channel="citizen").violation_type],
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


# --- only the competent official signs -------------------------------------------------------------------------------


def test_only_the_competent_official_may_sign(world, case):
    from accounts.roles import Role
    from casework.tests.factories import agency_administrator

    decision = to_awaiting_signature(decision_on(case, world), world)
    superuser = agency_administrator("root", is_superuser=True)

    for actor in (world.wakil, world.sekda_user, world.kadis_user, world.examiner, world.officer, world.reviewer,
                  superuser):  # fmt: skip
        with pytest.raises(PermissionDenied) as error:
            decision_sign(decision=decision, actor=actor)
        assert error.value.code == "decision_sign_not_permitted"
        with pytest.raises(PermissionDenied):
            decision_return_by_official(decision=decision, actor=actor, note="x")

    world.bupati.groups.filter(name=str(Role.SANCTIONING_OFFICIAL)).delete()
    world.bupati.groups.clear()
    with pytest.raises(PermissionDenied):
        decision_sign(decision=decision, actor=world.bupati)

    decision.refresh_from_db()
    assert (decision.status, decision.signed_by) == (_D.AWAITING_SIGNATURE, None)
    assert not Letter.objects.exists()


def test_a_decision_for_the_president_cannot_be_signed_in_netra(world):
    from accounts.models import CivilServant
    from accounts.tests.factories import CivilServantFactory

    professor = CivilServantFactory.create(
        position_kind=CivilServant.PositionKind.FUNCTIONAL, functional_level="ahli_utama", unit=world.kadis.unit
    )
    case = forwarded_case(world, professor, bawaslu=False)
    decision = to_awaiting_signature(decision_on(case, world, sanction_code="B3"), world)
    assert (decision.competent_official, decision.competent_official_title) == (None, "Presiden Republik Indonesia")

    with pytest.raises(PermissionDenied) as error:
        decision_sign(decision=decision, actor=world.bupati)
    assert error.value.code == "decision_official_outside"


def test_a_decision_date_in_the_future_is_refused_an_earlier_one_is_kept(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    with pytest.raises(DomainError) as error:
        decision_sign(decision=decision, actor=world.bupati,
                      decision_date=timezone.localdate() + datetime.timedelta(days=1))  # fmt: skip
    assert error.value.field == "decision_date"

    decision = decision_sign(decision=decision, actor=world.bupati, decision_date=datetime.date(2024, 11, 20))
    assert decision.decision_date == datetime.date(2024, 11, 20)
    assert decision.letter.context["decision_date"] == "2024-11-20"


# --- recusal ---------------------------------------------------------------------------------------------------------


def test_a_recusal_at_submission_is_recorded_and_audited(world, case):
    ConflictOfInterest.objects.create(official=world.bupati, description="Kakak ipar calon Bupati",
                                      valid_from=datetime.date(2024, 9, 1), recorded_by=world.officer)  # fmt: skip

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    assert decision.competent_official == world.wakil
    recusal = DecisionRecusal.objects.get(decision=decision)
    assert (recusal.official, recusal.reason, recusal.detail) == (world.bupati, "conflict", "Kakak ipar calon Bupati")
    event = AuditEvent.objects.get(action="decision_official_recused")
    assert event.data == {
        "decision": decision.pk, "track": "discipline", "official": world.bupati.pk,
        "official_name": "Kopli Ansori", "recusal_reason": "conflict",
    }  # fmt: skip
    assert event.reason == "Kakak ipar calon Bupati"


def test_the_official_declares_a_conflict_and_the_next_one_up_signs(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    with pytest.raises(DomainError):
        decision_declare_conflict(decision=decision, actor=world.bupati, detail="")
    decision = decision_declare_conflict(decision=decision, actor=world.bupati, detail="Paman calon wakil bupati")

    assert (decision.status, decision.competent_official, decision.competent_official_title) == (
        _D.AWAITING_SIGNATURE, world.wakil, "Wakil Bupati Lebong",
    )  # fmt: skip
    recusal = DecisionRecusal.objects.get(decision=decision)
    assert (recusal.official, recusal.reason) == (world.bupati, "declared")
    assert _actions(case)[-2:] == ["decision_official_recused", "decision_rerouted"]
    assert Notification.objects.filter(user=world.wakil).count() == 1
    with pytest.raises(PermissionDenied):
        decision_sign(decision=decision, actor=world.bupati)
    decision = decision_sign(decision=decision, actor=world.wakil)
    assert decision.letter.context["signatory"]["position"] == "Wakil Bupati Lebong"


def test_an_official_conflicted_after_routing_cannot_sign(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)
    ConflictOfInterest.objects.create(official=world.bupati, description="Kerabat",
                                      valid_from=timezone.localdate(), recorded_by=world.officer)  # fmt: skip

    with pytest.raises(ConflictError) as error:
        decision_sign(decision=decision, actor=world.bupati)
    assert error.value.code == "decision_official_recused"


def test_recording_a_conflict_of_interest(world):
    conflict = conflict_of_interest_record(
        actor=world.officer, official=world.bupati, description="Adik calon", valid_from=datetime.date(2024, 9, 1),
        accused=world.principal,
    )  # fmt: skip

    assert (conflict.official, conflict.accused, conflict.recorded_by) == (world.bupati, world.principal, world.officer)
    assert AuditEvent.objects.get(action="conflict_of_interest_recorded").target_id == conflict.pk
    with pytest.raises(PermissionDenied):
        conflict_of_interest_record(actor=world.examiner, official=world.bupati, description="x",
                                    valid_from=datetime.date(2024, 9, 1))  # fmt: skip
    with pytest.raises(DomainError) as error:
        conflict_of_interest_record(
            actor=world.officer,
            official=world.bupati,
            description="x",
            valid_from=datetime.date(2024, 9, 2),
            valid_to=datetime.date(2024, 9, 1),
        )
    assert error.value.field == "valid_to"


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


def test_correcting_needs_the_letter_issued(world, case):
    decision = signed(case, world)

    with pytest.raises(ConflictError) as error:
        decision_correct(decision=decision, actor=world.bupati, reason="Salah ketik")
    assert error.value.code == "decision_letter_not_issued"
    with pytest.raises(PermissionDenied):
        decision_correct(decision=decision, actor=world.wakil, reason="Salah ketik")


# --- the predicates the views and the after-decision services share ---------------------------------------------


def test_who_may_record_after_the_decision_and_who_decides_objections(world, case):
    from casework.tests.factories import examiner
    from sanctions.permissions import (
        can_correct_decision,
        can_decide_objection,
        can_record_after_decision,
        can_sign_decision,
    )

    decision = signed(case, world)
    stranger = examiner("pemeriksa-lain")

    assert [can_record_after_decision(u, decision) for u in (world.officer, world.reviewer, world.examiner)] == [
        True, True, True,
    ]  # fmt: skip
    assert [can_record_after_decision(u, decision) for u in (stranger, world.bupati, world.kadis_user)] == [
        False, False, False,
    ]  # fmt: skip
    assert [can_decide_objection(u, decision) for u in (world.bupati, world.wakil, world.officer)] == [
        True, False, False,
    ]  # fmt: skip
    ConflictOfInterest.objects.create(official=world.bupati, description="Kerabat", valid_from=timezone.localdate(),
                                      recorded_by=world.officer)  # fmt: skip
    assert [can_decide_objection(u, decision) for u in (world.bupati, world.wakil)] == [False, True]
    assert can_correct_decision(world.bupati, decision) and not can_correct_decision(world.wakil, decision)
    assert can_sign_decision(world.bupati, decision) and not can_sign_decision(world.sekda_user, decision)


def test_declaring_a_conflict_with_nobody_left_changes_nothing(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)
    ConflictOfInterest.objects.create(official=world.wakil, description="Kerabat", valid_from=timezone.localdate(),
                                      recorded_by=world.officer)  # fmt: skip

    with pytest.raises(DomainError) as error:
        decision_declare_conflict(decision=decision, actor=world.bupati, detail="Paman calon")

    assert error.value.code == "no_competent_official"
    decision.refresh_from_db()
    assert (decision.competent_official, decision.status) == (world.bupati, _D.AWAITING_SIGNATURE)
    assert not DecisionRecusal.objects.exists()
