"""Finding the accused in the civil-servant register: ranked suggestions from what a reporter wrote, or from what
an officer types, scoped to the officer's agency.

PostgreSQL- and SQLite-friendly: one query over indexed fields (NIP exact, name, unit and position text) bounded to
CANDIDATE_LIMIT rows with the exact NIP first, then a simple ranking in Python: the NIP, then the name, then the
unit, then the position.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from accounts.actors import Viewer, is_account
from accounts.models import CivilServant

# Rows read at most per search, and suggestions shown at most.
CANDIDATE_LIMIT = 200
SUGGESTION_LIMIT = 20
# Name words shorter than this (initials, "Hj", "S.") match too much to narrow the candidates.
MIN_WORD_LENGTH = 3
# Forms of address, titles and degrees written around names: they say nothing about who is meant.
TITLE_WORDS: frozenset[str] = frozenset(
    {"pak", "bapak", "ibu", "saudara", "drs", "dra", "hj", "haji", "prof", "spd", "mpd", "skm", "ssos", "amd"}
)

SCORE_NIP = 1000
SCORE_NIP_PREFIX = 500
SCORE_NAME_EXACT = 300
SCORE_NAME_START = 200
SCORE_NAME_ALL_WORDS = 150
SCORE_NAME_WORD = 40
SCORE_UNIT = 30
SCORE_POSITION = 20


@dataclass(frozen=True)
class AccusedHints:
    """What is known of the accused: as the reporter wrote it (a report), or as the officer typed it (`query`)."""

    name: str = ""
    nip: str = ""
    position: str = ""
    unit: str = ""
    query: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A register entry and why it was suggested: "nip", "name", "unit" and/or "position"."""

    servant: CivilServant
    score: int
    reasons: tuple[str, ...]


def _words(text: str) -> list[str]:
    words = re.findall(r"[^\W_]+", text.casefold())
    return [word for word in words if len(word) >= MIN_WORD_LENGTH and word not in TITLE_WORDS]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _name_key(text: str) -> str:
    return " ".join(_words(text))


def civil_servants_for_user(*, user: Viewer) -> QuerySet[CivilServant]:
    """The register entries of the user's agency (none for anyone without one)."""
    if not is_account(user) or user.agency_id is None:
        return CivilServant.objects.none()
    return CivilServant.objects.filter(unit__agency_id=user.agency_id).select_related("unit")


def civil_servant_get_for_user(*, user: Viewer, civil_servant_id: int) -> CivilServant | None:
    return civil_servants_for_user(user=user).filter(pk=civil_servant_id).first()


def _effective_hints(hints: AccusedHints) -> AccusedHints:
    """An officer's query replaces the reporter's words: a NIP when it is digits, else a name, unit or position."""
    query = hints.query.strip()
    if not query:
        return hints
    digits = _digits(query)
    if digits and len(digits) >= len(query.replace(" ", "")) - 2:
        return AccusedHints(nip=digits, query=query)
    return AccusedHints(name=query, position=query, unit=query, query=query)


def _candidate_filter(hints: AccusedHints) -> Q | None:
    match = Q(pk__in=[])
    found = False
    if hints.nip:
        match |= Q(nip=hints.nip) if len(hints.nip) == 18 else Q(nip__startswith=hints.nip)
        found = True
    for word in _words(hints.name):
        match |= Q(name__icontains=word)
        found = True
    for text, field in ((hints.unit, "unit__name__icontains"), (hints.position, "position_title__icontains")):
        if len(text.strip()) >= MIN_WORD_LENGTH:
            match |= Q(**{field: text.strip()})
            found = True
    return match if found else None


def _name_score(name: str, wanted: str) -> int:
    key, wanted_key = _name_key(name), _name_key(wanted)
    if not wanted_key:
        return 0
    if key == wanted_key:
        return SCORE_NAME_EXACT
    if key.startswith(wanted_key):
        return SCORE_NAME_START
    words, wanted_words = set(key.split()), wanted_key.split()
    shared = sum(1 for word in wanted_words if any(word in have for have in words))
    if shared == len(wanted_words):
        return SCORE_NAME_ALL_WORDS
    return SCORE_NAME_WORD * shared


def _contains(have: str, wanted: str) -> bool:
    wanted, have = wanted.strip().casefold(), have.casefold()
    return len(wanted) >= MIN_WORD_LENGTH and (wanted in have or have in wanted)


def _score(servant: CivilServant, hints: AccusedHints) -> Suggestion:
    parts: list[tuple[str, int]] = []
    if hints.nip and servant.nip == hints.nip:
        parts.append(("nip", SCORE_NIP))
    elif hints.nip and servant.nip.startswith(hints.nip):
        parts.append(("nip", SCORE_NIP_PREFIX))
    name = _name_score(servant.name, hints.name)
    if name:
        parts.append(("name", name))
    if hints.unit and _contains(servant.unit.name, hints.unit):
        parts.append(("unit", SCORE_UNIT))
    if hints.position and _contains(servant.position_title, hints.position):
        parts.append(("position", SCORE_POSITION))
    return Suggestion(servant=servant, score=sum(score for _, score in parts), reasons=tuple(r for r, _ in parts))


def civil_servant_suggestions(*, user: Viewer, hints: AccusedHints, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
    """Register entries of the user's agency that may be the accused, best first (at most `limit`): the exact NIP,
    then the name (exact, starting with, every word, some words), then the unit and the position; one query."""
    hints = _effective_hints(hints)
    match = _candidate_filter(hints)
    if match is None:
        return []
    exact_nip_first = Case(When(nip=hints.nip or None, then=Value(0)), default=Value(1), output_field=IntegerField())
    candidates = (
        civil_servants_for_user(user=user).filter(match).order_by(exact_nip_first, "name", "pk")[:CANDIDATE_LIMIT]
    )
    scored = [suggestion for suggestion in (_score(servant, hints) for servant in candidates) if suggestion.score]
    scored.sort(key=lambda suggestion: (-suggestion.score, suggestion.servant.name, suggestion.servant.pk))
    return scored[:limit]
