"""The audit actions of the shared kernel: changes to the working-day calendar and the deadline rules."""

from django.utils.translation import pgettext_lazy

from core.audit_registry import declare

DAY_OFF_ADDED = declare("day_off_added", pgettext_lazy("audit action", "Calendar change added"), target="core.dayoff")
DAY_OFF_REMOVED = declare(
    "day_off_removed", pgettext_lazy("audit action", "Calendar change removed"), target="core.dayoff"
)
DEADLINE_RULE_CREATED = declare(
    "deadline_rule_created", pgettext_lazy("audit action", "Deadline rule created"), target="core.deadlinerule"
)
DEADLINE_RULE_CHANGED = declare(
    "deadline_rule_changed", pgettext_lazy("audit action", "Deadline rule changed"), target="core.deadlinerule"
)
