"""What the decision services check before they write: the actor's permission to record what follows a decision, a
text that must be given, a date that may not be in the future; and the date as refusals write it."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core import clock
from core.errors import DomainError, PermissionDenied
from sanctions.models import Decision
from sanctions.permissions import can_record_after_decision


def require_after_decision_permission(actor: Actor | None, decision: Decision) -> None:
    """Delivery, objections and execution records are kept by the case's team: intake officers, admins, examiners."""
    if actor is None or not can_record_after_decision(actor, decision):
        raise PermissionDenied("decision_not_permitted", _("You may not act on this decision."))


def required_text(value: str, field: str, message: str) -> str:
    """The text stripped, or a refusal on `field` (code `<field>_required`) when nothing was written."""
    value = (value or "").strip()
    if not value:
        raise DomainError(f"{field}_required", message, field=field)
    return value


def require_not_in_future(day: datetime.date, field: str) -> None:
    if day > clock.today():
        raise DomainError("date_in_future", _("The date cannot be in the future."), field=field)


def date_or_today(day: datetime.date | None, field: str) -> datetime.date:
    """A date given on a form (not in the future), or today when none was given."""
    if day is None:
        return clock.today()
    require_not_in_future(day, field)
    return day


def long_date(day: datetime.date) -> str:
    """A date as a refusal writes it ("17 Desember 2024")."""
    return date_format(day, "j F Y")
