"""Triage: an intake officer's moves on a report, and the outcome the sanctions side records."""

import datetime
import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.audit import audit_record
from core.errors import DomainError
from core.transactions import on_commit
from violations.audit_actions import (
    REPORT_CASE_REGISTERED,
    REPORT_DECIDED,
    REPORT_INFORMATION_REQUESTED,
    REPORT_MERGED,
    REPORT_REJECTED,
    REPORT_REVIEW_STARTED,
)
from violations.models import (
    Report,
    ReportOutcome,
)
from violations.services.common import (
    NOTE_IN_PROCESS,
    NOTE_IN_REVIEW,
    NOTE_INFORMATION_REQUESTED,
    NOTE_MERGED,
    NOTE_REJECTED,
    _locked,
    _timeline,
    _transition,
)

logger = logging.getLogger(__name__)


@transaction.atomic
def report_start_review(*, report: Report, actor: Any) -> Report:
    """An intake officer takes up a received report. Idempotent."""
    report = _locked(report)
    if report.status == Report.Status.IN_REVIEW:
        return report
    return _transition(
        report, to=Report.Status.IN_REVIEW, actor=actor, action=REPORT_REVIEW_STARTED, note=NOTE_IN_REVIEW
    )


@transaction.atomic
def report_reject(*, report: Report, actor: Any, reason: str) -> Report:
    """Reject a report with a reason the reporter will read. Idempotent for an already rejected report."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give the reason for the rejection."), field="reason")
    report = _locked(report)
    if report.status == Report.Status.REJECTED:
        return report
    report.rejection_reason = reason.strip()
    return _transition(
        report,
        to=Report.Status.REJECTED,
        actor=actor,
        action=REPORT_REJECTED,
        reason=report.rejection_reason,
        note=NOTE_REJECTED,
        note_params={"reason": report.rejection_reason},
    )


@transaction.atomic
def report_request_information(*, report: Report, actor: Any, message: str) -> Report:
    """Ask the reporter for more information; the message is shown on their status page."""
    if not message.strip():
        raise DomainError("message_required", _("Write what the reporter should add."), field="message")
    report = _locked(report)
    message = message.strip()
    if report.status == Report.Status.AWAITING_INFORMATION:
        if report.information_request == message:
            return report  # the same request again: nothing new to tell the reporter
        # A new question while the reporter has not answered yet: same status, new message.
        report.information_request = message
        report.save(update_fields=["information_request", "updated_at"])
        audit_record(
            actor=actor,
            action=REPORT_INFORMATION_REQUESTED,
            target=report,
            from_status=report.status,
            to_status=report.status,
            reason=message,
        )
        _timeline(report, report.public_status, NOTE_INFORMATION_REQUESTED, params={"message": message})
    else:
        report.information_request = message
        _transition(
            report,
            to=Report.Status.AWAITING_INFORMATION,
            actor=actor,
            action=REPORT_INFORMATION_REQUESTED,
            reason=message,
            note=NOTE_INFORMATION_REQUESTED,
            note_params={"message": message},
        )
    on_commit(partial(_email_information_request, report.pk))
    return report


def _email_information_request(report_id: int) -> None:
    """Tell a reporter who gave an e-mail address that the officer asks for more (after commit, best effort).

    The e-mail carries the officer's question and where to answer it; never the PIN, never anyone's identity.
    """
    report = Report.objects.select_related("reporter").filter(pk=report_id).first()
    reporter = getattr(report, "reporter", None) if report is not None else None
    if report is None or reporter is None or reporter.anonymous or not reporter.email:
        return
    status_url = settings.NETRA_SITE_URL.rstrip("/") + reverse("public:report-status")
    values = {"code": report.tracking_code, "message": report.information_request, "url": status_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Netra: more information is needed for report %(code)s") % values
        body = (
            _(
                "An officer reviewing your report %(code)s asks for more information:\n\n%(message)s\n\n"
                "To answer, open %(url)s, enter your tracking code and PIN, and add the information or evidence.\n"
                "Netra never sends your PIN by e-mail. Do not reply to this message."
            )
            % values
        )
    try:
        send_mail(subject, body, None, [reporter.email])
    except Exception:  # the request is stored and shown on the status page; the e-mail is only a courtesy
        logger.exception("Information request e-mail for report %s could not be sent", report_id)


@transaction.atomic
def report_mark_duplicate(*, report: Report, original: Report, actor: Any) -> Report:
    """Link `report` to `original` as a duplicate: it is handled with it and follows its case."""
    if report.pk == original.pk:
        raise DomainError("duplicate_of_itself", _("A report cannot duplicate itself."), field="original")
    if report.agency_id != original.agency_id:
        raise DomainError("duplicate_other_agency", _("Both reports must belong to the same agency."), field="original")
    locked = {
        r.pk: r for r in Report.objects.select_for_update().filter(pk__in=[report.pk, original.pk]).order_by("pk")
    }
    report, original = locked[report.pk], locked[original.pk]
    root, chain = _merge_root(original)
    if report.pk in chain:
        raise DomainError("duplicate_cycle", _("That report is already a duplicate of this one."), field="original")
    if root.pk != original.pk:
        root = _locked(root)
    if report.status == Report.Status.MERGED and report.merged_into_id == root.pk:
        return report
    if root.status in (Report.Status.REJECTED, Report.Status.CLOSED):
        raise DomainError("duplicate_of_closed", _("A report cannot be linked to a closed report."), field="original")
    report.merged_into = root
    _transition(
        report,
        to=Report.Status.MERGED,
        actor=actor,
        action=REPORT_MERGED,
        note=NOTE_MERGED,
        data={"merged_into": root.tracking_code},
    )
    # Duplicates always point at a root (never at another duplicate): this report's own duplicates move along.
    followers = [report, *_repoint_duplicates(previous_root=report, root=root, actor=actor)]
    if root.status == Report.Status.IN_PROCESS:
        # The original is already a case: the duplicates' reporters follow that case too.
        for follower in followers:
            _transition(
                follower,
                to=Report.Status.IN_PROCESS,
                actor=actor,
                action=REPORT_CASE_REGISTERED,
                note=NOTE_IN_PROCESS,
                data={"merged_into": root.tracking_code},
            )
    return report


def _merge_root(report: Report) -> tuple[Report, set[int]]:
    """The report a chain of duplicates ends at, and the ids passed on the way (to refuse cycles)."""
    chain = {report.pk}
    while report.merged_into_id is not None and report.merged_into_id not in chain:
        report = Report.objects.get(pk=report.merged_into_id)
        chain.add(report.pk)
    return report, chain


def _repoint_duplicates(*, previous_root: Report, root: Report, actor: Any) -> list[Report]:
    moved = list(Report.objects.select_for_update().filter(merged_into=previous_root).order_by("pk"))
    for duplicate in moved:
        duplicate.merged_into = root
        duplicate.save(update_fields=["merged_into", "updated_at"])
        audit_record(
            actor=actor,
            action=REPORT_MERGED,
            target=duplicate,
            from_status=duplicate.status,
            to_status=duplicate.status,
            data={"merged_into": root.tracking_code, "via": previous_root.tracking_code},
        )
    return moved


def report_mark_in_process(*, report: Report, actor: Any, case_number: str) -> Report:
    """Called by casework inside its transaction when a case is registered over this report."""
    report = _locked(report)
    if report.status == Report.Status.IN_PROCESS:
        return report
    return _transition(
        report,
        to=Report.Status.IN_PROCESS,
        actor=actor,
        action=REPORT_CASE_REGISTERED,
        note=NOTE_IN_PROCESS,
        data={"case": case_number},
    )


NOTE_DECIDED = gettext_noop("A decision has been made on this report.")


@transaction.atomic
def report_mark_decided(*, report: Report, actor: Any, decision_number: str = "") -> Report:
    """A decision on the report's case was signed (called by the sanctions app inside its signing transaction).

    The public timeline says only that a decision was made; its content appears once it takes effect.
    """
    report = _locked(report)
    if report.status in (Report.Status.DECIDED, Report.Status.CLOSED):
        return report
    return _transition(
        report,
        to=Report.Status.DECIDED,
        actor=actor,
        action=REPORT_DECIDED,
        note=NOTE_DECIDED,
        data={"decision_number": decision_number} if decision_number else None,
    )


@transaction.atomic
def report_record_outcome(
    *,
    report: Report,
    proven: bool,
    decided_at: datetime.date,
    sanction_type: str = "",
    sanction_label: str = "",
    decision_number: str = "",
) -> ReportOutcome:
    """Store the public-safe outcome once a decision takes effect (called by the sanctions app)."""
    outcome, _created = ReportOutcome.objects.update_or_create(
        report=report,
        defaults={
            "proven": proven,
            "decided_at": decided_at,
            "sanction_type": sanction_type,
            "sanction_label": sanction_label,
            "decision_number": decision_number,
        },
    )
    return outcome


# --- Bawaslu office accounts ------------------------------------------------------------------------------
