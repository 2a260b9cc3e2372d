"""What a report led to, as the sanctions side records it: the outcome once a decision takes effect, and the close.

Called by sanctions.services inside their transactions. The public timeline gets a note without any detail of the
decision (the outcome fields themselves are shown to the forwarding Bawaslu office only, per docs/api-contract.md).
"""

import datetime

from django.db import transaction

from accounts.actors import Actor
from violations.audit_actions import REPORT_CLOSED
from violations.models import REPORT_LIFECYCLE, Report, ReportOutcome
from violations.services.public_timeline import NOTE_CLOSED, NOTE_OUTCOME, timeline_append
from violations.services.report_transitions import report_transition


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
    """Store the public-safe outcome once a decision takes effect (no timeline note: see report_outcome_set)."""
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


@transaction.atomic
def report_outcome_set(
    *,
    report: Report,
    proven: bool,
    decided_at: datetime.date,
    sanction_type: str = "",
    sanction_label: str = "",
    decision_number: str = "",
) -> ReportOutcome:
    """Store (or replace) the outcome of `report` and note it on its public timeline once per change."""
    report = REPORT_LIFECYCLE.lock(report)
    previous = ReportOutcome.objects.filter(report=report).first()
    before = (
        (previous.proven, previous.sanction_type, previous.decided_at, previous.decision_number) if previous else None
    )
    outcome = report_record_outcome(
        report=report,
        proven=proven,
        decided_at=decided_at,
        sanction_type=sanction_type,
        sanction_label=sanction_label,
        decision_number=decision_number,
    )
    if before != (outcome.proven, outcome.sanction_type, outcome.decided_at, outcome.decision_number):
        timeline_append(report, NOTE_OUTCOME)
    return outcome


@transaction.atomic
def report_close(*, report: Report, actor: Actor | None, case_number: str) -> Report:
    """The case over `report` is closed: the report becomes `closed` (idempotent; public timeline note)."""
    report = REPORT_LIFECYCLE.lock(report)
    if report.status == Report.Status.CLOSED:
        return report
    return report_transition(
        report,
        to=Report.Status.CLOSED,
        actor=actor,
        action=REPORT_CLOSED,
        note=NOTE_CLOSED,
        data={"case": case_number},
    )
