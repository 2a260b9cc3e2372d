"""The registry of audit actions: every action is declared once, with its label and what it is recorded on.

Each app declares its actions in its own `audit_actions.py` (core's are in core/audit_actions.py) and its services
pass the declared `AuditAction` to `core.audit.audit_record`, which refuses an undeclared action or a target of
another kind. The case timeline and the admin read the translated label from here, and the status names of the
entity the action changes (`statuses`), so no raw code reaches a page.

Codes are stored in every audit event and hashed into the chain: a declared code is never renamed.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class AuditAction:
    """One kind of audited event.

    `target`: the model label the event is recorded on (e.g. "casework.case"); `statuses`: the status choices its
    from/to statuses belong to (a decision's events are recorded on its case but carry the decision's statuses).
    """

    code: str
    label: Promise
    target: str
    statuses: type[models.TextChoices] | None = None

    def __str__(self) -> str:
        return self.code


class UndeclaredAuditAction(LookupError):
    """Raised for an action code nobody declared: a programming error, never a user's."""


_REGISTRY: dict[str, AuditAction] = {}


def declare(code: str, label: Promise, *, target: str, statuses: type[models.TextChoices] | None = None) -> AuditAction:
    """Declare an action (at import time of an `audit_actions` module). Declaring the same action twice is harmless;
    declaring one code with another meaning is refused."""
    action = AuditAction(code=code, label=label, target=target, statuses=statuses)
    existing = _REGISTRY.get(code)
    if existing is not None and (existing.target, existing.statuses) != (target, statuses):
        raise ImproperlyConfigured(f"Audit action {code!r} is declared twice with different targets or statuses.")
    _REGISTRY[code] = action
    return action


def forget(code: str) -> None:
    """Remove a declaration (tests that declare actions of their own clean up with this)."""
    _REGISTRY.pop(code, None)


def load_declarations() -> None:
    """Import every installed app's `audit_actions` module (core's AppConfig.ready calls this once)."""
    autodiscover_modules("audit_actions")


def declared(code: str) -> AuditAction:
    """The declared action, or UndeclaredAuditAction."""
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UndeclaredAuditAction(f"Audit action {code!r} is not declared in any audit_actions module.") from None


def declared_actions() -> list[AuditAction]:
    return sorted(_REGISTRY.values(), key=lambda action: action.code)


def action_label(code: str) -> str:
    """The action's label in the active language; an undeclared code (from a retired release) as it is."""
    action = _REGISTRY.get(code)
    return str(action.label) if action is not None else code


def status_label(code: str, status: str) -> str:
    """A from/to status of an event of `code` under the name its entity gives it in the active language."""
    action = _REGISTRY.get(code)
    if not status or action is None or action.statuses is None:
        return status
    try:
        return str(action.statuses(status).label)
    except ValueError:
        return status
