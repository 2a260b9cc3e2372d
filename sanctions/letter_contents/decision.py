"""What the decision letter (Keputusan) and the sanksi moral statement say: their content snapshots.

What a letter says is taken from the decision, the case and the catalogue data (sanction names, durations,
allowance cut, regulations and articles) when it is requested; the template reads nothing else. One template family
serves every sanction type, both tracks and the dismissal (not proven).
"""

import datetime
from typing import Any

from casework.letter_snapshots import case_context, legal_basis
from casework.models import Letter
from core.calendar import deadline_rule_get
from core.deadline_catalogue import DeadlineCode
from sanctions.letter_contents.citations import (
    DISCIPLINE_STATUTES,
    employee_label,
    is_pppk,
    is_statutory,
    norms,
    statutes,
)
from sanctions.models import Decision, SanctionType
from violations.models import SanctionLevel

__all__ = ["DISCIPLINE_STATUTES", "decision_letter_context", "decision_summary", "number_words", "signatory"]

# Working days of the effect (D10) and the objection and appeal windows (D11, D13) as the decision states them when
# the deadline catalogue cannot be read (the catalogue holds the rules themselves).
EFFECTIVE_WORKING_DAYS = 15
OBJECTION_WORKING_DAYS = 14
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


def _deadline_count(code: str, default: int) -> int:
    try:
        count = deadline_rule_get(code).count
    except Exception:  # a letter never fails for want of the deadline catalogue
        return default
    return int(count) if count else default


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
    name = decision.case.accused.name if decision.case.accused else decision.case.accused_name
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
    if decision.outcome == Decision.Outcome.DISMISSAL:
        keys = ["dismissal", "effective_now", "delivery"]
    elif is_statutory(decision.sanction_type):
        keys = ["statutory_dismissal", "rights", "effective", "objection", "delivery"]
    elif decision.track == Decision.Track.ETHICS:
        keys = ["sanction", "moral_statement", "effective_now", "delivery"]
    else:
        keys = ["sanction", "effective", "objection", "delivery"]
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


def signatory(decision: Decision) -> dict[str, str]:
    official = decision.signed_by or decision.competent_official
    if official is None:
        return {"name": "", "nip": "", "position": decision.competent_official_title}
    return {
        "name": official.get_full_name() or official.get_username(),
        "nip": official.nip,
        "position": decision.competent_official_title or official.position_title,
    }


def decision_letter_context(decision: Decision) -> dict[str, Any]:
    """The snapshot of a Keputusan (letter kind `decision`); the number comes from the register at request time."""
    violation_types = sorted(decision.violation_types.all(), key=lambda violation: violation.code)
    previous = decision.previous
    sanction = decision.sanction_type
    title = decision.competent_official_title
    appeal = bool(sanction and sanction.remedy == SanctionType.Remedy.APPEAL)
    window = DeadlineCode.APPEAL_WINDOW if appeal else DeadlineCode.OBJECTION_WINDOW
    context = case_context(
        decision.case,
        decision_id=decision.pk,
        track=decision.track,
        outcome=decision.outcome,
        official_title=title,
        employee={"pppk": is_pppk(decision), "label": employee_label(decision)},
        subject=decision_subject(decision),
        subject_sentence=decision_subject(decision),
        sanction=sanction_context(sanction),
        new_position=decision.new_position,
        dismissal_date=decision.dismissal_date,
        open_statement=bool(sanction and sanction.code in OPEN_STATEMENT_CODES),
        considerations=[line.strip().rstrip(";.") for line in decision.considerations.splitlines() if line.strip()],
        statutes=statutes(decision, violation_types),
        norms=norms(decision, violation_types),
        references=list(decision.references),
        examination_report=_examination_report(decision),
        parts=_parts(decision),
        appeal=appeal,
        effective_working_days=_deadline_count(DeadlineCode.EFFECTIVE, EFFECTIVE_WORKING_DAYS),
        objection_working_days=_deadline_count(window, OBJECTION_WORKING_DAYS),
        copies=list(decision.copies),
        signatory=signatory(decision),
        decision_date=decision.decision_date,
        version_number=decision.version_number,
        replaces={
            "number": previous.number,
            "date": previous.decision_date.isoformat() if previous.decision_date else "",
        }
        if previous is not None
        else None,
        correction_reason=decision.correction_reason if previous is not None else "",
    )
    if violation_types:
        context["legal_basis"] = legal_basis(violation_types)
    context["effective_working_days_words"] = number_words(context["effective_working_days"])
    context["objection_working_days_words"] = number_words(context["objection_working_days"])
    if decision.decision_date is not None:
        context["letter_date"] = decision.decision_date.isoformat()
    return context


def moral_statement_context(decision: Decision) -> dict[str, Any]:
    """The sanksi moral statement (PP 42/2004 Pasal 15): closed (M1) or open (M2), read by the official."""
    context = decision_letter_context(decision)
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
