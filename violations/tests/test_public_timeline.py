"""The public timeline and the one path of a report's status change: the kernel's transition, then the entry the
reporter reads."""

import pytest
from django.utils import translation

from accounts.tests.factories import IntakeOfficerFactory
from core.errors import TransitionNotAllowed
from core.models import AuditEvent
from violations.audit_actions import REPORT_INFORMATION_RECEIVED, REPORT_REVIEW_STARTED
from violations.models import REPORT_LIFECYCLE, Report, TimelineEntry
from violations.services.public_timeline import NOTE_IN_REVIEW, NOTE_INFORMATION_REQUESTED, timeline_append
from violations.services.report_transitions import report_transition
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

S = Report.Status


def test_an_entry_is_filed_under_the_reports_public_status_with_its_msgid_and_parameters():
    report = ReportFactory(status=S.AWAITING_INFORMATION)

    entry = timeline_append(report, NOTE_INFORMATION_REQUESTED, params={"message": "Kirim tautannya."})

    stored = TimelineEntry.objects.get(pk=entry.pk)
    assert (stored.status, stored.note, stored.note_params) == (
        "in_review",
        "The officer asks for more information: %(message)s",
        {"message": "Kirim tautannya."},
    )
    with translation.override("en"):
        assert stored.translated_note == "The officer asks for more information: Kirim tautannya."


def test_a_transition_saves_the_status_writes_one_event_and_notes_it():
    officer = IntakeOfficerFactory(username="verifikator")
    report = REPORT_LIFECYCLE.lock(ReportFactory())

    report_transition(report, to=S.IN_REVIEW, actor=officer, action=REPORT_REVIEW_STARTED, note=NOTE_IN_REVIEW)

    assert Report.objects.get(pk=report.pk).status == "in_review"
    [event] = AuditEvent.objects.filter(target_id=report.pk)
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "report_review_started",
        "received",
        "in_review",
        officer,
    )
    assert report.timeline.order_by("id").last().note == NOTE_IN_REVIEW


def test_a_transition_the_reporter_cannot_see_and_without_a_note_adds_no_timeline_entry():
    report = REPORT_LIFECYCLE.lock(ReportFactory(status=S.AWAITING_INFORMATION))
    entries = report.timeline.count()

    report_transition(report, to=S.IN_REVIEW, actor="citizen", action=REPORT_INFORMATION_RECEIVED)

    assert Report.objects.get(pk=report.pk).status == "in_review"
    assert report.timeline.count() == entries  # awaiting information is "in review" to the reporter already


def test_a_refused_transition_keeps_the_reports_code_and_says_why_in_indonesian():
    report = REPORT_LIFECYCLE.lock(ReportFactory(status=S.IN_PROCESS))

    with translation.override("id"), pytest.raises(TransitionNotAllowed) as refused:
        report_transition(report, to=S.IN_REVIEW, actor="citizen", action=REPORT_REVIEW_STARTED)

    assert refused.value.code == "report_transition_not_allowed"
    assert refused.value.message == "Laporan berstatus “Dalam proses” tidak dapat menjadi “Sedang ditelaah”."
    assert not AuditEvent.objects.exists()
    assert Report.objects.get(pk=report.pk).status == "in_process"
