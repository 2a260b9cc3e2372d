"""The law a decision letter cites, by the accused's employee type and the sanction's track: the regulations under
Mengingat, the norms breached under Menimbang, and how the letter names the employee.

A PPPK is never called a "Pegawai Negeri Sipil": the letter says "Pegawai Pemerintah dengan Perjanjian Kerja" and
rests on PP 49/2018, which applies the provisions of PP 94/2021 and PP 42/2004 (cited by number in the sanction's
catalogue row, `applied_provisions`). A statutory dismissal (PTDH) rests on the ASN law in force, not on PP 94/2021.
"""

from typing import Any

from accounts.models import CivilServant
from sanctions.models import Decision, SanctionType
from violations.models import ViolationType

PNS_LABEL = "Pegawai Negeri Sipil"
PPPK_LABEL = "Pegawai Pemerintah dengan Perjanjian Kerja"

# Mengingat: the statute every decision rests on, then the regulations of the sanction and the violations (catalogue
# data), then the implementing regulation of the track.
BASE_STATUTES: tuple[str, ...] = ("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",)
PP94_STATUTE = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
PP42_STATUTE = (
    "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil"
)
PP49_STATUTE = "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja"
IMPLEMENTING_STATUTES: tuple[str, ...] = (
    "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan Pemerintah "
    "Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
)
# The discipline regulations written out (used by the objection letters in sanctions.letter_contents.objection).
DISCIPLINE_STATUTES: tuple[str, ...] = (PP94_STATUTE, *IMPLEMENTING_STATUTES)
# The regulation of the track (marker, statute), added when no catalogue entry names it (a dismissal has no sanction
# type). A PPPK's decisions rest on PP 49/2018 whatever the track.
TRACK_REGULATIONS: dict[str, tuple[str, str]] = {
    "discipline": ("94/2021", PP94_STATUTE),
    "ethics": ("42/2004", PP42_STATUTE),
    "pppk": ("49/2018", PP49_STATUTE),
}
# The ethics track's norm for a PPPK: PP 42/2004 as PP 49/2018 applies it, cited by number.
PP42_BY_NUMBER = "Peraturan Pemerintah Nomor 42 Tahun 2004"


def is_pppk(decision: Decision) -> bool:
    accused = decision.case.accused
    return accused is not None and accused.employee_type == CivilServant.EmployeeType.PPPK


def employee_label(decision: Decision) -> str:
    return PPPK_LABEL if is_pppk(decision) else PNS_LABEL


def is_statutory(sanction: SanctionType | None) -> bool:
    return sanction is not None and sanction.track == SanctionType.Track.STATUTORY


def statutes(decision: Decision, violation_types: list[ViolationType]) -> list[str]:
    """Mengingat, in the order the letter lists them."""
    found = list(BASE_STATUTES)
    sanction = decision.sanction_type
    from_catalogue = [sanction.regulation] if sanction else []
    from_catalogue += [violation.regulation for violation in violation_types]
    pppk = is_pppk(decision)
    if pppk or not is_statutory(sanction):
        marker, fallback = TRACK_REGULATIONS["pppk" if pppk else decision.track]
        if not any(marker in regulation for regulation in from_catalogue):
            found.append(fallback)
    for regulation in from_catalogue:
        if regulation and regulation not in found:
            found.append(regulation)
    if decision.track == Decision.Track.DISCIPLINE and not pppk and not is_statutory(sanction):
        found += IMPLEMENTING_STATUTES
    return found


def norms(decision: Decision, violation_types: list[ViolationType]) -> list[dict[str, Any]]:
    """Menimbang: the provisions breached, each with the act's name (never the catalogue's code). The ethics track
    cites PP 42/2004 (Pasal 11 huruf c: the catalogue's `ethics_article`); the discipline track the violation's
    article."""
    cited: list[dict[str, Any]] = []
    for violation in violation_types:
        if decision.track == Decision.Track.ETHICS and violation.ethics_article:
            regulation = PP42_BY_NUMBER if is_pppk(decision) else PP42_STATUTE
            citation = f"{violation.ethics_article} {regulation}"
        else:
            citation = violation.article or violation.regulation
        existing = next((norm for norm in cited if norm["citation"] == citation), None)
        if existing is not None:
            existing["names"].append(violation.name)
        else:
            cited.append({"citation": citation, "names": [violation.name]})
    return cited
