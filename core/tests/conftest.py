"""Audit actions of the kernel's own tests: declared on Django's groups for each test, forgotten afterwards."""

from collections.abc import Iterator

import pytest
from django.utils.translation import pgettext_lazy

from core.audit_registry import AuditAction, declare, declared, forget

TEST_ACTION_CODES = ("one", "two", "three", "test", "group_received", "group_rejected", "deadline_checked")


def act(code: str) -> AuditAction:
    """A test action declared by the `test_audit_actions` fixture."""
    return declared(code)


@pytest.fixture
def test_audit_actions() -> Iterator[None]:
    for code in TEST_ACTION_CODES:
        declare(code, pgettext_lazy("audit action", code), target="auth.group")
    yield
    for code in TEST_ACTION_CODES:
        forget(code)
