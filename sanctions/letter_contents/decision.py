"""What the decision letter (Keputusan) and the sanksi moral statement say: their content snapshots.

What a letter says is taken from the decision, the case and the catalogue data (sanction names, durations,
allowance cut, regulations and articles) when it is requested; the template reads nothing else. One template family
serves every sanction type, both tracks and the dismissal (not proven).
"""

import datetime
from typing import Any

from accounts.models import CivilServant
from casework.letter_snapshots import case_context, legal_basis
from casework.models import Letter
from core.calendar import deadline_rule_get
from core.deadline_catalogue import DeadlineCode
from sanctions.models import Decision, SanctionType
from violations.models import SanctionLevel

# Mengingat: the statute every decision rests on, then the regulations of the sanction and the violations (catalogue
# data), then the implementing regulation of the track.
BASE_STATUTES: tuple[str, ...] = ("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",)
PP94_STATUTE = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
IMPLEMENTING_STATUTES: tuple[str, ...] = (
    "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan Pemerintah "
    "Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
)
# The discipline regulations written out (used by the objection letters in sanctions.letter_contents.objection).
DISCIPLINE_STATUTES: tuple[str, ...] = (PP94_STATUTE, *IMPLEMENTING_STATUTES)
# Used when no catalogue entry names the regulation of the track (a dismissal has no sanction type).
TRACK_REGULATIONS: dict[str, tuple[str, str]] = {
    "discipline": ("94/2021", PP94_STATUTE),
    "ethics": (
        "42/2004",
        "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil",
    ),
}
# Sanctions whose challenge is an appeal (banding) rather than an objection (keberatan).
APPEAL_SANCTIONS: frozenset[str] = frozenset({"B3", "PTDH"})
# Working days of the effect (D10) and the objection window (D11) as the decision states them when the deadline
# catalogue cannot be read (the catalogue holds the rules themselves).
EFFECTIVE_WORKING_DAYS = 15
OBJECTION_WORKING_DAYS = 14

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
    }


def _employee_label(decision: Decision) -> str:
    accused = decision.case.accused
    if accused is not None and accused.employee_type == CivilServant.EmployeeType.PPPK:
        return "Pegawai Pemerintah dengan Perjanjian Kerja"
    return "Pegawai Negeri Sipil"


def decision_subject(decision: Decision) -> str:
    """TENTANG: what the decision is about, in the words of the letter."""
    employee = _employee_label(decision)
    name = decision.case.accused.name if decision.case.accused else decision.case.accused_name
    if decision.outcome == Decision.Outcome.DISMISSAL:
        matter = "kode etik" if decision.track == Decision.Track.ETHICS else "disiplin"
        return f"penghentian pemeriksaan atas dugaan pelanggaran {matter} {employee} atas nama {name}"
    if decision.track == Decision.Track.ETHICS:
        return f"penjatuhan sanksi moral kepada {employee} atas nama {name}"
    sanction = decision.sanction_type
    level = LEVEL_LABELS.get(sanction.level, "") if sanction else ""
    level_text = f" tingkat {level}" if level else ""
    return f"penjatuhan hukuman disiplin{level_text} kepada {employee} atas nama {name}"


def _statutes(decision: Decision, violation_types: list[Any]) -> list[str]:
    statutes = list(BASE_STATUTES)
    from_catalogue = [decision.sanction_type.regulation] if decision.sanction_type else []
    from_catalogue += [violation.regulation for violation in violation_types]
    marker, fallback = TRACK_REGULATIONS[decision.track]
    if not any(marker in regulation for regulation in from_catalogue):
        statutes.append(fallback)
    for regulation in from_catalogue:
        if regulation and regulation not in statutes:
            statutes.append(regulation)
    if decision.track == Decision.Track.DISCIPLINE:
        statutes += IMPLEMENTING_STATUTES
    return statutes


def _parts(decision: Decision) -> list[dict[str, str]]:
    if decision.outcome == Decision.Outcome.DISMISSAL:
        keys = ["dismissal", "effective_now", "delivery"]
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
    context = case_context(
        decision.case,
        decision_id=decision.pk,
        track=decision.track,
        outcome=decision.outcome,
        official_title=title,
        subject=decision_subject(decision),
        subject_sentence=decision_subject(decision),
        sanction=sanction_context(sanction),
        considerations=[line.strip().rstrip(";.") for line in decision.considerations.splitlines() if line.strip()],
        statutes=_statutes(decision, violation_types),
        references=list(decision.references),
        examination_report=_examination_report(decision),
        parts=_parts(decision),
        appeal=bool(sanction and sanction.code in APPEAL_SANCTIONS),
        effective_working_days=_deadline_count(DeadlineCode.EFFECTIVE, EFFECTIVE_WORKING_DAYS),
        objection_working_days=_deadline_count(DeadlineCode.OBJECTION_WINDOW, OBJECTION_WORKING_DAYS),
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
    sanction = decision.sanction_type
    context["open_statement"] = bool(sanction and sanction.code == "M2")
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
