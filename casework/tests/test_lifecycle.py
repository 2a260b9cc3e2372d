"""The case lifecycle: every move of CASE_TRANSITIONS allowed or refused, idempotency, heavy needs a team (with its
chair and the decree Netra numbers)."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import translation

from casework import services
from casework.models import (
    CASE_TRANSITIONS,
    Case,
    CaseReport,
    CaseTrack,
    Examination,
    ExaminationReport,
    ExaminationTeam,
    ExaminationTeamMember,
    Summons,
)
from casework.services import TeamMemberInput
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory, case_in
from core.audit import audit_verify
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.models import AuditEvent
from violations.models import Report, ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

S = Case.Status
TEAM = [
    TeamMemberInput(
        role="direct_superior",
        name="Drs. Sukarni, M.Pd.",
        nip="196801011990031005",
        position_title="Kepala Dinas Pendidikan",
        is_chair=True,
    ),
    TeamMemberInput(role="inspectorate", name="Rini Marlina, S.E.", position_title="Auditor Inspektorat"),
    TeamMemberInput(role="bkpsdm", name="Yanti Oktaviani, S.H.", position_title="Analis SDM Aparatur"),
]


def _summons(case: Case, actor: Any, number: int, attendance: str = "pending") -> Summons:
    return Summons.objects.create(
        case=case,
        number=number,
        scheduled_at=at(2024, 10, 28),
        place="Kantor BKPSDM Kabupaten Lebong",
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        attendance=attendance,
        issued_by=actor,
    )


def _lhp(case: Case, actor: Any, proven: bool) -> None:
    ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=proven,
        recommended_sanction_code="B1" if proven else "",
        recommended_sanction_level="heavy" if proven else "",
        submitted_by=actor,
    )


# One way into each status, for a case already in any status (preconditions outside the table are prepared).
def _to_team_formed(case: Case, actor: Any) -> Any:
    return services.examination_team_form(case=case, actor=actor, members=TEAM)


def _to_summoned(case: Case, actor: Any) -> Any:
    return services.summons_issue(
        case=case,
        actor=actor,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM Kabupaten Lebong",
    )


def _to_examined(case: Case, actor: Any) -> Any:
    return services.examination_record(
        case=case,
        actor=actor,
        held_at=at(2024, 10, 28),
        examiners=[actor],
        questions_answers=[{"question": "Apakah Saudara sehat?", "answer": "Ya."}],
        examinee_signed=True,
        place="Ruang pemeriksaan BKPSDM",
    )


def _to_absent_twice(case: Case, actor: Any) -> Any:
    return services.summons_record_absence(summons=case.summonses.get(number=2), actor=actor)


def _to_reported(case: Case, actor: Any) -> Any:
    # A moderate sanction: these cases were examined without a team (casework/tests/sanction_catalogue.py).
    return services.examination_report_submit(
        case=case,
        actor=actor,
        violation_types=[ViolationType.objects.get(code="N08")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="S1",
    )


def _to_under_review(case: Case, actor: Any) -> Any:
    """From registered, the review starts; from a summons or an examination held without a team, raising the level
    to heavy takes the case back to the review (where the team is formed)."""
    if case.status in (S.SUMMONED, S.EXAMINED, S.ABSENT_TWICE):
        return services.case_raise_probable_level(
            case=case, actor=actor, probable_level="heavy", reason="Akun publik dengan ribuan pengikut."
        )
    return services.case_start_review(case=case, actor=actor, probable_level="moderate", tracks=["discipline"])


def _to_forwarded(case: Case, actor: Any) -> Any:
    return services.case_forward_for_decision(case=case, actor=actor)


def _to_not_proven(case: Case, actor: Any) -> Any:
    return services.case_close_not_proven(case=case, actor=actor, reason="Unggahan bukan milik terlapor.")


def _prepare(case: Case, actor: Any, target: str) -> None:
    """What must exist besides the status for the move to `target` to be possible at all."""
    if target == S.ABSENT_TWICE:
        if case.status == S.SUMMONED:
            _summons(case, actor, 1, attendance="absent")
        _summons(case, actor, 2)
    if target in (S.FORWARDED_FOR_DECISION, S.NOT_PROVEN) and case.status == S.REPORTED:
        _lhp(case, actor, proven=target == S.FORWARDED_FOR_DECISION)


def _case_in(status: str, officer: Any, accused: Any) -> Case:
    """A case of the officer's agency in `status`, over an accused whose direct superior is in the register (he
    signs the summonses and the LHP of a case without a team)."""
    return case_in(status, agency=officer.agency, registered_by=officer, accused=accused, accused_name=accused.name)


DRIVERS: dict[str, Callable[[Case, Any], Any]] = {
    S.UNDER_REVIEW: _to_under_review,
    S.TEAM_FORMED: _to_team_formed,
    S.SUMMONED: _to_summoned,
    S.EXAMINED: _to_examined,
    S.ABSENT_TWICE: _to_absent_twice,
    S.REPORTED: _to_reported,
    S.FORWARDED_FOR_DECISION: _to_forwarded,
    S.NOT_PROVEN: _to_not_proven,
    S.DECIDED: lambda case, actor: services.case_mark_decided(case=case, actor=actor, decision_number="800/1/2024"),
    S.CLOSED: lambda case, actor: services.case_close(case=case, actor=actor, reason="Sanksi selesai dijalani."),
    S.DISMISSED: lambda case, actor: services.case_dismiss(case=case, actor=actor, reason="Bukan pelanggaran."),
    S.WITHDRAWN: lambda case, actor: services.case_withdraw(case=case, actor=actor, reason="Salah registrasi."),
    S.MERGED: lambda case, actor: services.case_merge(
        case=case, into=CaseFactory.create(agency=case.agency), actor=actor
    ),
}
MOVES = [(source, target) for source in S.values for target in DRIVERS if source != target]


def _rows() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (AuditEvent, Summons, Examination, ExaminationReport, ExaminationTeam, CaseTrack, CaseReport)
    )


def test_the_table_covers_every_status_and_no_move_leads_back_to_registered():
    assert set(CASE_TRANSITIONS) == set(S.values)
    assert all(S.REGISTERED not in targets for targets in CASE_TRANSITIONS.values())
    assert set(DRIVERS) == set(S.values) - {S.REGISTERED}


def test_the_table_is_exactly_the_documented_lifecycle():
    exits = {S.DISMISSED, S.MERGED, S.WITHDRAWN}
    documented = {
        S.REGISTERED: {S.UNDER_REVIEW} | exits,
        S.UNDER_REVIEW: {S.TEAM_FORMED, S.SUMMONED} | exits,
        S.TEAM_FORMED: {S.SUMMONED} | exits,
        # Back to the review: the level raised to heavy on a case summoned or examined without a team.
        S.SUMMONED: {S.EXAMINED, S.ABSENT_TWICE, S.UNDER_REVIEW, S.MERGED, S.WITHDRAWN},
        S.EXAMINED: {S.REPORTED, S.UNDER_REVIEW, S.WITHDRAWN},
        S.ABSENT_TWICE: {S.REPORTED, S.FORWARDED_FOR_DECISION, S.UNDER_REVIEW, S.WITHDRAWN},
        S.REPORTED: {S.FORWARDED_FOR_DECISION, S.NOT_PROVEN, S.WITHDRAWN},
        S.FORWARDED_FOR_DECISION: {S.DECIDED},
        S.DECIDED: {S.CLOSED},
        S.CLOSED: set(),
        S.NOT_PROVEN: set(),
        S.DISMISSED: set(),
        S.MERGED: set(),
        S.WITHDRAWN: set(),
    }
    assert documented == CASE_TRANSITIONS


@pytest.mark.parametrize(("source", "target"), [m for m in MOVES if m[1] in CASE_TRANSITIONS[m[0]]])
def test_allowed_move_changes_status_bumps_version_and_writes_one_event(source, target, officer, principal):
    case = _case_in(source, officer, principal)
    _prepare(case, officer, target)

    DRIVERS[target](case, officer)

    case.refresh_from_db()
    assert (case.status, case.version) == (target, 2)
    events = AuditEvent.objects.filter(target_type="casework.case", target_id=case.pk, from_status=source)
    moves = [(e.from_status, e.to_status, e.actor_id) for e in events if e.to_status != source]
    assert moves == [(source, target, officer.pk)]
    assert audit_verify() is None


@pytest.mark.parametrize(("source", "target"), [m for m in MOVES if m[1] not in CASE_TRANSITIONS[m[0]]])
def test_refused_move_raises_409_and_writes_nothing(source, target, officer, principal):
    case = _case_in(source, officer, principal)
    _prepare(case, officer, target)
    before = _rows()

    with pytest.raises(TransitionNotAllowed) as refused:
        DRIVERS[target](case, officer)

    assert (refused.value.code, refused.value.http_status) == ("case_transition_not_allowed", 409)
    case.refresh_from_db()
    assert (case.status, case.version) == (source, 1)
    assert _rows() == before
    assert set(case.summonses.values_list("attendance", flat=True)) <= {"pending"}


def test_review_records_probable_level_note_and_tracks(case, officer):
    services.case_start_review(
        case=case, actor=officer, probable_level="heavy", tracks=["ethics", "discipline"], note="N04, akun publik."
    )

    case.refresh_from_db()
    assert (case.status, case.probable_level, case.review_note) == ("under_review", "heavy", "N04, akun publik.")
    assert sorted(case.tracks.values_list("track", "status")) == [("discipline", "open"), ("ethics", "open")]
    event = AuditEvent.objects.get(action="case_review_started")
    assert (event.from_status, event.to_status, event.reason) == ("registered", "under_review", "N04, akun publik.")
    assert event.data == {"probable_level": "heavy", "tracks": ["ethics", "discipline"]}


@pytest.mark.parametrize(
    ("level", "tracks", "code"),
    [
        ("", ["discipline"], "probable_level_invalid"),
        ("heavy", [], "tracks_invalid"),
        ("heavy", ["criminal"], "tracks_invalid"),
    ],
)
def test_review_without_level_or_tracks_is_refused_and_writes_nothing(case, officer, level, tracks, code):
    with pytest.raises(DomainError) as refused:
        services.case_start_review(case=case, actor=officer, probable_level=level, tracks=tracks)

    assert refused.value.code == code
    case.refresh_from_db()
    assert (case.status, case.version, AuditEvent.objects.count(), CaseTrack.objects.count()) == ("registered", 1, 0, 0)


IDEMPOTENT_CALLS: dict[str, tuple[str, Callable[[Case, Any], Any]]] = {
    "start_review": (S.REGISTERED, _to_under_review),
    "raise_level": (S.EXAMINED, _to_under_review),
    "team_form": (S.UNDER_REVIEW, _to_team_formed),
    "summons_issue": (S.UNDER_REVIEW, _to_summoned),
    "examination_record": (S.SUMMONED, _to_examined),
    "examination_report_submit": (S.EXAMINED, _to_reported),
    "forward": (S.ABSENT_TWICE, _to_forwarded),
    "dismiss": (S.REGISTERED, DRIVERS[S.DISMISSED]),
    "withdraw": (S.EXAMINED, DRIVERS[S.WITHDRAWN]),
}


@pytest.mark.parametrize("name", IDEMPOTENT_CALLS)
def test_the_same_call_twice_changes_the_case_once_and_writes_its_events_once(name, officer, principal):
    source, call = IDEMPOTENT_CALLS[name]
    case = _case_in(source, officer, principal)
    _prepare(case, officer, {"forward": S.FORWARDED_FOR_DECISION}.get(name, ""))
    first = call(case, officer)
    events, version = AuditEvent.objects.count(), Case.objects.get(pk=case.pk).version

    second = call(Case.objects.get(pk=case.pk), officer)

    assert second == first
    assert (AuditEvent.objects.count(), Case.objects.get(pk=case.pk).version) == (events, version)


def test_merge_twice_into_the_same_case_is_one_merge(officer):
    case, into = CaseFactory(agency=officer.agency), CaseFactory(agency=officer.agency)
    services.case_merge(case=case, into=into, actor=officer)
    events = AuditEvent.objects.count()

    services.case_merge(case=Case.objects.get(pk=case.pk), into=into, actor=officer)

    assert AuditEvent.objects.count() == events


def test_heavy_probable_level_refuses_summons_without_an_examination_team(case, officer):
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    before = _rows()

    with translation.override("en"), pytest.raises(TransitionNotAllowed) as refused:
        _to_summoned(case, officer)

    assert (refused.value.code, refused.value.http_status) == ("examination_team_required", 409)
    assert str(refused.value.message) == (
        "The probable level is heavy: form the examination team before summoning the accused."
    )
    assert (Case.objects.get(pk=case.pk).status, _rows(), Summons.objects.count()) == ("under_review", before, 0)


def test_heavy_case_is_summoned_once_the_team_is_formed(case, officer, travel):
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    travel(2024, 10, 14)  # the decree is dated the day Netra issues it, before the summons of 16 October
    _to_team_formed(case, officer)

    summons = _to_summoned(case, officer)

    assert (summons.number, Case.objects.get(pk=case.pk).status) == (1, "summoned")


def test_moderate_case_may_skip_the_team(case, officer):
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])

    _to_summoned(case, officer)

    assert Case.objects.get(pk=case.pk).status == "summoned"


def test_team_needs_the_three_members(case, officer):
    _to_under_review(case, officer)
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        services.examination_team_form(case=case, actor=officer, members=TEAM[:2])

    assert refused.value.code == "team_incomplete"
    assert (ExaminationTeam.objects.count(), AuditEvent.objects.count()) == (0, events)


def test_team_records_its_members_and_chair(case, officer, examiner_user):
    _to_under_review(case, officer)
    members = [TEAM[0], TEAM[1], TeamMemberInput(role="bkpsdm", name="Hendra Saputra", user=examiner_user)]

    team = services.examination_team_form(case=case, actor=officer, members=members)

    assert team.formed_by == officer
    assert list(team.members.values_list("role", "name", "user", "is_chair")) == [
        ("direct_superior", "Drs. Sukarni, M.Pd.", None, True),
        ("inspectorate", "Rini Marlina, S.E.", None, False),
        ("bkpsdm", "Hendra Saputra", examiner_user.pk, False),
    ]


def test_an_examiner_not_on_the_case_may_not_move_it(case, examiner_user):
    with pytest.raises(PermissionDenied):
        _to_under_review(case, examiner_user)

    assert (Case.objects.get(pk=case.pk).status, AuditEvent.objects.count()) == ("registered", 0)


def test_an_assigned_examiner_moves_the_case_but_may_not_dismiss_it(case, officer, examiner_user):
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])

    _to_under_review(case, examiner_user)
    with pytest.raises(PermissionDenied):
        services.case_dismiss(case=case, actor=examiner_user, reason="Tidak terbukti.")

    assert Case.objects.get(pk=case.pk).status == "under_review"


@pytest.mark.parametrize("service", ["dismiss", "withdraw", "not_proven"])
def test_closing_needs_a_reason(case, officer, service):
    call = {
        "dismiss": services.case_dismiss,
        "withdraw": services.case_withdraw,
        "not_proven": services.case_close_not_proven,
    }[service]
    with pytest.raises(DomainError) as refused:
        call(case=case, actor=officer, reason="  ")

    assert (refused.value.code, refused.value.field) == ("reason_required", "reason")
    assert AuditEvent.objects.count() == 0


def test_withdrawal_keeps_its_reason_and_closes_open_tracks(case, officer):
    _to_under_review(case, officer)

    services.case_withdraw(case=case, actor=officer, reason="Terlapor bukan pegawai Kabupaten Lebong.")

    case.refresh_from_db()
    assert (case.status, case.closure_reason, case.is_open) == (
        "withdrawn",
        "Terlapor bukan pegawai Kabupaten Lebong.",
        False,
    )
    assert list(case.tracks.values_list("status", flat=True)) == ["closed"]
    assert AuditEvent.objects.get(action="case_withdrawn").reason == "Terlapor bukan pegawai Kabupaten Lebong."


def test_a_not_proven_report_may_be_forwarded_for_a_dismissal_decision(officer, principal):
    case = _case_in(S.REPORTED, officer, principal)
    _lhp(case, officer, proven=False)

    services.case_forward_for_decision(case=case, actor=officer)

    assert Case.objects.get(pk=case.pk).status == "forwarded_for_decision"


def test_merge_moves_the_reports_to_the_surviving_case(officer):
    report = ReportFactory(status=Report.Status.IN_PROCESS)
    case, into = CaseFactory(agency=officer.agency, reports=[report]), CaseFactory(agency=officer.agency)

    services.case_merge(case=case, into=into, actor=officer)

    case.refresh_from_db()
    assert (case.status, case.merged_into) == ("merged", into)
    assert list(into.reports.all()) == [report]
    assert [(e.action, e.target_id) for e in AuditEvent.objects.order_by("id")] == [
        ("case_merged", case.pk),
        ("case_merge_received", into.pk),
    ]


@pytest.mark.parametrize("into_status", [S.WITHDRAWN, S.MERGED])
def test_merge_into_a_closed_case_is_refused(officer, into_status):
    case, into = CaseFactory(agency=officer.agency), case_in(into_status, agency=officer.agency)

    with pytest.raises(ConflictError):
        services.case_merge(case=case, into=into, actor=officer)

    assert (Case.objects.get(pk=case.pk).status, AuditEvent.objects.count()) == ("registered", 0)


def test_merge_into_itself_is_refused(case, officer):
    with pytest.raises(DomainError) as refused:
        services.case_merge(case=case, into=case, actor=officer)

    assert refused.value.code == "merge_into_itself"


def test_criminal_referral_is_recorded_once(case, officer):
    track = services.criminal_referral_record(
        case=case,
        actor=officer,
        referred_to="Sentra Gakkumdu Kabupaten Lebong",
        referred_on=datetime.date(2024, 10, 15),
    )
    services.criminal_referral_record(
        case=case,
        actor=officer,
        referred_to="Sentra Gakkumdu Kabupaten Lebong",
        referred_on=datetime.date(2024, 10, 15),
    )

    assert (track.track, track.status, track.referred_to, track.referred_on) == (
        "criminal_referral",
        "referred",
        "Sentra Gakkumdu Kabupaten Lebong",
        datetime.date(2024, 10, 15),
    )
    assert AuditEvent.objects.filter(action="criminal_referral_recorded").count() == 1
    assert Case.objects.get(pk=case.pk).status == "registered"


def test_team_member_role_choices_are_the_three_bodies():
    assert ExaminationTeamMember.Role.values == ["direct_superior", "inspectorate", "bkpsdm"]
