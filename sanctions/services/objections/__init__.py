"""Objections (keberatan) and appeals (banding administratif) against a delivered decision (PP 79/2021,
docs/legal-basis.md §5.4). Which remedy a decision opens is its sanction's catalogue row (`SanctionType.remedy`: an
appeal against a dismissal — B3, PTDH, a PPPK's termination); who decides it, the deadline rules and what a late
filing gets are the remedy rule's data (RemedyRule; sanctions.competent_official.route_objection):

- `remedy`: the kind, the window (D11 objection, D13 appeal, from the recorded receipt) and how an objection's
  events are recorded (on its decision, whose version goes up);
- `filing`: `objection_file` records either. A late objection is inadmissible with its statement (signed in the name
  of the official who decides it); a late appeal is recorded with a warning, never refused (the BPASN rules on it).
  One in time (and any appeal) makes a delivered decision wait (`objected`): it does not take effect meanwhile.
- `deciding`: `objection_decide`, the official the rule names (the PPK for the PPK's decisions, the superior of the
  official who decided otherwise) decides and signs the Keputusan on it; an appeal is decided by the BPASN
  (sanctions.services.appeals records the PPK's response and the BPASN's ruling);
- `outcomes`: what an outcome does to the decision (upheld: it takes effect; changed: a new version through
  sanctions.services.versions; annulled: it is annulled), the same for an objection and an appeal.

The due date (D12 decided, D14 the PPK's response) is not stored: `Objection.due_on` computes it from the calendar
when read, so a day off added since moves it.
"""

from sanctions.services.objections.deciding import objection_decide
from sanctions.services.objections.filing import objection_file
from sanctions.services.objections.remedy import objection_kind, objection_window_ends, window_rule

__all__ = ["objection_decide", "objection_file", "objection_kind", "objection_window_ends", "window_rule"]
