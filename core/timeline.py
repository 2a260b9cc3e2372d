"""How an audit event reads on a page: the action's label, who acted, and a status change by its names.

One presenter for every audit trail Netra shows (a case's timeline, a report's history), so each reads the labels of
core.audit_registry in the active language and no raw code reaches a page.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext as _

from core.audit_registry import action_label, status_label
from core.models import AuditEvent


def actor_name(event: AuditEvent) -> str:
    """Who acted, as a person reads it: the account's name, or what the label stands for."""
    if event.actor is not None:
        return str(event.actor.get_full_name() or event.actor.get_username())
    label = event.actor_label
    if label == "citizen":
        return _("Citizen reporter")
    if label.startswith("bawaslu:"):
        return _("Bawaslu office")
    if label == "system":
        return _("Netra (automatic)")
    return label


@dataclass(frozen=True)
class TimelineEntry:
    """An audit event as a timeline shows it. A status change is shown only when the status changed."""

    event: AuditEvent
    label: str
    actor: str
    from_status: str
    to_status: str

    @classmethod
    def of(cls, event: AuditEvent) -> "TimelineEntry":
        changed = event.from_status != event.to_status
        return cls(
            event=event,
            label=action_label(event.action),
            actor=actor_name(event),
            from_status=status_label(event.action, event.from_status) if changed else "",
            to_status=status_label(event.action, event.to_status) if changed else "",
        )

    @property
    def occurred_at(self) -> datetime.datetime:
        return self.event.occurred_at

    @property
    def action(self) -> str:
        return self.event.action

    @property
    def reason(self) -> str:
        # A reason the system wrote is a msgid (e.g. why a case closed): shown in the reader's language. An
        # officer's own words are not in any catalogue and stay as written.
        return gettext(self.event.reason) if self.event.reason else ""
