"""Recording who signs the decrees forming examination teams in an agency (administrators, through the admin).

The PPK signs them, or an official the PPK designated by a decision of his own (docs/legal-basis.md §4.3): that
decision is the designation's basis and is required. The periods of one agency never overlap, so the signatory on
a day is never in doubt; to change the signatory, end the current period and record the next one.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import TEAM_DECREE_SIGNATORY_CHANGED, TEAM_DECREE_SIGNATORY_RECORDED
from casework.models import TeamDecreeSignatory
from core.audit import audit_record
from core.errors import ConflictError, DomainError

_AUDITED = ("agency", "kind", "name", "nip", "position_title", "user", "designation_basis", "valid_from", "valid_to")


def _check_period(signatory: TeamDecreeSignatory) -> None:
    if signatory.valid_to is not None and signatory.valid_to < signatory.valid_from:
        raise DomainError("period_invalid", _("The end date is before the start date."), field="valid_to")
    others = TeamDecreeSignatory.objects.filter(agency_id=signatory.agency_id).exclude(pk=signatory.pk)
    if signatory.valid_to is not None:
        others = others.filter(valid_from__lte=signatory.valid_to)
    overlapping = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=signatory.valid_from)).first()
    if overlapping is not None:
        raise ConflictError(
            "team_decree_signatory_overlaps",
            _(
                "%(name)s (%(position)s) is already recorded as the signatory from %(start)s; end that period "
                "before this one starts."
            )
            % {
                "name": overlapping.name,
                "position": overlapping.position_title,
                "start": date_format(overlapping.valid_from, "j F Y"),
            },
            field="valid_from",
        )


def _value(value: Any) -> Any:
    if hasattr(value, "pk"):
        return value.pk
    return value.isoformat() if hasattr(value, "isoformat") else value


def team_decree_signatory_check(signatory: TeamDecreeSignatory) -> None:
    """The rules a signatory record keeps (DomainError or ConflictError otherwise); writes nothing."""
    for name in ("name", "nip", "position_title", "designation_basis"):
        setattr(signatory, name, getattr(signatory, name).strip())
    if signatory.kind == TeamDecreeSignatory.Kind.DESIGNATED and not signatory.designation_basis:
        raise DomainError(
            "designation_basis_required",
            _("Give the PPK's decision designating this official (e.g. “Keputusan Bupati … Nomor …”)."),
            field="designation_basis",
        )
    _check_period(signatory)


@transaction.atomic
def team_decree_signatory_save(
    *, actor: Actor, signatory: TeamDecreeSignatory, changed_fields: list[str] | None = None
) -> TeamDecreeSignatory:
    """Record a new signatory or change one (`changed_fields`: what the administrator changed). A designated
    official needs the designation's basis; periods of one agency never overlap. Writes an audit event with the
    values recorded or changed."""
    created = signatory.pk is None
    if not created and not TeamDecreeSignatory.objects.select_for_update().filter(pk=signatory.pk).exists():
        raise ConflictError("team_decree_signatory_gone", _("This signatory record no longer exists."))
    team_decree_signatory_check(signatory)
    if created:
        signatory.recorded_by = actor
    signatory.full_clean()
    signatory.save()
    shown = _AUDITED if created else [name for name in (changed_fields or []) if name in _AUDITED]
    audit_record(
        actor=actor,
        action=TEAM_DECREE_SIGNATORY_RECORDED if created else TEAM_DECREE_SIGNATORY_CHANGED,
        target=signatory,
        data={name: _value(getattr(signatory, name)) for name in shown},
    )
    return signatory
