"""Every demo case's timeline reads in the page's language: translated labels, never a raw action or status code."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.utils import translation

from accounts.models import User
from casework.models import Case, Letter
from core.audit_registry import declared_actions
from sanctions.models import Decision
from sanctions.services.outcome import CLOSE_REASON
from violations.models import Report

pytestmark = pytest.mark.django_db

STATUS_CHOICES: list[type[models.TextChoices]] = [Case.Status, Letter.Status, Decision.Status, Report.Status]


class _TimelineText(HTMLParser):
    """The text a reader sees in the page's `<section id="timeline">`, one string per text node (no attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag == "section"
        elif tag == "section" and ("id", "timeline") in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.texts.append(" ".join(data.split()))


def _timeline_texts(client: Client, case: Case, language: str) -> list[str]:
    response = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    parser = _TimelineText()
    parser.feed(response.content.decode())
    assert parser.texts, f"case {case.pk} has no timeline section"
    return parser.texts


def _raw_codes() -> set[str]:
    return {action.code for action in declared_actions()} | {
        choice.value for statuses in STATUS_CHOICES for choice in statuses if choice.value
    }


def _labels(language: str) -> set[str]:
    with translation.override(language):
        return {str(action.label) for action in declared_actions()} | {
            str(choice.label) for statuses in _status_choices_on_timelines() for choice in statuses
        }


def _status_choices_on_timelines() -> set[type[models.TextChoices]]:
    return set(STATUS_CHOICES) | {action.statuses for action in declared_actions() if action.statuses is not None}


def _raw_codes_in(texts: list[str], codes: set[str]) -> list[str]:
    """Codes shown as they are: a whole text node or one side of a status change (`draft → in_review`), or a code
    with an underscore anywhere (no label is written that way)."""
    found = []
    for text in texts:
        parts = {text, *(part.strip() for part in text.split("→")), *re.findall(r"[a-z]+(?:_[a-z]+)+", text)}
        found += sorted(parts & codes)
    return found


@pytest.fixture
def intake_client(private_storage) -> Client:
    call_command("seed_demo", "--force", stdout=io.StringIO())  # in the default language, as `make run` does
    client = Client()
    client.force_login(User.objects.get(username="intake"))  # the intake officer sees every case
    return client


def test_every_demo_case_timeline_shows_translated_labels_in_both_languages(intake_client):
    codes = _raw_codes()
    english = _labels("en") - _labels("id")  # what reads the same in both languages is not English on a page
    cases = list(Case.objects.order_by("pk"))
    assert len(cases) == 17

    for case in cases:
        for language in ("id", "en"):
            texts = _timeline_texts(intake_client, case, language)

            assert _raw_codes_in(texts, codes) == [], (case.pk, language)
            if language == "id":
                visible = " · ".join(texts)
                assert [label for label in sorted(english) if label in visible] == [], case.pk
                assert CLOSE_REASON not in visible, case.pk  # the system's own reasons are translated too


def test_the_timeline_check_finds_a_raw_code_and_an_english_label():
    codes = {"under_review", "closed", "case_registered"}

    assert _raw_codes_in(["Teregistrasi → under_review", "closed", "lihat case_registered"], codes) == [
        "under_review",
        "closed",
        "case_registered",
    ]
    assert _raw_codes_in(["Case closed", "Kasus ditutup"], codes) == []
