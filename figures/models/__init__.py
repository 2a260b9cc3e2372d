"""The models of figures: the summary tables kept current from the audit trail (facts), export jobs and the
summary reports (documents). Import them from here."""

from figures.models.documents import ExportJob, SummaryReport, SummaryReportSequence
from figures.models.facts import CaseFact, PublicCell, RefreshState, WorkingDayOrdinal

__all__ = [
    "CaseFact",
    "ExportJob",
    "PublicCell",
    "RefreshState",
    "SummaryReport",
    "SummaryReportSequence",
    "WorkingDayOrdinal",
]
