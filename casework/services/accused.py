"""Identifying a case's accused in the civil-servant register (the intake officer or an examiner on the case).

The case's name and NIP become the register's; its letters then print the register's NIP, rank, position and unit.
The link can change, with a reason, until a decision is drafted: the decision freezes what it says of the accused
(sanctions.services.drafting), so the case may not change under it.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.accused_links import accused_link_data, clean_accused_change
from accounts.actors import Actor
from accounts.models import CivilServant
from casework.audit_actions import CASE_ACCUSED_IDENTIFIED
from casework.models import ACCUSED_IDENTIFIABLE_STATUSES, CASE_LIFECYCLE, Case
from casework.selectors import case_has_decision_draft
from casework.services.locking import lock_case_for_actor
from core.errors import TransitionNotAllowed


def _check_changeable(case: Case) -> None:
    if case_has_decision_draft(case=case):
        raise TransitionNotAllowed(
            "case_accused_fixed",
            _(
                "The accused can no longer be changed: a decision has been drafted on case %(number)s and states the "
                "register data of the accused linked then. Cancel the draft first to link another civil servant."
            )
            % {"number": case.number},
        )
    if case.status not in ACCUSED_IDENTIFIABLE_STATUSES:
        raise TransitionNotAllowed(
            "case_accused_fixed",
            _("The accused of a case in status “%(status)s” can no longer be changed.")
            % {"status": case.get_status_display()},
        )


@transaction.atomic
def case_identify_accused(
    *, case: Case, actor: Actor, civil_servant: CivilServant, reason: str = "", expected_version: int | None = None
) -> Case:
    """Link the case's accused to `civil_servant` of the case's agency; replacing a linked entry needs a reason.

    Refused once a decision is drafted or the case is closed (nothing written); linking the entry already linked
    changes nothing. One audit event on the case."""
    case = lock_case_for_actor(case, actor=actor)
    if case.accused_id == civil_servant.pk:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    _check_changeable(case)
    current = case.accused
    reason = clean_accused_change(current=current, servant=civil_servant, agency_id=case.agency_id, reason=reason)
    case.accused = civil_servant
    case.accused_name = civil_servant.name
    case.accused_nip = civil_servant.nip
    CASE_LIFECYCLE.record(
        case,
        actor=actor,
        action=CASE_ACCUSED_IDENTIFIED,
        reason=reason,
        data=accused_link_data(current, civil_servant),
        fields=("accused", "accused_name", "accused_nip"),
    )
    return case
