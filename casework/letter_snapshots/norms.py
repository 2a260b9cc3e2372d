"""The provisions a letter says were breached, cited exactly from the violation catalogue (docs/legal-basis.md §3.1,
§3.2, §2.7), never by a catalogue code: the one builder of `c.norms`, printed by templates/casework/letters/_norms.html
in every letter (the casework letters and, through sanctions.letter_contents, the decisions).

- Discipline (and a dismissal under the ASN law): "larangan sebagaimana dimaksud dalam Pasal 5 huruf n angka 6 juncto
  Pasal 14 Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil". The provision is the
  catalogue's: the basis of the violation's level (`level_basis`) when it names the provision with its angka and the
  level article, else the PP provision its `article` names, else the provision of its kind of violation (`repeat_kind`:
  Pasal 5 huruf n), else the statute its article names (N09: the ASN law, article not verified). The catalogue has no
  field of its own for the angka and the level article (see docs/letters.md): they are read from those texts.
- Ethics: "kode etik sebagaimana dimaksud dalam Pasal 11 huruf c Peraturan Pemerintah Nomor 42 Tahun 2004 …" (the
  violation's `ethics_article`).
- A PPPK is never called a PNS: the PNS regulations are cited by number, "juncto" PP 49/2018, which applies them.
"""

import re
from typing import Any

from casework.letter_snapshots.statutes import (
    PP_DISCIPLINE,
    PP_ETHICS,
    PP_PPPK,
    Statute,
    expand_references,
    statute,
)
from violations.models import ViolationType

DISCIPLINE = "discipline"
ETHICS = "ethics"
# "<regulation> Pasal …": a provision, as the catalogue writes it ("PP 94/2021 Pasal 5 huruf n angka 6").
_PROVISION = re.compile(
    r"^(?P<regulation>(?:UU|PP|Perpres)\s+\d+/\d{4}|(?:Undang-Undang|Peraturan Pemerintah)\s+Nomor\s+\S+\s+Tahun\s+"
    r"\d{4})\s+(?P<article>Pasal\b.+)$"
)


def _provisions(text: str) -> list[tuple[Statute, str]]:
    found = []
    for segment in (part.strip() for part in text.split(";")):
        match = _PROVISION.match(segment)
        regulation = statute(match["regulation"]) if match else None
        if match and regulation is not None:
            found.append((regulation, expand_references(match["article"])))
    return found


def _statute_named(text: str) -> Statute | None:
    """The first regulation other than the SKB a catalogue text names ("Lampiran II B; UU 20/2023 tentang …")."""
    for segment in (part.strip() for part in text.split(";")):
        regulation = statute(segment)
        if regulation is not None and regulation.kind != "SKB":
            return regulation
    return None


def _discipline_provision(violation: ViolationType) -> tuple[Statute, str] | None:
    basis = next(iter(_provisions(violation.level_basis)), None)
    article = next(iter(_provisions(violation.article)), None)
    if basis is not None and (article is None or basis[1].startswith(article[1])):
        return basis
    if article is not None:
        return article
    kind = violation.repeat_kind
    regulation = statute(kind.regulation) if kind is not None else None
    if kind is not None and regulation is not None and kind.article:
        return regulation, kind.article
    regulation = _statute_named(violation.article)
    return (regulation, "") if regulation is not None else None


def _regulation_words(regulation: Statute, *, pppk: bool) -> str:
    if not pppk:
        return regulation.full
    if regulation.key in (PP_DISCIPLINE.key, PP_ETHICS.key):
        return f"{regulation.by_number} juncto {PP_PPPK.full}"
    return regulation.by_number if "Pegawai Negeri Sipil" in regulation.full else regulation.full


def norm_of(violation: ViolationType, *, track: str = DISCIPLINE, pppk: bool = False) -> tuple[str, str]:
    """(wording, citation) of one violation: what kind of norm was breached and where it is laid down."""
    if track == ETHICS and violation.ethics_article:
        return "kode etik", f"{violation.ethics_article} {_regulation_words(PP_ETHICS, pppk=pppk)}"
    provision = _discipline_provision(violation)
    if provision is None:
        return "larangan", _regulation_words(PP_DISCIPLINE, pppk=pppk)
    regulation, article = provision
    words = _regulation_words(regulation, pppk=pppk)
    return "larangan", f"{article} {words}" if article else words


def norms(violation_types: list[ViolationType], *, track: str = DISCIPLINE, pppk: bool = False) -> list[dict[str, Any]]:
    """`c.norms`: each provision once, with the names of the acts under it, in the order of the violations given."""
    cited: list[dict[str, Any]] = []
    for violation in violation_types:
        wording, citation = norm_of(violation, track=track, pppk=pppk)
        existing = next((norm for norm in cited if norm["citation"] == citation), None)
        if existing is None:
            cited.append({"wording": wording, "citation": citation, "names": [violation.name]})
        elif violation.name not in existing["names"]:
            existing["names"].append(violation.name)
    return cited
