"""The audit actions of intake and triage: recorded on the report (and on a Bawaslu office for its account)."""

from django.utils.translation import pgettext_lazy

from core.audit_registry import declare
from violations.models import Report

_REPORT = "violations.report"
_OFFICE = "accounts.bawasluoffice"
_STATUS = Report.Status

REPORT_RECEIVED = declare(
    "report_received", pgettext_lazy("audit action", "Report received"), target=_REPORT, statuses=_STATUS
)
REPORT_REVIEW_STARTED = declare(
    "report_review_started", pgettext_lazy("audit action", "Report review started"), target=_REPORT, statuses=_STATUS
)
REPORT_INFORMATION_REQUESTED = declare(
    "report_information_requested",
    pgettext_lazy("audit action", "Information requested from the reporter"),
    target=_REPORT,
    statuses=_STATUS,
)
REPORT_INFORMATION_RECEIVED = declare(
    "report_information_received",
    pgettext_lazy("audit action", "Information received from the reporter"),
    target=_REPORT,
    statuses=_STATUS,
)
REPORT_INFORMATION_ADDED = declare(
    "report_information_added",
    pgettext_lazy("audit action", "Reporter added information"),
    target=_REPORT,
    statuses=_STATUS,
)
REPORT_REJECTED = declare(
    "report_rejected", pgettext_lazy("audit action", "Report rejected"), target=_REPORT, statuses=_STATUS
)
REPORT_MERGED = declare(
    "report_merged", pgettext_lazy("audit action", "Report marked as a duplicate"), target=_REPORT, statuses=_STATUS
)
REPORT_CASE_REGISTERED = declare(
    "report_case_registered",
    pgettext_lazy("audit action", "Case registered from the report"),
    target=_REPORT,
    statuses=_STATUS,
)
REPORT_DECIDED = declare(
    "report_decided", pgettext_lazy("audit action", "Report decided"), target=_REPORT, statuses=_STATUS
)
REPORT_CLOSED = declare(
    "report_closed", pgettext_lazy("audit action", "Report closed"), target=_REPORT, statuses=_STATUS
)
REPORT_ACCUSED_IDENTIFIED = declare(
    "report_accused_identified",
    pgettext_lazy("audit action", "Accused identified in the register"),
    target=_REPORT,
    statuses=_STATUS,
)
REPORTER_IDENTITY_VIEWED = declare(
    "reporter_identity_viewed", pgettext_lazy("audit action", "Reporter's identity viewed"), target=_REPORT
)
EVIDENCE_DOWNLOADED = declare(
    "evidence_downloaded", pgettext_lazy("audit action", "Report evidence downloaded"), target=_REPORT
)
BAWASLU_OFFICE_CREATED = declare(
    "bawaslu_office_created", pgettext_lazy("audit action", "Bawaslu office account created"), target=_OFFICE
)
BAWASLU_TOKEN_ROTATED = declare(
    "bawaslu_token_rotated", pgettext_lazy("audit action", "Bawaslu office API token replaced"), target=_OFFICE
)
BKN_ACCOUNT_CREATED = declare(
    "bkn_account_created", pgettext_lazy("audit action", "BKN account created"), target="accounts.user"
)
ELECTION_CREATED = declare(
    "election_created", pgettext_lazy("audit action", "Election created"), target="violations.election"
)
REPORTER_STATUS_EMAILED = declare(
    "reporter_status_emailed", pgettext_lazy("audit action", "Reporter told of the status by e-mail"), target=_REPORT
)
