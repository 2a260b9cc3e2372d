"""Reads that leave a trace: a reporter's identity shown to an officer, a report's evidence file downloaded.

The selectors only read; the views call these services, which write the audit event of the access.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core.audit import audit_record
from core.errors import PermissionDenied
from violations.audit_actions import EVIDENCE_DOWNLOADED, REPORTER_IDENTITY_VIEWED
from violations.models import Evidence, Report, Reporter
from violations.permissions import can_triage
from violations.selectors import reporter_identity_for_user

# What identifies a reporter: an anonymous report without any of these has no identity to see.
IDENTITY_FIELDS = ("name", "email", "phone", "address", "id_number")


def reveals_identity(reporter: Reporter) -> bool:
    return any(getattr(reporter, field) for field in IDENTITY_FIELDS)


@transaction.atomic
def report_identity_view(*, actor: Actor, report: Report) -> Reporter | None:
    """The confidential reporter of `report` as shown to `actor`, each showing of an identity written to the audit
    trail (an anonymous reporter who gave nothing shows none, and nothing is written); None, and nothing written,
    for whoever may not see it."""
    reporter = reporter_identity_for_user(user=actor, report=report)
    if reporter is not None and reveals_identity(reporter):
        audit_record(actor=actor, action=REPORTER_IDENTITY_VIEWED, target=report)
    return reporter


@transaction.atomic
def report_evidence_download_record(*, actor: Actor, report: Report, evidence: Evidence) -> None:
    """Write to the audit trail that `actor` downloads `evidence` of `report` (the file is served after this).

    PermissionDenied, and nothing written, when the actor may not triage the report or the file is not its own.
    """
    if not can_triage(actor, report) or evidence.report_id != report.pk:
        raise PermissionDenied("evidence_not_yours", _("This evidence file is not one of your reports' files."))
    audit_record(
        actor=actor,
        action=EVIDENCE_DOWNLOADED,
        target=report,
        data={"evidence": evidence.pk, "sha256": evidence.sha256},
    )
