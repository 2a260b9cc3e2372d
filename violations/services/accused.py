"""Identifying a report's accused in the civil-servant register (an intake officer's move during triage).

What the reporter wrote stays as written; the link is the register entry the officer chose. Once the report is in a
case, the accused is identified on the case (casework.services.case_identify_accused).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.accused_links import accused_link_data, clean_accused_change
from accounts.actors import Actor
from accounts.models import CivilServant
from core.errors import PermissionDenied, TransitionNotAllowed
from violations.audit_actions import REPORT_ACCUSED_IDENTIFIED
from violations.models import REPORT_LIFECYCLE, Report
from violations.permissions import can_triage

# A report being triaged: later, the case (or the report it duplicates) carries the accused.
IDENTIFIABLE_STATUSES = frozenset({Report.Status.RECEIVED, Report.Status.IN_REVIEW, Report.Status.AWAITING_INFORMATION})


@transaction.atomic
def report_identify_accused(*, report: Report, actor: Actor, civil_servant: CivilServant, reason: str = "") -> Report:
    """Link the report's accused to `civil_servant` of the report's agency; replacing a linked entry needs a reason.

    Refused once the report left triage (nothing written). Linking the entry already linked changes nothing.
    One audit event on the report."""
    report = REPORT_LIFECYCLE.lock(report)
    if not can_triage(actor, report):
        raise PermissionDenied("report_not_permitted", _("You may not act on this report."))
    if report.accused_id == civil_servant.pk:
        return report
    if report.status not in IDENTIFIABLE_STATUSES:
        raise TransitionNotAllowed(
            "report_accused_fixed",
            _("The accused of a report in status “%(status)s” is identified on its case, not on the report.")
            % {"status": report.get_status_display()},
        )
    current = report.accused
    reason = clean_accused_change(current=current, servant=civil_servant, agency_id=report.agency_id, reason=reason)
    report.accused = civil_servant
    REPORT_LIFECYCLE.record(
        report,
        actor=actor,
        action=REPORT_ACCUSED_IDENTIFIED,
        reason=reason,
        data=accused_link_data(current, civil_servant),
        fields=("accused",),
    )
    return report
