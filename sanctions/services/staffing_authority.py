"""The staffing authority (PPK) of an agency and those who stand in for it, in order (StaffingAuthority rows)."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Agency, User
from core.audit import audit_record
from core.errors import ConflictError
from sanctions.audit_actions import STAFFING_AUTHORITY_APPOINTED
from sanctions.models import StaffingAuthority


@transaction.atomic
def staffing_authority_appoint(
    *, agency: Agency, user: User, title: str, order: int = 1, actor: Actor | None = None
) -> StaffingAuthority:
    """Make `user` the agency's staffing authority (`order` 1) or its `order`-th stand-in, titled `title` on letters.

    Decisions the authority rules route to the staffing authority go to the first active, unrecused official in
    this order. Refuses an order the agency has filled; nothing is written then. Writes an audit event.
    """
    if StaffingAuthority.objects.filter(agency=agency, order=order).exists():
        raise ConflictError(
            "staffing_authority_order_taken",
            _("The agency has a staffing authority in position %(order)d.") % {"order": order},
        )
    authority = StaffingAuthority(agency=agency, user=user, title=title, order=order)
    authority.full_clean()
    authority.save(force_insert=True)
    audit_record(
        actor=actor,
        action=STAFFING_AUTHORITY_APPOINTED,
        target=authority,
        data={"agency": agency.code, "order": order, "username": user.username, "title": title},
    )
    return authority
