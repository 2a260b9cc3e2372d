"""What was decided and what came of it: the sanction catalogue (PP 94/2021 Pasal 8, PP 42/2004, UU ASN), who may
decide (authority rules, the staffing authority, conflicts), decisions and their versions, objections and appeals,
the execution of the sanction, and the sanctions entered from the civil servant's record. Each stateful entity's
lifecycle (core.lifecycle) is declared beside its model."""

from sanctions.models.catalogue import AuthorityRule, SanctionType
from sanctions.models.decisions import (
    CORRECTABLE_STATUSES,
    DEAD_DECISION_STATUSES,
    DECISION_ACCUSED_FIELDS,
    DECISION_LIFECYCLE,
    DECISION_TRANSITIONS,
    EXECUTION_LIFECYCLE,
    EXECUTION_TRANSITIONS,
    PENDING_DECISION_STATUSES,
    Decision,
    DecisionRecusal,
    ExecutionRecord,
    decision_event_data,
)
from sanctions.models.objections import OBJECTION_LIFECYCLE, OBJECTION_TRANSITIONS, Objection, RemedyRule
from sanctions.models.officials import ConflictOfInterest, StaffingAuthority
from sanctions.models.prior_sanctions import PriorSanction

__all__ = [
    "CORRECTABLE_STATUSES",
    "DEAD_DECISION_STATUSES",
    "DECISION_ACCUSED_FIELDS",
    "DECISION_LIFECYCLE",
    "DECISION_TRANSITIONS",
    "EXECUTION_LIFECYCLE",
    "EXECUTION_TRANSITIONS",
    "OBJECTION_LIFECYCLE",
    "OBJECTION_TRANSITIONS",
    "PENDING_DECISION_STATUSES",
    "AuthorityRule",
    "ConflictOfInterest",
    "Decision",
    "DecisionRecusal",
    "ExecutionRecord",
    "Objection",
    "PriorSanction",
    "RemedyRule",
    "SanctionType",
    "StaffingAuthority",
    "decision_event_data",
]
