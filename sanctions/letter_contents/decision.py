"""What the decision letter (Keputusan) and the sanksi moral statement say: their content snapshots.

What a letter says is taken from the decision, the case and the catalogue data (sanction names, durations,
allowance cut, regulations and articles) when it is requested; the template reads nothing else. One template family
serves every sanction type, both tracks, both employee types and the dismissal (not proven). The provisions breached,
the regulations' titles and order, the drafter's clauses and the copies come from casework's builders
(casework.letter_snapshots); the heading is the issuing authority's (sanctions.letter_contents.letterheads).
"""

import datetime
from typing import Any

from casework.letter_snapshots import (
    case_context,
    cited,
    clauses,
    expand_references,
    legal_basis,
    letter_copies,
    norms,
    tidy,
)
from casework.models import Letter
from core.calendar import deadline_rule_get
from core.deadline_catalogue import DeadlineCode
from core.models import DeadlineRule
from sanctions.letter_contents.citations import (
    accused_name,
    employee_label,
    frozen_accused,
    is_pppk,
    is_statutory,
    statutes,
)
from sanctions.letter_contents.letterheads import decision_letterhead
from sanctions.models import Decision, SanctionType
from violations.models import SanctionLevel

__all__ = ["decision_letter_context", "decision_summary", "number_words", "signatory"]

# The effect (D10) and the objection and appeal windows (D11, D13) as the decision states them when the deadline
# catalogue cannot be read (the catalogue holds the rules themselves, with their unit).
EFFECTIVE_WORKING_DAYS = 15
OBJECTION_WORKING_DAYS = 14
UNIT_WORDS: dict[str, str] = {
    DeadlineRule.Unit.WORKING_DAYS: "hari kerja",
    DeadlineRule.Unit.CALENDAR_DAYS: "hari",
    DeadlineRule.Unit.MONTHS: "bulan",
}
# The sanksi moral read out in the open (PP 42/2004 Pasal 15 ayat (3) huruf b), for a PNS and for a PPPK.
OPEN_STATEMENT_CODES: frozenset[str] = frozenset({"M2", "PK-M2"})

LEVEL_LABELS: dict[str, str] = {
    SanctionLevel.LIGHT: "ringan",
    SanctionLevel.MODERATE: "sedang",
    SanctionLevel.HEAVY: "berat",
}
ORDINALS: tuple[str, ...] = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN")
_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")


def number_words(value: int) -> str:
    """Indonesian words for 0–99 (durations and working days on letters): 12 → "dua belas", 15 → "lima belas"."""
    if value < 12:
        return _UNITS[value]
    if value < 20:
        return f"{_UNITS[value - 10]} belas"
    tens, units = divmod(value, 10)
    words = f"{_UNITS[tens]} puluh"
    return f"{words} {_UNITS[units]}" if units else words


def _deadline(code: str, default: int) -> tuple[int, str]:
    """The count and the unit (in the letter's words) of a deadline rule, as its data says."""
    try:
        rule = deadline_rule_get(code)
    except Exception:  # a letter never fails for want of the deadline catalogue
        return default, UNIT_WORDS[DeadlineRule.Unit.WORKING_DAYS]
    return (int(rule.count) if rule.count else default), UNIT_WORDS.get(rule.unit, "hari kerja")


def sanction_basis(sanction: SanctionType) -> str:
    """Where the sanction is laid down, as the letter cites it: its article and regulation in full and, for a PPPK's
    row, "juncto" the provisions PP 49/2018 applies (by number: their titles name PNS)."""
    regulation = cited(sanction.regulation)
    basis = f"{sanction.article} {regulation}" if sanction.article else regulation
    if sanction.applied_provisions:
        basis = f"{basis} juncto {expand_references(sanction.applied_provisions)}"
    return basis


