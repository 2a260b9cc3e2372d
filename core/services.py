"""Administrators' writes to the shared kernel: the agency's calendar changes and the deadline rules. Audited."""

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core import calendar
from core.actors import AuditActor, user_of
from core.audit import audit_record
from core.audit_actions import DAY_OFF_ADDED, DAY_OFF_REMOVED, DEADLINE_RULE_CHANGED, DEADLINE_RULE_CREATED
from core.errors import ConflictError, DomainError
from core.models import DayOff, DeadlineRule


def _forget_year_now_and_on_commit(year: int) -> None:
    # Now, so this transaction computes with the change; again on commit, in case another process cached the old
    # rows in between.
    calendar.forget_year(year)
    transaction.on_commit(lambda: calendar.forget_year(year))


def day_off_check(*, day: datetime.date, kind: str) -> None:
    """Refuse changes that would change nothing: weekends, and working a day the national calendar already works."""
    if day.weekday() >= 5:
        raise DomainError(
            "day_off_weekend",
            _("%(date)s is a Saturday or Sunday: it is never a working day.") % {"date": day},
            field="date",
        )
    national = calendar.national_day_off_name(day)
    if kind == DayOff.Kind.WORKING_DAY and national is None:
        raise DomainError(
            "day_off_not_a_holiday",
            _("%(date)s is not a national holiday or cuti bersama, so it is already a working day.") % {"date": day},
            field="date",
        )


@transaction.atomic
def day_off_add(
    *, actor: AuditActor, date: datetime.date, name: str, kind: str = DayOff.Kind.DAY_OFF, legal_basis: str
) -> DayOff:
    """Add a regional or decreed day off (`day_off`) or work a national holiday (`working_day`).

    Every deadline computed afterwards follows the change. Adding the same day again with the same kind is a no-op;
    a different entry for a date already changed is a conflict. Writes an audit event.
    """
    day_off_check(day=date, kind=kind)
    existing = DayOff.objects.select_for_update().filter(date=date).first()
    if existing is not None:
        if existing.kind == kind:
            return existing
        raise ConflictError(
            "day_off_exists",
            _("%(date)s already has a calendar change (“%(name)s”); remove it first.")
            % {"date": date, "name": existing.name},
            field="date",
        )
    day_off = DayOff(
        date=date,
        name=name.strip(),
        kind=kind,
        legal_basis=legal_basis.strip(),
        created_by=user_of(actor),  # type: ignore[misc]  # the project's user model, a subclass
    )
    day_off.full_clean()
    day_off.save(force_insert=True)
    audit_record(
        actor=actor,
        action=DAY_OFF_ADDED,
        target=day_off,
        data={"date": date.isoformat(), "name": day_off.name, "kind": kind, "legal_basis": day_off.legal_basis},
    )
    _forget_year_now_and_on_commit(date.year)
    return day_off


@transaction.atomic
def day_off_remove(*, actor: AuditActor, day_off: DayOff, reason: str = "") -> None:
    """Undo a calendar change: the date goes back to what the national calendar says. Writes an audit event."""
    locked = DayOff.objects.select_for_update().filter(pk=day_off.pk).first()
    if locked is None:
        return
    audit_record(
        actor=actor,
        action=DAY_OFF_REMOVED,
        target=locked,
        reason=reason,
        data={
            "date": locked.date.isoformat(),
            "name": locked.name,
            "kind": locked.kind,
            "legal_basis": locked.legal_basis,
        },
    )
    locked.delete()
    _forget_year_now_and_on_commit(locked.date.year)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


@transaction.atomic
def deadline_rule_save(
    *, actor: AuditActor, rule: DeadlineRule, changed_fields: list[str] | None = None
) -> DeadlineRule:
    """Create or change a deadline rule (administrators, through the admin). Writes an audit event with the values
    of the changed fields; deadlines computed afterwards use the new values."""
    if rule.pk is not None and not DeadlineRule.objects.select_for_update().filter(pk=rule.pk).exists():
        raise ConflictError("deadline_rule_gone", _("This deadline rule no longer exists."))
    created = rule.pk is None
    rule.code = rule.code.strip().upper()
    rule.full_clean()
    rule.save()
    fields = [field.name for field in DeadlineRule._meta.concrete_fields if field.name not in {"id", "created_at"}]
    shown = fields if created else [name for name in (changed_fields or []) if name in fields]
    audit_record(
        actor=actor,
        action=DEADLINE_RULE_CREATED if created else DEADLINE_RULE_CHANGED,
        target=rule,
        data={name: _json_value(getattr(rule, name)) for name in shown if name != "updated_at"},
    )
    return rule
