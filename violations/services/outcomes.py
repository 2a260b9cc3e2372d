"""What a report led to, as the sanctions side records it: the outcome once a decision takes effect, and the close.

Called by sanctions.services inside their transactions. The public timeline gets a note without any detail of the
decision (the outcome fields themselves are shown to the forwarding Bawaslu office only, per shared/API.md).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_noop

from violations.audit_actions import REPORT_CLOSED
from violations.models import Report, ReportOutcome
from violations.services.common import _locked, _timeline, _transition
from violations.services.triage import report_record_outcome

NOTE_OUTCOME = gettext_noop("The decision on the case has taken effect.")
NOTE_CLOSED = gettext_noop("The case is closed: the decision was carried out.")


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
    report = _locked(report)
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
        _timeline(report, report.public_status, NOTE_OUTCOME)
    return outcome


@transaction.atomic
def report_close(*, report: Report, actor: Any, case_number: str) -> Report:
    """The case over `report` is closed: the report becomes `closed` (idempotent; public timeline note)."""
    report = _locked(report)
    if report.status == Report.Status.CLOSED:
        return report
    return _transition(
        report,
        to=Report.Status.CLOSED,
        actor=actor,
        action=REPORT_CLOSED,
        note=NOTE_CLOSED,
        data={"case": case_number},
    )
