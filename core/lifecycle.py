"""The one kernel every state change goes through: lock, version check, transitions table, audit event, on commit.

Each stateful entity declares its `Lifecycle` beside its model (the transitions table, the version field, where its
audit events are recorded) and its services call, in this order:

    entity = LIFECYCLE.lock(entity)                     # the row, locked until the transaction ends
    if <already there>: return entity                   # idempotent repeat (the service knows what "there" is)
    LIFECYCLE.check_version(entity, expected_version)   # stale page → ConflictError, nothing written
    LIFECYCLE.transition(entity, to=..., actor=..., action=DECLARED_ACTION, after_commit=[...])

`transition` checks the table (TransitionNotAllowed), assigns the status, bumps the version, saves the named fields,
writes one audit event in the same transaction and schedules the side effects for after the commit. `record` is
the same for a change that keeps the status (an added record, an edited draft).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import models
from django.utils.translation import gettext as _

from core import clock
from core.actors import AuditActor
from core.audit import audit_record
from core.audit_registry import AuditAction
from core.errors import ConflictError, TransitionNotAllowed
from core.models import AuditEvent
from core.transactions import on_commit

M = TypeVar("M", bound=models.Model)


def _no_data(entity: Any) -> dict[str, Any]:
    return {}


def _itself(entity: Any) -> models.Model:
    return entity  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Lifecycle(Generic[M]):
    """The lifecycle of one entity's status field.

    `name` prefixes the error codes (`<name>_changed`, `<name>_transition_not_allowed`). `version_field` is the
    optimistic-concurrency counter every write increments (None: the entity has none and `check_version` is a
    no-op). `audit_on` gives the row the events are recorded on (a decision's events go on its case) and
    `audit_data` what every event carries about the entity. `clean_exclude`: `full_clean` runs before each save
    with these fields excluded (None: no full_clean). `changed_at_field` is stamped at every transition.
    """

    name: str
    model: type[M]
    transitions: Mapping[str, frozenset[str]]
    status_field: str = "status"
    version_field: str | None = "version"
    changed_at_field: str | None = None
    clean_exclude: tuple[str, ...] | None = None
    audit_on: Callable[[M], models.Model] = _itself
    audit_data: Callable[[M], dict[str, Any]] = _no_data
    changed_message: Callable[[M], str] | None = None
    not_allowed_message: Callable[[M, str], str] | None = None
    select_related: tuple[str, ...] = field(default=())

    # --- reading the table ---------------------------------------------------------------------------------------

    def status_of(self, entity: M) -> str:
        return str(getattr(entity, self.status_field))

    def allows(self, status: str, to: str) -> bool:
        return to in self.transitions.get(status, frozenset())

    def can_transition(self, entity: M, to: str) -> bool:
        return self.allows(self.status_of(entity), to)

    def label(self, status: str) -> str:
        field_ = self.model._meta.get_field(self.status_field)
        return str(dict(field_.flatchoices).get(status, status))  # type: ignore[union-attr]

    # --- the steps -----------------------------------------------------------------------------------------------

    def lock(self, entity: M) -> M:
        """The entity's row, re-read and locked until the caller's transaction ends (with `select_related`)."""
        queryset = self.model._default_manager.all()
        if self.select_related:
            queryset = queryset.select_for_update(of=("self",)).select_related(*self.select_related)
        else:
            queryset = queryset.select_for_update()
        return queryset.get(pk=entity.pk)

    def check_version(self, entity: M, expected_version: int | None) -> None:
        """A stale version means someone changed the entity since the page was drawn: refuse, write nothing."""
        if self.version_field is None or expected_version is None:
            return
        if expected_version != getattr(entity, self.version_field):
            raise ConflictError(f"{self.name}_changed", self._changed_message(entity))

    def check_transition(self, entity: M, to: str) -> None:
        if not self.can_transition(entity, to):
            raise TransitionNotAllowed(f"{self.name}_transition_not_allowed", self._not_allowed_message(entity, to))

    def save(self, entity: M, *fields: str) -> None:
        """Save the named fields with the next version (every write to a versioned entity goes through here)."""
        names = list(dict.fromkeys(fields))
        if self.version_field is not None:
            setattr(entity, self.version_field, getattr(entity, self.version_field) + 1)
            names.append(self.version_field)
        if any(f.name == "updated_at" for f in self.model._meta.concrete_fields):
            names.append("updated_at")
        if self.clean_exclude is not None:
            entity.full_clean(exclude=list(self.clean_exclude))
        entity.save(update_fields=names)

    def transition(
        self,
        entity: M,
        *,
        to: str,
        actor: AuditActor,
        action: AuditAction,
        reason: str = "",
        data: dict[str, Any] | None = None,
        fields: Iterable[str] = (),
        after_commit: Iterable[Callable[[], object]] = (),
    ) -> M:
        """Move a locked entity to `to` (checked against the table), save, audit, and schedule `after_commit`."""
        self.check_transition(entity, to)
        previous = self.status_of(entity)
        setattr(entity, self.status_field, to)
        changed = [self.status_field, *fields]
        if self.changed_at_field is not None:
            setattr(entity, self.changed_at_field, clock.now())
            changed.append(self.changed_at_field)
        self.save(entity, *changed)
        self._audit(entity, actor, action, previous, to, reason, data)
        self._schedule(after_commit)
        return entity

    def record(
        self,
        entity: M,
        *,
        actor: AuditActor,
        action: AuditAction,
        reason: str = "",
        data: dict[str, Any] | None = None,
        fields: Iterable[str] = (),
        after_commit: Iterable[Callable[[], object]] = (),
    ) -> AuditEvent:
        """An audited change that keeps the status: saves `fields` (with the next version) when any are named."""
        fields = tuple(fields)
        if fields:
            self.save(entity, *fields)
        status = self.status_of(entity)
        event = self._audit(entity, actor, action, status, status, reason, data)
        self._schedule(after_commit)
        return event

    # --- inside ----------------------------------------------------------------------------------------------------

    def _audit(
        self,
        entity: M,
        actor: AuditActor,
        action: AuditAction,
        from_status: str,
        to_status: str,
        reason: str,
        data: dict[str, Any] | None,
    ) -> AuditEvent:
        return audit_record(
            actor=actor,
            action=action,
            target=self.audit_on(entity),
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            data={**self.audit_data(entity), **(data or {})},
        )

    @staticmethod
    def _schedule(effects: Iterable[Callable[[], object]]) -> None:
        for effect in effects:
            on_commit(effect)

    def _changed_message(self, entity: M) -> str:
        if self.changed_message is not None:
            return self.changed_message(entity)
        return _(
            "This was changed by someone else while you were working on it. Reload it and try again; nothing was saved."
        )

    def _not_allowed_message(self, entity: M, to: str) -> str:
        if self.not_allowed_message is not None:
            return self.not_allowed_message(entity, to)
        return _("Status “%(from)s” cannot become “%(to)s”.") % {
            "from": self.label(self.status_of(entity)),
            "to": self.label(to),
        }
