"""The models of casework: a case and its lifecycle (cases), its examination procedure (examination), its evidence
(evidence), its official letters with the registry of letter kinds (letters) and who signs them (signatories).
Import them from here."""

from casework.models.cases import (
    ACCUSED_IDENTIFIABLE_STATUSES,
    CASE_LIFECYCLE,
    CASE_TRANSITIONS,
    OPEN_STATUSES,
    Case,
    CaseNumberSequence,
    CaseReport,
    CaseTrack,
    ProbableLevel,
    case_transition_refused,
)
from casework.models.evidence import CaseEvidence, _case_evidence_path
from casework.models.examination import (
    Examination,
    ExaminationReport,
    ExaminationTeam,
    ExaminationTeamMember,
    SetAside,
    Summons,
    current_examination,
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
from casework.models.signatories import SignatoryRole, SignatorySnapshot, TeamDecreeSignatory

__all__ = [
    "ACCUSED_IDENTIFIABLE_STATUSES",
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
    "SetAside",
    "SignatoryRole",
    "SignatorySnapshot",
    "Summons",
    "TeamDecreeSignatory",
    "_case_evidence_path",  # migration 0002 refers to it here
    "case_transition_refused",
    "current_examination",
    "letter_kind_get",
    "letter_pdf_name",
    "register_letter_kind",
]
