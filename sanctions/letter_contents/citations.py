"""The law a decision letter rests on, by the accused's employee type and the sanction's track: the regulations under
Mengingat, and how the letter names the employee. The provisions breached are casework's one builder
(casework.letter_snapshots.norms), the titles and their statutory order casework's too (…statutes).

A PPPK is never called a "Pegawai Negeri Sipil": the letter says "Pegawai Pemerintah dengan Perjanjian Kerja" and
rests on PP 49/2018, which applies the provisions of PP 94/2021 and PP 42/2004 (cited by number in the sanction's
catalogue row, `applied_provisions`). A statutory dismissal (PTDH) rests on the ASN law in force, not on PP 94/2021.
"""

from collections.abc import Iterable

from accounts.models import CivilServant
from casework.letter_snapshots import EMPLOYEE_TERMS, statutes_in_order
from casework.letter_snapshots.statutes import BKN_DISCIPLINE, PP_DISCIPLINE, PP_ETHICS, PP_PPPK, UU_ASN, statute
from core import clock
from sanctions.models import Decision, SanctionType
from violations.models import ViolationType

PNS_LABEL = "Pegawai Negeri Sipil"
PPPK_LABEL = "Pegawai Pemerintah dengan Perjanjian Kerja"

# The regulation of the track, when no catalogue entry names it (a dismissal has no sanction type); a PPPK's decisions
# rest on PP 49/2018 whatever the track.
TRACK_REGULATIONS: dict[str, str] = {"discipline": PP_DISCIPLINE.full, "ethics": PP_ETHICS.full, "pppk": PP_PPPK.full}


def frozen_accused(decision: Decision) -> dict[str, str] | None:
    """The accused as the decision froze them at drafting (the snapshot's `accused`), or None for a decision drafted
    before decisions kept them (its letters then read the case's register entry)."""
    if not decision.has_frozen_accused:
        return None
    return {
        "name": decision.accused_name,
        "nip": decision.accused_nip,
        "position": decision.accused_position,
        "rank": decision.accused_rank,
        "unit": decision.accused_unit,
        "employee_type": decision.accused_employee_type,
        "employee_term": EMPLOYEE_TERMS.get(decision.accused_employee_type, ""),
    }


def accused_name(decision: Decision) -> str:
    """The accused's name as the decision states it."""
    if decision.has_frozen_accused:
        return decision.accused_name
    case = decision.case
    return case.accused.name if case.accused else case.accused_name


def is_pppk(decision: Decision) -> bool:
    if decision.has_frozen_accused:
        return decision.accused_employee_type == CivilServant.EmployeeType.PPPK
    accused = decision.case.accused
    return accused is not None and accused.employee_type == CivilServant.EmployeeType.PPPK


def employee_label(decision: Decision) -> str:
    return PPPK_LABEL if is_pppk(decision) else PNS_LABEL


def is_statutory(sanction: SanctionType | None) -> bool:
    return sanction is not None and sanction.track == SanctionType.Track.STATUTORY


def _names_a_pns(regulation: str) -> bool:
    found = statute(regulation)
    return PNS_LABEL in (found.full if found is not None else regulation)


def statutes(
    decision: Decision, violation_types: list[ViolationType], *, regional: str = "", also: Iterable[str] = ()
) -> list[str]:
    """Mengingat: the ASN law; the regulation of the track (PP 94/2021 with Peraturan BKN 6/2022, PP 42/2004, or
    PP 49/2018 for a PPPK) and those the catalogue rows name; for a discipline decision the agency's `regional` rules
    (one per line); `also` (e.g. PP 79/2021 for a decision on an objection); each once, in force on the decision's
    date, in statutory order, in full. A PPPK's decision names no regulation whose title is about PNS (it rests on
    PP 49/2018, which applies them)."""
    sanction = decision.sanction_type
    pppk = is_pppk(decision)
    found = [UU_ASN.full]
    if pppk or not is_statutory(sanction):
        found.append(TRACK_REGULATIONS["pppk" if pppk else decision.track])
    found += [sanction.regulation] if sanction else []
    found += [violation.regulation for violation in violation_types]
    if decision.track == Decision.Track.DISCIPLINE and not pppk and not is_statutory(sanction):
        found.append(BKN_DISCIPLINE.full)
    if decision.track == Decision.Track.DISCIPLINE and not is_statutory(sanction):
        found += [line for line in regional.splitlines() if line.strip()]
    found += list(also)
    if pppk:
        found = [regulation for regulation in found if not _names_a_pns(regulation)]
    return statutes_in_order(found, on=decision.decision_date or clock.today())
