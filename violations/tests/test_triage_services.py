"""Triage transitions: every allowed and refused step of REPORT_TRANSITIONS, audit events, public timeline,
idempotency, duplicates and the e-mail to a reporter asked for more information."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from core.audit import audit_verify
from core.errors import DomainError, TransitionNotAllowed
from core.models import AuditEvent
from violations import services
from violations.models import REPORT_TRANSITIONS, Report, TimelineEntry
from violations.tests.factories import TEST_PIN, ReportFactory

pytestmark = pytest.mark.django_db

S = Report.Status
ALL_STATUSES = list(S.values)


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso")


def _report_in(status: str, **kwargs: Any) -> Any:
    if status == S.MERGED:
        kwargs.setdefault("merged_into", ReportFactory())
    return ReportFactory(status=status, **kwargs)


def _another_report() -> Any:
    return ReportFactory(accused_nip="198001012005031001")


def _reload(report: Report) -> Report:
    return Report.objects.get(pk=report.pk)


def _events(report: Report) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(target_type="violations.report", target_id=report.pk).order_by("id"))


# --- the transition table, one service per target status ------------------------------------------------

# target status → (service call, audit action, reason written, timeline note)
ACTIONS: dict[str, tuple[Callable[[Report, Any], object], str, str, str]] = {
    S.IN_REVIEW: (
        lambda report, actor: services.report_start_review(report=report, actor=actor),
        "report_review_started",
        "",
        services.NOTE_IN_REVIEW,
    ),
    S.REJECTED: (
        lambda report, actor: services.report_reject(report=report, actor=actor, reason="Bukan ASN."),
        "report_rejected",
        "Bukan ASN.",
        services.NOTE_REJECTED,
    ),
    S.AWAITING_INFORMATION: (
        lambda report, actor: services.report_request_information(
            report=report, actor=actor, message="Kirim tautan unggahan."
        ),
        "report_information_requested",
        "Kirim tautan unggahan.",
        services.NOTE_INFORMATION_REQUESTED,
    ),
    S.MERGED: (
        lambda report, actor: services.report_mark_duplicate(report=report, original=_another_report(), actor=actor),
        "report_merged",
        "",
        services.NOTE_MERGED,
    ),
    S.IN_PROCESS: (
        lambda report, actor: services.report_mark_in_process(report=report, actor=actor, case_number="0001/X/2026"),
        "report_case_registered",
        "",
        services.NOTE_IN_PROCESS,
    ),
}

ALLOWED = [(source, target) for source in ALL_STATUSES for target in ACTIONS if target in REPORT_TRANSITIONS[source]]
# A service asked for the status the report already has does nothing (idempotent), except re-linking a
# duplicate to another report, which is refused below.
REFUSED = [
    (source, target)
    for source in ALL_STATUSES
    for target in ACTIONS
    if target not in REPORT_TRANSITIONS[source] and (source != target or target == S.MERGED)
]


def test_the_transition_table_is_covered_completely():
    covered = {*ALLOWED, *REFUSED, *((status, status) for status in ACTIONS if status != S.MERGED)}

    assert covered == {(source, target) for source in ALL_STATUSES for target in ACTIONS}


@pytest.mark.parametrize(("source", "target"), ALLOWED, ids=[f"{s}->{t}" for s, t in ALLOWED])
def test_allowed_transition_changes_status_and_writes_one_audit_event_and_a_timeline_entry(officer, source, target):
    report = _report_in(source)
    timeline_before = TimelineEntry.objects.filter(report=report).count()
    call, action, reason, note = ACTIONS[target]

    call(report, officer)

    assert _reload(report).status == target
    [event] = _events(report)
    assert (event.action, event.from_status, event.to_status, event.reason) == (action, source, target, reason)
    assert event.actor == officer and event.actor_label == "verifikator"
    entries = list(TimelineEntry.objects.filter(report=report).order_by("id"))
    assert len(entries) == timeline_before + 1
    assert (entries[-1].status, entries[-1].note) == (Report(status=target).public_status, note)
    assert audit_verify() is None


@pytest.mark.parametrize(("source", "target"), REFUSED, ids=[f"{s}->{t}" for s, t in REFUSED])
def test_refused_transition_raises_and_writes_nothing(officer, source, target):
    report = _report_in(source)
    timeline_before = list(TimelineEntry.objects.filter(report=report))
    events_before = AuditEvent.objects.count()
    call = ACTIONS[target][0]

    with pytest.raises(TransitionNotAllowed) as refused:
        call(report, officer)

    assert refused.value.code == "report_transition_not_allowed"
    assert _reload(report).status == source
    assert AuditEvent.objects.count() == events_before
    assert list(TimelineEntry.objects.filter(report=report)) == timeline_before


@pytest.mark.parametrize("status", [S.DECIDED, S.CLOSED])
def test_decided_and_closed_are_reached_only_from_in_process(status):
    reachable_from = {source for source in ALL_STATUSES if Report(status=source).can_transition_to(status)}

    assert reachable_from == ({S.IN_PROCESS} if status == S.DECIDED else {S.IN_PROCESS, S.DECIDED})


@pytest.mark.parametrize("status", [S.REJECTED, S.CLOSED])
def test_rejected_and_closed_reports_are_final(status):
    assert REPORT_TRANSITIONS[status] == frozenset()


# --- idempotency ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", [S.IN_REVIEW, S.REJECTED, S.AWAITING_INFORMATION, S.IN_PROCESS], ids=lambda status: str(status)
)
def test_the_same_action_twice_writes_one_audit_event_and_one_timeline_entry(officer, target):
    report = ReportFactory()
    call = ACTIONS[target][0]

    call(report, officer)
    call(report, officer)

    assert _reload(report).status == target
    assert len(_events(report)) == 1
    assert TimelineEntry.objects.filter(report=report).count() == 2  # "received" and this one


def test_marking_the_same_duplicate_twice_writes_one_audit_event(officer):
    original, duplicate = ReportFactory(), ReportFactory()

    services.report_mark_duplicate(report=duplicate, original=original, actor=officer)
    services.report_mark_duplicate(report=duplicate, original=original, actor=officer)

    assert [event.action for event in _events(duplicate)] == ["report_merged"]


def test_rejecting_an_already_rejected_report_keeps_the_first_reason(officer):
    report = ReportFactory()
    services.report_reject(report=report, actor=officer, reason="Bukan ASN.")

    services.report_reject(report=report, actor=officer, reason="Alasan lain.")

    assert _reload(report).rejection_reason == "Bukan ASN."
    assert len(_events(report)) == 1


# --- reject -------------------------------------------------------------------------------------------------


def test_reject_puts_the_reason_on_the_public_timeline(officer):
    report = ReportFactory()

    services.report_reject(report=report, actor=officer, reason="  Terlapor bukan ASN Kabupaten Lebong.  ")

    report = _reload(report)
    assert (report.status, report.public_status) == ("rejected", "rejected")
    assert report.rejection_reason == "Terlapor bukan ASN Kabupaten Lebong."
    entry = report.timeline.order_by("id").last()
    assert entry.status == "rejected"
    with translation.override("en"):
        assert entry.translated_note == "The report was not taken further: Terlapor bukan ASN Kabupaten Lebong."


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_reject_without_a_reason_is_refused_and_writes_nothing(officer, reason):
    report = ReportFactory()

    with pytest.raises(DomainError) as refused:
        services.report_reject(report=report, actor=officer, reason=reason)

    assert (refused.value.code, refused.value.field) == ("reason_required", "reason")
    assert _reload(report).status == "received"
    assert _events(report) == []


# --- request information and its e-mail ---------------------------------------------------------------


def test_request_information_shows_the_message_to_the_reporter_as_in_review(officer):
    report = ReportFactory()

    services.report_request_information(report=report, actor=officer, message="Kirim tangkapan layar unggahan.")

    report = _reload(report)
    assert (report.status, report.public_status) == ("awaiting_information", "in_review")
    assert report.information_request == "Kirim tangkapan layar unggahan."
    entry = report.timeline.order_by("id").last()
    assert (entry.status, entry.note_params) == ("in_review", {"message": "Kirim tangkapan layar unggahan."})


def test_a_new_question_while_awaiting_information_is_audited_and_shown(officer):
    report = ReportFactory()
    services.report_request_information(report=report, actor=officer, message="Pertanyaan pertama.")

    services.report_request_information(report=report, actor=officer, message="Pertanyaan kedua.")

    report = _reload(report)
    assert report.information_request == "Pertanyaan kedua."
    second = _events(report)[-1]
    assert (second.action, second.from_status, second.to_status, second.reason) == (
        "report_information_requested",
        "awaiting_information",
        "awaiting_information",
        "Pertanyaan kedua.",
    )
    assert report.timeline.order_by("id").last().note_params == {"message": "Pertanyaan kedua."}


def test_request_information_emails_a_reporter_who_gave_an_address_after_commit(
    officer, django_capture_on_commit_callbacks
):
    report = ReportFactory(reporter={"name": "Siti Aminah", "email": "siti@example.id"}, accused_name="Rahmat")

    with django_capture_on_commit_callbacks() as callbacks:
        services.report_request_information(report=report, actor=officer, message="Kirim tautan unggahan.")
        assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()

    [message] = mail.outbox
    assert message.to == ["siti@example.id"]
    assert report.tracking_code in message.subject
    assert "Kirim tautan unggahan." in message.body
    assert "http://127.0.0.1:8000/report/status/" in message.body
    for secret in (TEST_PIN, "Siti Aminah", "Rahmat", "verifikator", "Budi"):
        assert secret not in message.body and secret not in message.subject


def test_request_information_email_is_in_the_default_language_whatever_the_officers(
    officer, django_capture_on_commit_callbacks
):
    report = ReportFactory(reporter={"name": "Siti", "email": "siti@example.id"})

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.report_request_information(report=report, actor=officer, message="Kirim tautan.")

    with translation.override("id"):
        expected = gettext("Netra: more information is needed for report %(code)s") % {"code": report.tracking_code}
    assert mail.outbox[0].subject == expected
    assert expected != f"Netra: more information is needed for report {report.tracking_code}"


@pytest.mark.parametrize(
    "reporter",
    [{"anonymous": True}, {"name": "Siti", "phone": "0812"}],
    ids=["anonymous", "no-address"],
)
def test_request_information_sends_no_email_without_an_address(officer, django_capture_on_commit_callbacks, reporter):
    report = ReportFactory(reporter=reporter)

    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_information(report=report, actor=officer, message="Kirim tautan.")

    assert mail.outbox == []


def test_the_same_request_twice_sends_one_email(officer, django_capture_on_commit_callbacks):
    report = ReportFactory(reporter={"name": "Siti", "email": "siti@example.id"})

    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_information(report=report, actor=officer, message="Kirim tautan.")
        services.report_request_information(report=report, actor=officer, message="Kirim tautan.")

    assert len(mail.outbox) == 1


def test_a_refused_request_sends_no_email(officer, django_capture_on_commit_callbacks):
    report = ReportFactory(status=S.REJECTED, reporter={"name": "Siti", "email": "siti@example.id"})

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(TransitionNotAllowed):
        services.report_request_information(report=report, actor=officer, message="Kirim tautan.")

    assert callbacks == []
    assert mail.outbox == []


def test_request_information_without_a_message_is_refused(officer):
    report = ReportFactory()

    with pytest.raises(DomainError) as refused:
        services.report_request_information(report=report, actor=officer, message=" ")

    assert refused.value.code == "message_required"
    assert _events(report) == []


def test_the_reporters_addition_puts_an_awaiting_report_back_in_review(officer):
    report = ReportFactory()
    services.report_request_information(report=report, actor=officer, message="Kirim tautan.")

    services.report_add_information(report=report, description="Ini tautannya.", links=["https://fb.com/p/1"])

    assert _reload(report).status == "in_review"
    assert [event.action for event in _events(report)][-1] == "report_information_received"


# --- duplicates ---------------------------------------------------------------------------------------------


def test_mark_duplicate_links_the_report_and_tells_its_reporter(officer):
    original, duplicate = ReportFactory(), ReportFactory()

    services.report_mark_duplicate(report=duplicate, original=original, actor=officer)

    duplicate = _reload(duplicate)
    assert (duplicate.status, duplicate.merged_into_id) == ("merged", original.pk)
    [event] = _events(duplicate)
    assert event.data == {"merged_into": original.tracking_code}
    assert duplicate.timeline.order_by("id").last().note == services.NOTE_MERGED
    assert _reload(original).status == "received"


def test_a_duplicate_of_a_duplicate_points_at_the_root(officer):
    root, middle, late = ReportFactory(), ReportFactory(), ReportFactory()
    services.report_mark_duplicate(report=middle, original=root, actor=officer)

    services.report_mark_duplicate(report=late, original=middle, actor=officer)

    assert _reload(late).merged_into_id == root.pk


def test_when_a_report_with_duplicates_becomes_a_duplicate_its_duplicates_move_to_the_new_root(officer):
    root, middle, child = ReportFactory(), ReportFactory(), ReportFactory()
    services.report_mark_duplicate(report=child, original=middle, actor=officer)

    services.report_mark_duplicate(report=middle, original=root, actor=officer)

    assert _reload(middle).merged_into_id == root.pk
    assert _reload(child).merged_into_id == root.pk
    moved = _events(child)[-1]
    assert (moved.action, moved.data) == (
        "report_merged",
        {"merged_into": root.tracking_code, "via": middle.tracking_code},
    )


def test_a_cycle_of_duplicates_is_refused_and_nothing_is_written(officer):
    first, second = ReportFactory(), ReportFactory()
    services.report_mark_duplicate(report=second, original=first, actor=officer)
    events_before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        services.report_mark_duplicate(report=first, original=second, actor=officer)

    assert refused.value.code == "duplicate_cycle"
    assert (_reload(first).status, _reload(first).merged_into_id) == ("received", None)
    assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize(
    ("make_original", "code"),
    [
        (lambda report: report, "duplicate_of_itself"),
        (lambda report: ReportFactory(agency=AgencyFactory(code="rejang", is_default=False)), "duplicate_other_agency"),
        (lambda report: ReportFactory(status=S.REJECTED), "duplicate_of_closed"),
        (lambda report: ReportFactory(status=S.CLOSED), "duplicate_of_closed"),
    ],
    ids=["itself", "other-agency", "rejected-original", "closed-original"],
)
def test_mark_duplicate_refusals_write_nothing(officer, make_original, code):
    report = ReportFactory()
    original = make_original(report)
    events_before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        services.report_mark_duplicate(report=report, original=original, actor=officer)

    assert refused.value.code == code
    assert _reload(report).status == "received"
    assert AuditEvent.objects.count() == events_before


def test_a_duplicate_of_a_report_already_in_a_case_follows_it_into_process(officer):
    original = ReportFactory(status=S.IN_PROCESS)
    late = ReportFactory()

    services.report_mark_duplicate(report=late, original=original, actor=officer)

    late = _reload(late)
    assert (late.status, late.merged_into_id) == ("in_process", original.pk)
    assert [(event.action, event.to_status) for event in _events(late)] == [
        ("report_merged", "merged"),
        ("report_case_registered", "in_process"),
    ]
    assert list(late.timeline.order_by("id").values_list("status", flat=True)) == ["received", "merged", "in_process"]


def test_duplicates_carried_along_into_a_case_follow_it_too(officer):
    in_case, middle, child = ReportFactory(status=S.IN_PROCESS), ReportFactory(), ReportFactory()
    services.report_mark_duplicate(report=child, original=middle, actor=officer)

    services.report_mark_duplicate(report=middle, original=in_case, actor=officer)

    assert (_reload(child).status, _reload(child).merged_into_id) == ("in_process", in_case.pk)
