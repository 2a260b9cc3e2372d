"""The models of casework: a case and its lifecycle (cases), its examination procedure (examination), its evidence
(evidence) and its official letters with the registry of letter kinds (letters). Import them from here."""

from casework.models.cases import (
    CASE_LIFECYCLE,
    CASE_TRANSITIONS,
    OPEN_STATUSES,
    Case,
    CaseNumberSequence,
    CaseReport,
    CaseTrack,
    ProbableLevel,
)
from casework.models.evidence import CaseEvidence, _case_evidence_path
from casework.models.examination import (
    Examination,
    ExaminationReport,
    ExaminationTeam,
    ExaminationTeamMember,
    Summons,
)
from casework.models.letters import (
    LETTER_KINDS,
    LETTER_LIFECYCLE,
    LETTER_TRANSITIONS,
    Letter,
    LetterKind,
    LetterNumberSequence,
    letter_kind_get,
    letter_pdf_name,
    register_letter_kind,
)

__all__ = [
    "CASE_LIFECYCLE",
    "CASE_TRANSITIONS",
    "LETTER_KINDS",
    "LETTER_LIFECYCLE",
    "LETTER_TRANSITIONS",
    "OPEN_STATUSES",
    "Case",
    "CaseEvidence",
    "CaseNumberSequence",
    "CaseReport",
    "CaseTrack",
    "Examination",
    "ExaminationReport",
    "ExaminationTeam",
    "ExaminationTeamMember",
    "Letter",
    "LetterKind",
    "LetterNumberSequence",
    "ProbableLevel",
    "Summons",
    "_case_evidence_path",  # migration 0002 refers to it here
    "letter_kind_get",
    "letter_pdf_name",
    "register_letter_kind",
]
