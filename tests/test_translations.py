"""Indonesian is the first language: every message catalogue is complete, valid and free of fuzzy entries."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(path for path in ROOT.glob("**/locale/id/LC_MESSAGES/django.po") if ".venv" not in path.parts)


def test_every_app_with_user_facing_text_has_an_indonesian_catalogue():
    owners = {path.relative_to(ROOT).parts[0] for path in CATALOGUES}

    assert {"locale", "core", "accounts", "violations", "casework", "sanctions"} <= owners


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is installed by `make test`")
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_valid_and_fully_translated(catalogue: Path, tmp_path: Path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def _unquote(line: str) -> str:
    return line[line.index('"') + 1 : line.rindex('"')].encode().decode("unicode_escape").encode("latin-1").decode()


def parse_po(text: str) -> dict[tuple[str, str], str]:
    """(context, msgid) → msgstr (first form for plurals); enough of the PO format for Django's catalogues."""
    entries: dict[tuple[str, str], str] = {}
    current: dict[str, str] = {}
    key = ""
    fuzzy = False

    def flush() -> None:
        if "msgid" in current and current["msgid"] and not fuzzy:
            entries[(current.get("msgctxt", ""), current["msgid"])] = current.get(
                "msgstr", current.get("msgstr[0]", "")
            )

    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
            current, key, fuzzy = {}, "", False
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] = current.get(key, "") + _unquote(line)
        else:
            key = line.split(" ", 1)[0]
            current[key] = _unquote(line)
    return entries


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by `make test`")
def test_every_user_facing_string_in_code_and_templates_has_an_indonesian_translation(tmp_path: Path):
    """Extract every msgid as makemessages would and find each translated in some committed catalogue."""
    copy = tmp_path / "netra"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "tests", "bench", "node_modules", "*.mo", "django.po"),
    )
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "makemessages", "-l", "id", "--ignore=conftest.py"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.local", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    extracted: set[tuple[str, str]] = set()
    for generated in copy.glob("**/locale/id/LC_MESSAGES/django.po"):
        extracted |= set(parse_po(generated.read_text()))
    translated: dict[tuple[str, str], str] = {}
    for catalogue in CATALOGUES:
        translated.update({key: value for key, value in parse_po(catalogue.read_text()).items() if value})

    missing = sorted(key for key in extracted if key not in translated)

    assert missing == []
