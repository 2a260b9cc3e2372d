"""How every letter must read (issue 9, docs/letters.md "Letters that read right"), checked on the text pypdf extracts
from its PDF, as a person reads it: the exact norm, no internal code, no doubled word or punctuation, no "Pegawai
Negeri Sipil" for a PPPK, the signature block whole on the last page. Shared by the casework and sanctions tests."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

PNS = "Pegawai Negeri Sipil"
PP94 = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
PP94_FOR_PPPK = (
    "Peraturan Pemerintah Nomor 94 Tahun 2021 juncto Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen "
    "Pegawai Pemerintah dengan Perjanjian Kerja"
)
PP42 = "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil"
PP42_FOR_PPPK = (
    "Peraturan Pemerintah Nomor 42 Tahun 2004 juncto Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen "
    "Pegawai Pemerintah dengan Perjanjian Kerja"
)
UU_ASN = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
# The provision of PP 94/2021 each violation breaches, as the catalogue's data gives it (docs/legal-basis.md §3.1: the
# angka and the level article where its level basis names them; Pasal 5 huruf n, its kind, otherwise).
DISCIPLINE_ARTICLES: dict[str, str] = {
    **dict.fromkeys(("N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08", "N11"), "Pasal 5 huruf n"),
    "N10": "Pasal 5 huruf n angka 6 juncto Pasal 14",
    "N12": "Pasal 5 huruf n angka 7 juncto Pasal 14",
    "N13": "Pasal 5 huruf n angka 5 juncto Pasal 14",
}
ETHICS_ARTICLE = "Pasal 11 huruf c"


def expected_norm(code: str, *, track: str = "discipline", pppk: bool = False) -> str:
    """The words a letter must print for the norm `code` breaches (written out here, not by the builder)."""
    if track == "ethics" and code in ("N01", "N02", "N03", "N04", "N05", "N06", "N07"):
        return f"kode etik sebagaimana dimaksud dalam {ETHICS_ARTICLE} {PP42_FOR_PPPK if pppk else PP42}"
    if code == "N09":
        return f"larangan sebagaimana dimaksud dalam {UU_ASN}"
    return f"larangan sebagaimana dimaksud dalam {DISCIPLINE_ARTICLES[code]} {PP94_FOR_PPPK if pppk else PP94}"


# Codes of the catalogues and the snapshot: violations, sanctions (PNS, PPPK, PTDH), levels, tracks, roles.
INTERNAL_CODE = re.compile(
    r"\b(?:N\d\d|[RSB][1-3]|M[12]|PK-[A-Z0-9]+|PTDH|light|moderate|heavy|dismissal|discipline|ethics|statutory|"
    r"team_chair|direct_superior|designated_official|ppk|pns|pppk|inspectorate|bkpsdm)\b"
)
_FOOTER = re.compile(r"(?:RAHASIA )?Kode verifikasi: .*?Halaman \d+ dari \d+")
_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_MARKS = re.compile(r"(\S*?)([.,;:])\s*([.,;:])")


def joined(text: str) -> str:
    """A number broken at a line's end after a slash ("800/0001/KEP/ BKPSDM/2024") read as one."""
    return text.replace("/ ", "/")


def body(text: str) -> str:
    """The text without its page footers (the verification code is random and may hold any letters)."""
    return " ".join(_FOOTER.sub(" ", text).split())


def _abbreviation(token: str) -> bool:
    return "." in token or bool(re.fullmatch(r"[A-Z][a-z]{0,3}", token))


def doubled_punctuation(text: str) -> list[str]:
    """Runs of marks that are not an abbreviation's stop followed by a comma or semicolon ("S.Pd.,")."""
    found = []
    for match in _MARKS.finditer(text):
        token, first, second = match.groups()
        if first == "." and second in ",;" and _abbreviation(token):
            continue
        found.append(match.group(0))
    return found


@dataclass(frozen=True)
class LetterText:
    """A rendered letter read back: its whole text, its body and its last page."""

    text: str
    last_page: str
    pages: int

    @classmethod
    def of(cls, content: bytes) -> "LetterText":
        reader = PdfReader(io.BytesIO(content))
        pages = [" ".join(page.extract_text().split()) for page in reader.pages]
        return cls(joined(" ".join(pages)), joined(pages[-1]), len(pages))

    @property
    def body(self) -> str:
        return body(self.text)

    def problems(self, *, norm: str = "", pppk: bool = False, signatory: str = "") -> list[str]:
        """Everything wrong with the letter by the rules every letter keeps (empty: it reads right)."""
        found = []
        if norm and norm not in self.body:
            found.append(f"norm not cited: {norm}")
        found += [f"internal code: {code}" for code in INTERNAL_CODE.findall(self.body)]
        found += [f"doubled word: {match.group(0)}" for match in _DOUBLED_WORD.finditer(self.body)]
        found += [f"doubled punctuation: {marks}" for marks in doubled_punctuation(self.body)]
        if pppk and PNS in self.text:
            found.append("a PPPK called a Pegawai Negeri Sipil")
        if signatory and signatory not in body(self.last_page):
            found.append(f"signature not on the last page: {signatory}")
        return found
