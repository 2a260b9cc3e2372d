"""The rules of linking an accused (terlapor) to the civil-servant register, shared by reports and cases: the entry
must be of the agency handling the matter, and replacing an entry already linked needs a reason."""

from typing import Any

from django.utils.translation import gettext as _

from accounts.models import CivilServant
from core.errors import DomainError


def clean_accused_change(*, current: CivilServant | None, servant: CivilServant, agency_id: int, reason: str) -> str:
    """The reason to record for linking `servant` where `current` was linked (required only to replace it)."""
    if servant.unit.agency_id != agency_id:
        raise DomainError(
            "accused_other_agency",
            _("This civil servant is not in the register of the agency handling the matter."),
            field="civil_servant",
        )
    reason = (reason or "").strip()
    if current is not None and not reason:
        raise DomainError(
            "accused_change_reason_required",
            _("%(name)s is linked already: give the reason for linking another civil servant.")
            % {"name": current.name},
            field="reason",
        )
    return reason


def accused_link_data(current: CivilServant | None, servant: CivilServant) -> dict[str, Any]:
    """What the audit event of a link records: the entries before and after, with their NIPs."""
    return {
        "from_civil_servant": current.pk if current else None,
        "from_nip": current.nip if current else "",
        "civil_servant": servant.pk,
        "nip": servant.nip,
    }
