"""The audit actions of figures: exports and summary reports, each recorded on its own row."""

from django.utils.translation import pgettext_lazy

from core.audit_registry import declare

_EXPORT = "figures.exportjob"
_REPORT = "figures.summaryreport"

EXPORT_REQUESTED = declare(
    "figures_export_requested", pgettext_lazy("audit action", "Export of figures requested"), target=_EXPORT
)
EXPORT_DOWNLOADED = declare(
    "figures_export_downloaded", pgettext_lazy("audit action", "Export of figures downloaded"), target=_EXPORT
)
EXPORT_EXPIRED = declare(
    "figures_export_expired", pgettext_lazy("audit action", "Export file deleted after its retention"), target=_EXPORT
)
SUMMARY_REPORT_REQUESTED = declare(
    "summary_report_requested", pgettext_lazy("audit action", "Summary report requested"), target=_REPORT
)
SUMMARY_REPORT_ISSUED = declare(
    "summary_report_issued", pgettext_lazy("audit action", "Summary report issued"), target=_REPORT
)
SUMMARY_REPORT_DOWNLOADED = declare(
    "summary_report_downloaded", pgettext_lazy("audit action", "Summary report downloaded"), target=_REPORT
)
