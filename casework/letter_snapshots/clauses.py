"""What a drafter typed, as the clauses of a letter: no doubled word ("bahwa bahwa") when the text already opens with
the word the letter prints before it, no doubled punctuation, no final stop inside an enumeration."""

import re

# Words that keep their capital at the start of a clause (the rest of a clause's first word is lower-cased).
NAME_WORDS: frozenset[str] = frozenset(
    {"Bupati", "Bawaslu", "Pasal", "Peraturan", "Undang-Undang", "Keputusan", "Pemerintah", "Kabupaten", "Tim"}
)
_DOUBLED_PUNCTUATION = re.compile(r"([,;:])(?:\s*[,;:.])+|\.(?:\s*[.;:])+")
_OPENING_WORDS = re.compile(r"^(?:bahwa\b[\s,:]*)+", re.IGNORECASE)


def tidy(text: str) -> str:
    """One line: whitespace collapsed, a run of punctuation kept as its first mark, no space before a mark."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    return _DOUBLED_PUNCTUATION.sub(lambda match: match.group(0)[0], text)


def _lower_first(text: str) -> str:
    words = text.split(" ", 2)
    first = words[0]
    following = words[1] if len(words) > 1 else ""
    keeps_capital = (
        first in NAME_WORDS
        or "." in first
        or not first[:1].isupper()
        or not first[1:2].islower()
        or (following[:1].isupper() and following not in NAME_WORDS)
    )
    return text if keeps_capital else first[0].lower() + text[1:]


def clause(text: str, *, opening: str = "bahwa") -> str:
    """A typed line as the clause a letter prints after `opening` ("bahwa …;"): the opening word not repeated, no final
    mark, a lower-case start unless it opens with a name or an acronym."""
    text = tidy(text)
    if opening == "bahwa":
        text = _OPENING_WORDS.sub("", text)
    text = text.rstrip(" ,;:.")
    return _lower_first(text) if text else ""


def clauses(text: str, *, opening: str = "bahwa") -> list[str]:
    """Each non-empty line as a clause, each once."""
    found: list[str] = []
    for line in text.splitlines():
        item = clause(line, opening=opening)
        if item and item not in found:
            found.append(item)
    return found
