"""The regulations letters cite: their full titles and their statutory order (docs/legal-basis.md §2.1, §7.3).

Catalogue rows name a regulation briefly ("PP 94/2021 tentang Disiplin Pegawai Negeri Sipil") or in full; a letter
cites it in full ("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil") and lists Mengingat
in the order of the hierarchy of laws: Undang-Undang, Peraturan Pemerintah, Peraturan Presiden, the regulations of
ministers and agencies (Peraturan BKN), the joint decree of 2022 (SKB), then regional rules; by year and number within a
kind. The titles Netra knows are below (restated from docs/legal-basis.md §2.1 and §2.9); any other regulation an
administrator writes into a catalogue row, briefly or in full, is read the same way. A repealed regulation is never
cited as if in force.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

# kind: (the name letters write, rank in the hierarchy of laws)
KINDS: dict[str, tuple[str, int]] = {
    "UU": ("Undang-Undang", 1),
    "PERPU": ("Peraturan Pemerintah Pengganti Undang-Undang", 1),
    "PP": ("Peraturan Pemerintah", 2),
    "PERPRES": ("Peraturan Presiden", 3),
    "PERMEN": ("Peraturan Menteri", 4),
    "PERBKN": ("Peraturan Badan Kepegawaian Negara", 4),
    "SKB": ("Keputusan Bersama", 5),
    "PERDA": ("Peraturan Daerah", 6),
    "PERKADA": ("Peraturan Kepala Daerah", 7),
}
UNKNOWN_RANK = 5  # a text Netra cannot read keeps its place among the joint and agency rules, never before a law

_SHORT_KINDS = {
    "uu": "UU",
    "perpu": "PERPU",
    "pp": "PP",
    "perpres": "PERPRES",
    "peraturan bkn": "PERBKN",
    "perka bkn": "PERBKN",
}
_LONG_KINDS = {name.lower(): kind for kind, (name, _rank) in KINDS.items()}
_SHORT = re.compile(
    r"^(?P<kind>UU|Perpu|PP|Perpres|Peraturan BKN|Perka BKN)\s+(?:No\.?\s*)?(?P<number>\d+)/(?P<year>\d{4})"
    r"(?:\s+tentang\s+(?P<title>.+?))?\s*(?:\((?P<note>[^)]*)\))?$",
    re.IGNORECASE,
)
_LONG = re.compile(
    r"^(?P<kind>Undang-Undang|Peraturan Pemerintah Pengganti Undang-Undang|Peraturan Pemerintah|Peraturan Presiden|"
    r"Peraturan Badan Kepegawaian Negara|Peraturan Menteri [^,]+?|Peraturan Daerah [^,]+?|"
    r"Peraturan (?:Bupati|Gubernur|Wali ?kota) [^,]+?)\s+Nomor\s+(?P<number>\S+)\s+Tahun\s+(?P<year>\d{4})"
    r"(?:\s+tentang\s+(?P<title>.+))?$",
    re.IGNORECASE,
)
# A brief reference inside a citation ("Pasal 8 ayat (4) huruf c PP 94/2021").
BRIEF_REFERENCE = re.compile(r"\b(?P<kind>UU|Perpu|PP|Perpres)\s+(?P<number>\d+)/(?P<year>\d{4})\b")
# Words a brief title abbreviates.
_ABBREVIATIONS = {
    "PNS": "Pegawai Negeri Sipil",
    "PPPK": "Pegawai Pemerintah dengan Perjanjian Kerja",
    "ASN": "Aparatur Sipil Negara",
}


@dataclass(frozen=True)
class Statute:
    """One regulation: its kind (a key of KINDS), number and year, the subject after "tentang", and for a kind whose
    name carries its issuer (a ministerial or regional rule, the SKB) the words before "Nomor"."""

    kind: str
    number: str
    year: int
    title: str
    issuer: str = ""
    repealed_on: datetime.date | None = None

    @property
    def by_number(self) -> str:
        """Cited by number only, e.g. where the title would call a PPPK a PNS."""
        if self.kind == "SKB":
            return f"Keputusan Bersama {self.issuer} Tahun {self.year}"
        return f"{self.issuer or KINDS[self.kind][0]} Nomor {self.number} Tahun {self.year}"

    @property
    def full(self) -> str:
        if self.kind == "SKB":
            return f"Keputusan Bersama {self.issuer} {self.number} tentang {self.title}"
        return f"{self.by_number} tentang {self.title}" if self.title else self.by_number

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.kind, self.number, self.year)

    @property
    def order(self) -> tuple[int, int, int, str]:
        rank = KINDS.get(self.kind, ("", UNKNOWN_RANK))[1]
        number = int(self.number) if self.number.isdigit() else 0
        return (rank, self.year, number, self.number)

    def in_force(self, on: datetime.date) -> bool:
        return self.repealed_on is None or on < self.repealed_on


UU_ASN = Statute("UU", "20", 2023, "Aparatur Sipil Negara")
PP_DISCIPLINE = Statute("PP", "94", 2021, "Disiplin Pegawai Negeri Sipil")
PP_ETHICS = Statute("PP", "42", 2004, "Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil")
PP_PPPK = Statute("PP", "49", 2018, "Manajemen Pegawai Pemerintah dengan Perjanjian Kerja")
PP_REMEDIES = Statute("PP", "79", 2021, "Upaya Administratif dan Badan Pertimbangan Aparatur Sipil Negara")
BKN_DISCIPLINE = Statute(
    "PERBKN",
    "6",
    2022,
    "Peraturan Pelaksanaan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
)
SKB_NEUTRALITY = Statute(
    "SKB",
    "Nomor 2 Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022, Nomor 30 Tahun 2022, Nomor "
    "1447.1/PM.01/K.1/09/2022",
    2022,
    "Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum "
    "dan Pemilihan",
    issuer="Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Menteri Dalam Negeri, Kepala Badan "
    "Kepegawaian Negara, Ketua Komisi Aparatur Sipil Negara, dan Ketua Badan Pengawas Pemilihan Umum",
)
UU_ASN_REPEALED = Statute("UU", "5", 2014, "Aparatur Sipil Negara", repealed_on=datetime.date(2023, 10, 31))
KNOWN: dict[tuple[str, str, int], Statute] = {
    statute.key: statute
    for statute in (UU_ASN, PP_DISCIPLINE, PP_ETHICS, PP_PPPK, PP_REMEDIES, BKN_DISCIPLINE, UU_ASN_REPEALED)
}


def _expanded(title: str) -> str:
    for short, full in _ABBREVIATIONS.items():
        title = re.sub(rf"\b{short}\b", full, title)
    return title.strip().rstrip(".;,")


def _from_match(kind: str, number: str, year: str, title: str | None, issuer: str = "") -> Statute:
    known = KNOWN.get((kind, number, int(year)))
    if known is not None:
        return known
    return Statute(kind, number, int(year), _expanded(title or ""), issuer=issuer)


def _long_kind(words: str) -> tuple[str, str]:
    """The kind of a regulation written in full, and its issuer when the kind's name carries one."""
    lowered = words.lower()
    if lowered in _LONG_KINDS:
        return _LONG_KINDS[lowered], ""
    if lowered.startswith("peraturan menteri"):
        return "PERMEN", words
    if lowered.startswith("peraturan daerah"):
        return "PERDA", words
    return "PERKADA", words


