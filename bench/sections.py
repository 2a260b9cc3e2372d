"""The sections of docs/benchmarks.md: each benchmark rewrites its own, between its start and end markers, and keeps
the rest of the page."""

from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def section_replace(new: str, start: str, end: str, path: Path = PAGE) -> str:
    """Put `new` (markers included) in place of the section between `start` and `end`, or at the end of the page."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + new + rest.split(end, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text)
    return new


def section_existing(start: str, end: str, path: Path = PAGE) -> str:
    """The section now on the page, markers included ("" when there is none): kept when another benchmark writes."""
    text = path.read_text() if path.exists() else ""
    if start not in text or end not in text:
        return ""
    return start + text.split(start, 1)[1].split(end, 1)[0] + end + "\n"
