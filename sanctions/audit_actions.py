"""The audit actions of deciding and of what follows a decision: recorded on the decision's case.

Every event carries the decision's statuses (`Decision.Status`) and its id in `data["decision"]`, so the case
timeline tells the whole story from report to served sanction. (Conflicts of interest and staffing authorities are
recorded on their own rows, prior sanctions on the civil servant's register entry.)
"""

from django.utils.translation import pgettext_lazy

from core.audit_registry import declare
from sanctions.models import Decision

_CASE = "casework.case"
_STATUS = Decision.Status

# --- deciding ---------------------------------------------------------------------------------------------------------
DECISION_DRAFTED = declare(
    "decision_drafted", pgettext_lazy("audit action", "Decision drafted"), target=_CASE, statuses=_STATUS
)
DECISION_DRAFT_UPDATED = declare(
    "decision_draft_updated", pgettext_lazy("audit action", "Decision draft updated"), target=_CASE, statuses=_STATUS
)
DECISION_CANCELLED = declare(
    "decision_cancelled", pgettext_lazy("audit action", "Decision draft cancelled"), target=_CASE, statuses=_STATUS
)
DECISION_SUBMITTED = declare(
    "decision_submitted", pgettext_lazy("audit action", "Decision submitted for review"), target=_CASE, statuses=_STATUS
)
DECISION_APPROVED = declare(
    "decision_approved",
    pgettext_lazy("audit action", "Decision approved and sent for signature"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_RETURNED = declare(
    "decision_returned",
    pgettext_lazy("audit action", "Decision returned to the drafter"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_RETURNED_BY_OFFICIAL = declare(
    "decision_returned_by_official",
    pgettext_lazy("audit action", "Decision returned by the sanctioning official"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_OFFICIAL_RECUSED = declare(
    "decision_official_recused",
    pgettext_lazy("audit action", "Sanctioning official recused"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_REROUTED = declare(
    "decision_rerouted",
    pgettext_lazy("audit action", "Decision rerouted to another official"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_SIGNED = declare(
    "decision_signed", pgettext_lazy("audit action", "Decision signed"), target=_CASE, statuses=_STATUS
)
DECISION_CORRECTED = declare(
    "decision_corrected",
    pgettext_lazy("audit action", "Corrected version of the decision signed"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_VERSION_ISSUED = declare(
    "decision_version_issued",
    pgettext_lazy("audit action", "New version of the decision issued on objection"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_VERSION_ON_APPEAL = declare(
    "decision_version_on_appeal",
    pgettext_lazy("audit action", "New version of the decision issued on the BPASN's ruling"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_SUPERSEDED = declare(
    "decision_superseded",
    pgettext_lazy("audit action", "Decision replaced by a new version"),
    target=_CASE,
    statuses=_STATUS,
)
CONFLICT_OF_INTEREST_RECORDED = declare(
    "conflict_of_interest_recorded",
    pgettext_lazy("audit action", "Conflict of interest recorded"),
    target="sanctions.conflictofinterest",
)
PRIOR_SANCTION_RECORDED = declare(
    "prior_sanction_recorded",
    pgettext_lazy("audit action", "Prior sanction entered from the civil servant's record"),
    target="accounts.civilservant",
)
PRIOR_SANCTION_WITHDRAWN = declare(
    "prior_sanction_withdrawn",
    pgettext_lazy("audit action", "Prior sanction entry withdrawn"),
    target="accounts.civilservant",
)
STAFFING_AUTHORITY_APPOINTED = declare(
    "staffing_authority_appointed",
    pgettext_lazy("audit action", "Staffing authority appointed"),
    target="sanctions.staffingauthority",
)

# --- delivery and effect ----------------------------------------------------------------------------------------------
DECISION_DELIVERED = declare(
    "decision_delivered", pgettext_lazy("audit action", "Decision delivered"), target=_CASE, statuses=_STATUS
)
DECISION_SENT = declare(
    "decision_sent",
    pgettext_lazy("audit action", "Decision sent to the address (absent at delivery)"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_RECEIPT_RECORDED = declare(
    "decision_receipt_recorded",
    pgettext_lazy("audit action", "Receipt of the sent decision recorded from the delivery proof"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_EFFECTIVE = declare(
    "decision_effective", pgettext_lazy("audit action", "Decision took effect"), target=_CASE, statuses=_STATUS
)

# --- objections and appeals -------------------------------------------------------------------------------------------
DECISION_OBJECTED = declare(
    "decision_objected",
    pgettext_lazy("audit action", "Objection filed: the decision waits for it"),
    target=_CASE,
    statuses=_STATUS,
)
OBJECTION_INADMISSIBLE = declare(
    "objection_inadmissible",
    pgettext_lazy("audit action", "Objection filed too late: inadmissible"),
    target=_CASE,
    statuses=_STATUS,
)
OBJECTION_DECIDED = declare(
    "objection_decided", pgettext_lazy("audit action", "Objection decided"), target=_CASE, statuses=_STATUS
)
DECISION_APPEALED = declare(
    "decision_appealed",
    pgettext_lazy("audit action", "Appeal to the BPASN recorded: the dismissal waits for its ruling"),
    target=_CASE,
    statuses=_STATUS,
)
APPEAL_RESPONDED = declare(
    "appeal_responded",
    pgettext_lazy("audit action", "The PPK's response to the appeal sent to the BPASN"),
    target=_CASE,
    statuses=_STATUS,
)
APPEAL_RULING_RECORDED = declare(
    "appeal_ruling_recorded",
    pgettext_lazy("audit action", "The BPASN's ruling on the appeal recorded"),
    target=_CASE,
    statuses=_STATUS,
)
APPEAL_RULING_DOWNLOADED = declare(
    "appeal_ruling_downloaded",
    pgettext_lazy("audit action", "The BPASN's ruling downloaded"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_ANNULLED = declare(
    "decision_annulled", pgettext_lazy("audit action", "Decision annulled"), target=_CASE, statuses=_STATUS
)

# --- execution --------------------------------------------------------------------------------------------------------
EXECUTION_RECORDED = declare(
    "execution_recorded",
    pgettext_lazy("audit action", "Execution of the sanction recorded"),
    target=_CASE,
    statuses=_STATUS,
)
DECISION_EXECUTED = declare(
    "decision_executed", pgettext_lazy("audit action", "Sanction carried out"), target=_CASE, statuses=_STATUS
)
DECISION_SANCTION_ENDED = declare(
    "decision_sanction_ended", pgettext_lazy("audit action", "Sanction period ended"), target=_CASE, statuses=_STATUS
)