def statute(text: str) -> Statute | None:
    """The regulation a text names (briefly or in full), or None when it names none Netra can read."""
    text = " ".join(text.split())
    if re.match(r"^(SKB\b|Keputusan Bersama\b)", text) and "2022" in text:
        return SKB_NEUTRALITY
    short = _SHORT.match(text)
    if short is not None:
        kind = _SHORT_KINDS[short["kind"].lower()]
        return _from_match(kind, short["number"], short["year"], short["title"])
    full = _LONG.match(text)
    if full is not None:
        kind, issuer = _long_kind(full["kind"])
        return _from_match(kind, full["number"], full["year"], full["title"], issuer)
    return None


def cited(text: str, *, by_number: bool = False) -> str:
    """A regulation as a letter writes it: its full title (or only its number), or the text itself when unreadable."""
    found = statute(text)
    if found is None:
        return " ".join(text.split())
    return found.by_number if by_number else found.full


def expand_references(text: str) -> str:
    """A citation with its brief references written out by number ("Pasal 8 … PP 94/2021" → "Pasal 8 …
    Peraturan Pemerintah Nomor 94 Tahun 2021"), "jo." as "juncto"."""
    text = re.sub(r"\bjo\.\s*", "juncto ", " ".join(text.split()))
    return BRIEF_REFERENCE.sub(
        lambda match: _from_match(match["kind"].upper(), match["number"], match["year"], None).by_number, text
    )


def statutes_in_order(texts: Iterable[str], *, on: datetime.date) -> list[str]:
    """Mengingat: each regulation once, in force on `on`, in statutory order, in full. A text Netra cannot read is
    kept, once, as written, after the laws and regulations (before the regional rules)."""
    found: dict[tuple[str, str, int], Statute] = {}
    unread: list[str] = []
    for text in texts:
        regulation = statute(text)
        if regulation is None:
            written = " ".join(text.split()).rstrip(".;,")
            if written and written not in unread:
                unread.append(written)
        elif regulation.in_force(on):
            found.setdefault(regulation.key, regulation)
    ordered = sorted(found.values(), key=lambda regulation: regulation.order)
    laws = [regulation.full for regulation in ordered if regulation.order[0] <= UNKNOWN_RANK]
    regional = [regulation.full for regulation in ordered if regulation.order[0] > UNKNOWN_RANK]
    return [*laws, *unread, *regional]
