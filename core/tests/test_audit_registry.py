"""The registry of audit actions: declared once, refused when undeclared, labelled in Indonesian and English."""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import pgettext_lazy

from core.audit import audit_record
from core.audit_registry import (
    AuditAction,
    UndeclaredAuditAction,
    action_label,
    declare,
    declared,
    declared_actions,
    forget,
    status_label,
)
from core.models import AuditEvent, DayOff

ROOT = Path(__file__).resolve().parents[2]
APPS = ("core", "accounts", "violations", "casework", "sanctions", "demo")


def test_every_app_module_is_loaded_at_start_up():
    codes = {action.code for action in declared_actions()}

    assert {"day_off_added", "report_received", "case_registered", "letter_issued", "decision_signed"} <= codes


@pytest.mark.django_db
def test_an_undeclared_action_is_refused_and_nothing_is_written():
    target = Group.objects.create(name="audit-target")
    forged = AuditAction(code="made_up", label=pgettext_lazy("audit action", "made up"), target="auth.group")

    with pytest.raises(UndeclaredAuditAction):
        audit_record(actor=None, action=forged, target=target)
    with pytest.raises(UndeclaredAuditAction):
        audit_record(actor=None, action="day_off_added", target=target)  # type: ignore[arg-type]

    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_an_action_on_another_kind_of_target_is_refused():
    target = Group.objects.create(name="audit-target")

    with pytest.raises(UndeclaredAuditAction, match=r"declared on core\.dayoff"):
        audit_record(actor=None, action=declared("day_off_added"), target=target)

    assert AuditEvent.objects.count() == 0


def test_a_code_declared_again_with_another_meaning_is_refused():
    declare("registry_probe", pgettext_lazy("audit action", "probe"), target="auth.group")
    try:
        with pytest.raises(ImproperlyConfigured):
            declare("registry_probe", pgettext_lazy("audit action", "probe"), target="auth.user")
    finally:
        forget("registry_probe")


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_declared_action_has_a_label_in_both_languages(language):
    with translation.override(language):
        labels = {action.code: action_label(action.code) for action in declared_actions()}

    assert [code for code, label in labels.items() if not label or label == code] == []


def test_every_declared_action_reads_differently_in_indonesian_than_in_english():
    with translation.override("en"):
        english = {action.code: str(action.label) for action in declared_actions()}
    with translation.override("id"):
        indonesian = {action.code: str(action.label) for action in declared_actions()}

    assert [code for code in english if english[code] == indonesian[code]] == []


def test_status_labels_come_from_the_entity_the_action_changes():
    with translation.override("id"):
        assert status_label("case_review_started", "under_review") == "Sedang ditelaah"
        assert status_label("letter_issued", "issued") == "Terbit"
        assert status_label("decision_signed", "awaiting_signature") == "Menunggu tanda tangan"
        assert status_label("retired_code", "draft") == "draft"


def test_a_retired_code_from_an_older_release_is_shown_as_it_is():
    assert action_label("retired_code") == "retired_code"


def _audit_calls_with_literal_actions(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "audit_record":
            for keyword in node.keywords:
                if keyword.arg == "action" and isinstance(keyword.value, ast.Constant):
                    lines.append(node.lineno)
    return lines


def test_no_code_outside_tests_writes_an_action_by_a_bare_string():
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            found += [
                f"{path.relative_to(ROOT)}:{line}"
                for line in _audit_calls_with_literal_actions(ast.parse(path.read_text()))
            ]

    assert found == []


def test_day_off_kind_choices_are_not_mistaken_for_statuses():
    assert DayOff.Kind.DAY_OFF.label
    assert status_label("day_off_added", "day_off") == "day_off"