def sanction_context(sanction: SanctionType | None) -> dict[str, Any] | None:
    """The sanction as letters print it (never its code, which the snapshot keeps for the record)."""
    if sanction is None:
        return None
    return {
        "code": sanction.code,
        "name": sanction.name,
        "name_en": sanction.name_en,
        "track": sanction.track,
        "level": sanction.level,
        "level_label": LEVEL_LABELS.get(sanction.level, ""),
        "duration_months": sanction.duration_months,
        "duration_words": number_words(sanction.duration_months) if sanction.duration_months else "",
        "is_permanent": sanction.is_permanent,
        "allowance_cut_percent": sanction.allowance_cut_percent,
        "allowance_cut_words": number_words(sanction.allowance_cut_percent) if sanction.allowance_cut_percent else "",
        "regulation": sanction.regulation,
        "article": sanction.article,
        "applied_provisions": sanction.applied_provisions,
        "basis": sanction_basis(sanction),
        "statutory": is_statutory(sanction),
        "position_effect": sanction.position_effect,
        "operative_wording": sanction.operative_wording,
        "rights_clause": sanction.rights_clause,
        "appeal": sanction.remedy == SanctionType.Remedy.APPEAL,
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def decision_subject(decision: Decision) -> str:
    """TENTANG: what the decision is about, in the words of the letter."""
    employee = employee_label(decision)
    name = accused_name(decision)
    sanction = decision.sanction_type
    if decision.outcome == Decision.Outcome.SANCTION and sanction is not None and is_statutory(sanction):
        wording = _lower_first(sanction.name)
        return f"{wording} atas nama {name}" if employee in sanction.name else f"{wording} {employee} atas nama {name}"
    if decision.outcome == Decision.Outcome.DISMISSAL:
        matter = "kode etik" if decision.track == Decision.Track.ETHICS else "disiplin"
        return f"penghentian pemeriksaan atas dugaan pelanggaran {matter} {employee} atas nama {name}"
    if decision.track == Decision.Track.ETHICS:
        return f"penjatuhan sanksi moral kepada {employee} atas nama {name}"
    level = LEVEL_LABELS.get(sanction.level, "") if sanction else ""
    level_text = f" tingkat {level}" if level else ""
    return f"penjatuhan hukuman disiplin{level_text} kepada {employee} atas nama {name}"


def _parts(decision: Decision) -> list[dict[str, str]]:
    # A version an objection or appeal made is in effect from that ruling's date (set when it is made, before its
    # letter): it says so instead of the D10 clause, and opens no second remedy against the same sanction.
    effect = ["effective_on_ruling"] if decision.effective_on else ["effective", "objection"]
    if decision.outcome == Decision.Outcome.DISMISSAL:
        keys = ["dismissal", "effective_now", "delivery"]
    elif is_statutory(decision.sanction_type):
        keys = ["statutory_dismissal", "rights", *effect, "delivery"]
    elif decision.track == Decision.Track.ETHICS:
        keys = ["sanction", "moral_statement", "effective_now", "delivery"]
    else:
        keys = ["sanction", *effect, "delivery"]
    return [{"key": key, "label": ORDINALS[index]} for index, key in enumerate(keys)]


def _examination_report(decision: Decision) -> dict[str, str] | None:
    letter = (
        Letter.objects.filter(case=decision.case, kind="examination_report", superseded_by__isnull=True)
        .order_by("-requested_at", "-id")
        .first()
    )
    if letter is None:
        return None
    return {"number": letter.number, "date": letter.context.get("letter_date", "")}


def documents_once(references: list[dict[str, Any]], report: dict[str, str] | None) -> list[dict[str, Any]]:
    """Memperhatikan: each document once (a Bawaslu letter forwarding two reports, the LHP typed by the drafter while
    the letter cites the LHP itself), labels and numbers without a final mark."""
    kept: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for reference in references:
        label = tidy(str(reference.get("label", ""))).rstrip(" .;,")
        number = tidy(str(reference.get("number", ""))).rstrip(" .;,")
        is_report = label.lower().startswith("laporan hasil pemeriksaan") or bool(report and number == report["number"])
        key = (number.lower(), "") if number else (label.lower(), str(reference.get("date", "")))
        if (report and is_report) or key in seen:
            continue
        seen.add(key)
        kept.append({**reference, "label": label, "number": number})
    return kept


def signatory(decision: Decision) -> dict[str, str]:
    official = decision.signed_by or decision.competent_official
    if official is None:
        return {"name": "", "nip": "", "position": decision.competent_official_title}
    return {
        "name": official.get_full_name() or official.get_username(),
        "nip": official.nip,
        "position": decision.competent_official_title or official.position_title,
    }


def _remedies(decision: Decision, sanction: SanctionType | None) -> dict[str, Any]:
    appeal = bool(sanction and sanction.remedy == SanctionType.Remedy.APPEAL)
    effective, effective_unit = _deadline(DeadlineCode.EFFECTIVE, EFFECTIVE_WORKING_DAYS)
    window = DeadlineCode.APPEAL_WINDOW if appeal else DeadlineCode.OBJECTION_WINDOW
    objection, objection_unit = _deadline(window, OBJECTION_WORKING_DAYS)
    return {
        "appeal": appeal,
        "effective_working_days": effective,
        "effective_working_days_words": number_words(effective),
        "effective_unit": effective_unit,
        "objection_working_days": objection,
        "objection_working_days_words": number_words(objection),
        "objection_unit": objection_unit,
    }


def _version(decision: Decision) -> dict[str, Any]:
    previous = decision.previous
    if previous is None:
        return {"version_number": decision.version_number, "replaces": None, "correction_reason": ""}
    replaced = {"number": previous.number, "date": _iso(previous.decision_date)}
    reason = decision.correction_reason
    return {"version_number": decision.version_number, "replaces": replaced, "correction_reason": reason}


def _contents(decision: Decision, kind: str) -> dict[str, Any]:
    """What the decision says beyond the case: the law, the clauses, the parts, who signs it and who gets a copy."""
    violation_types = sorted(decision.violation_types.select_related("repeat_kind"), key=lambda row: row.code)
    agency = decision.case.agency
    report = _examination_report(decision)
    track = decision.letters_track
    frozen = frozen_accused(decision)
    return {
        **({"accused": frozen} if frozen else {}),
        "decision_id": decision.pk,
        "track": decision.track,
        "outcome": decision.outcome,
        "official_title": decision.competent_official_title,
        "employee": {"pppk": is_pppk(decision), "label": employee_label(decision)},
        "subject": decision_subject(decision),
        "subject_sentence": decision_subject(decision),
        "sanction": sanction_context(decision.sanction_type),
        "new_position": decision.new_position,
        "dismissal_date": decision.dismissal_date,
        "open_statement": bool(decision.sanction_type and decision.sanction_type.code in OPEN_STATEMENT_CODES),
        "considerations": clauses(decision.considerations),
        "statutes": statutes(decision, violation_types, regional=agency.regional_statutes),
        "norms": norms(violation_types, track=track, pppk=is_pppk(decision)),
        "references": documents_once(list(decision.references), report),
        "examination_report": report,
        "parts": _parts(decision),
        # The decree lists the copies its drafter settled (from the table by default); the moral statement the table's.
        "copies": list(decision.copies)
        if kind == "decision" and decision.copies
        else letter_copies(agency, kind, track=track),
        "signatory": signatory(decision),
        "letterhead": decision_letterhead(decision),
        "decision_date": decision.decision_date,
        "effective_on": decision.effective_on,
        **_remedies(decision, decision.sanction_type),
        **_version(decision),
        **({"legal_basis": legal_basis(violation_types)} if violation_types else {}),
    }


def decision_letter_context(decision: Decision, *, kind: str = "decision") -> dict[str, Any]:
    """The snapshot of a Keputusan (letter kind `decision`); the number comes from the register at request time.
    Dated the day set for the decision (`decision_date`), never the day it is rendered."""
    context = case_context(decision.case, **_contents(decision, kind))
    if decision.decision_date is not None:
        context["letter_date"] = decision.decision_date.isoformat()
    return context


def moral_statement_context(decision: Decision) -> dict[str, Any]:
    """The sanksi moral statement (PP 42/2004 Pasal 15): closed (M1) or open (M2), read by the official."""
    context = decision_letter_context(decision, kind="moral_statement")
    context["decision_number"] = decision.number
    return context


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day is not None else ""


def decision_summary(decision: Decision) -> dict[str, Any]:
    """The decision as later letters cite it (the objection letters, the reply to Bawaslu)."""
    return {
        "id": decision.pk,
        "number": decision.number,
        "date": _iso(decision.decision_date),
        "received_on": _iso(decision.received_on),
        "effective_on": _iso(decision.effective_on),
        "track": decision.track,
        "outcome": decision.outcome,
        "proven": decision.outcome == Decision.Outcome.SANCTION,
        "sanction": sanction_context(decision.sanction_type),
        "official_title": decision.competent_official_title,
        "version_number": decision.version_number,
    }
