"""Triage: an intake officer's moves on a report, and the moves casework and sanctions make on it (a case
registered over it, a decision signed)."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.actors import Actor
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
from violations.case_handover import evidence_hand_over_on_commit
from violations.models import REPORT_LIFECYCLE, Report
from violations.services.public_timeline import (
    NOTE_DECIDED,
    NOTE_IN_PROCESS,
    NOTE_IN_REVIEW,
    NOTE_INFORMATION_REQUESTED,
    NOTE_MERGED,
    NOTE_REJECTED,
    timeline_append,
)
from violations.services.report_transitions import report_transition

logger = logging.getLogger(__name__)


@transaction.atomic
def report_start_review(*, report: Report, actor: Actor) -> Report:
    """An intake officer takes up a received report. Idempotent."""
    report = REPORT_LIFECYCLE.lock(report)
    if report.status == Report.Status.IN_REVIEW:
        return report
    return report_transition(
        report, to=Report.Status.IN_REVIEW, actor=actor, action=REPORT_REVIEW_STARTED, note=NOTE_IN_REVIEW
    )


@transaction.atomic
def report_reject(*, report: Report, actor: Actor, reason: str) -> Report:
    """Reject a report with a reason the reporter will read. Idempotent for an already rejected report."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give the reason for the rejection."), field="reason")
    report = REPORT_LIFECYCLE.lock(report)
    if report.status == Report.Status.REJECTED:
        return report
    report.rejection_reason = reason.strip()
    return report_transition(
        report,
        to=Report.Status.REJECTED,
        actor=actor,
        action=REPORT_REJECTED,
        reason=report.rejection_reason,
        note=NOTE_REJECTED,
        note_params={"reason": report.rejection_reason},
    )


@transaction.atomic
def report_request_information(*, report: Report, actor: Actor, message: str) -> Report:
    """Ask the reporter for more information; the message is shown on their status page and e-mailed after commit.

    Asked again while the reporter has not answered, the new question replaces the old one (same status)."""
    if not message.strip():
        raise DomainError("message_required", _("Write what the reporter should add."), field="message")
    report = REPORT_LIFECYCLE.lock(report)
    message = message.strip()
    if report.status == Report.Status.AWAITING_INFORMATION and report.information_request == message:
        return report  # the same request again: nothing new to tell the reporter
    report.information_request = message
    note_params = {"message": message}
    if report.status == Report.Status.AWAITING_INFORMATION:
        REPORT_LIFECYCLE.record(
            report, actor=actor, action=REPORT_INFORMATION_REQUESTED, reason=message, fields=("information_request",)
        )
        timeline_append(report, NOTE_INFORMATION_REQUESTED, params=note_params)
    else:
        report_transition(
            report,
            to=Report.Status.AWAITING_INFORMATION,
            actor=actor,
            action=REPORT_INFORMATION_REQUESTED,
            reason=message,
            note=NOTE_INFORMATION_REQUESTED,
            note_params=note_params,
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


# --- duplicates ----------------------------------------------------------------------------------------------


@transaction.atomic
def report_mark_duplicate(*, report: Report, original: Report, actor: Actor) -> Report:
    """Link `report` to `original` as a duplicate: it is handled with it and follows its case.

    Duplicates always point at the root of a chain; a cycle, another agency's report or a closed one is refused.
    """
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
        root = REPORT_LIFECYCLE.lock(root)
    if report.status == Report.Status.MERGED and report.merged_into_id == root.pk:
        return report
    if root.status in (Report.Status.REJECTED, Report.Status.CLOSED):
        raise DomainError("duplicate_of_closed", _("A report cannot be linked to a closed report."), field="original")
    report.merged_into = root
    data = {"merged_into": root.tracking_code}
    report_transition(report, to=Report.Status.MERGED, actor=actor, action=REPORT_MERGED, note=NOTE_MERGED, data=data)
    # This report's own duplicates move along to the root.
    followers = [report, *_repoint_duplicates(previous_root=report, root=root, actor=actor)]
    if root.status == Report.Status.IN_PROCESS:
        # The original is already a case: the duplicates' reporters follow that case too.
        for follower in followers:
            report_transition(
                follower,
                to=Report.Status.IN_PROCESS,
                actor=actor,
                action=REPORT_CASE_REGISTERED,
                note=NOTE_IN_PROCESS,
                data=data,
            )
            evidence_hand_over_on_commit(follower.pk)
    return report


def _merge_root(report: Report) -> tuple[Report, set[int]]:
    """The report a chain of duplicates ends at, and the ids passed on the way (to refuse cycles)."""
    chain = {report.pk}
    while report.merged_into_id is not None and report.merged_into_id not in chain:
        report = Report.objects.get(pk=report.merged_into_id)
        chain.add(report.pk)
    return report, chain


def _repoint_duplicates(*, previous_root: Report, root: Report, actor: Actor) -> list[Report]:
    moved = list(Report.objects.select_for_update().filter(merged_into=previous_root).order_by("pk"))
    for duplicate in moved:
        duplicate.merged_into = root
        REPORT_LIFECYCLE.record(
            duplicate,
            actor=actor,
            action=REPORT_MERGED,
            data={"merged_into": root.tracking_code, "via": previous_root.tracking_code},
            fields=("merged_into",),
        )
    return moved


# --- moves of the later steps ---------------------------------------------------------------------------------


def report_mark_in_process(*, report: Report, actor: Actor, case_number: str) -> Report:
    """Called by casework inside its transaction when a case is registered over this report."""
    report = REPORT_LIFECYCLE.lock(report)
    if report.status == Report.Status.IN_PROCESS:
        return report
    return report_transition(
        report,
        to=Report.Status.IN_PROCESS,
        actor=actor,
        action=REPORT_CASE_REGISTERED,
        note=NOTE_IN_PROCESS,
        data={"case": case_number},
    )


@transaction.atomic
def report_mark_decided(*, report: Report, actor: Actor, decision_number: str = "") -> Report:
    """A decision on the report's case was signed (called by the sanctions app inside its signing transaction).

    The public timeline says only that a decision was made; its content appears once it takes effect.
    """
    report = REPORT_LIFECYCLE.lock(report)
    if report.status in (Report.Status.DECIDED, Report.Status.CLOSED):
        return report
    return report_transition(
        report,
        to=Report.Status.DECIDED,
        actor=actor,
        action=REPORT_DECIDED,
        note=NOTE_DECIDED,
        data={"decision_number": decision_number} if decision_number else None,
    )
