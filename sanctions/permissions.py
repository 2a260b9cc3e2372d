"""Who may do what with decisions. The services check these; the views and API use them to show actions."""

from typing import Any

from accounts.roles import Role
from casework.models import Case
from casework.permissions import is_agency_administrator, is_on_case
from sanctions.models import Decision, StaffingAuthority
from violations.permissions import is_intake_officer


def is_sanctioning_official(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_role(Role.SANCTIONING_OFFICIAL))


def _agency_officer(user: Any, case: Case) -> bool:
    """An intake officer or administrator of the case's agency."""
    return bool((is_intake_officer(user) or is_agency_administrator(user)) and user.agency_id == case.agency_id)


def can_draft_decision(user: Any, case: Case) -> bool:
    """Draft (and edit, submit, cancel) a decision: an examiner on the case or an intake officer of its agency."""
    if not user.is_authenticated:
        return False
    return is_on_case(user, case) or (is_intake_officer(user) and user.agency_id == case.agency_id)


def can_review_decision(user: Any, decision: Decision) -> bool:
    """Review a submitted draft: an intake officer or administrator of the agency who did not draft it."""
    return _agency_officer(user, decision.case) and user.pk != decision.drafted_by_id


def can_sign_decision(user: Any, decision: Decision) -> bool:
    """Sign, return or declare a conflict: only the competent official, holding the sanctioning official role."""
    return bool(
        is_sanctioning_official(user)
        and decision.competent_official_id is not None
        and decision.competent_official_id == user.pk
    )


def can_correct_decision(user: Any, decision: Decision) -> bool:
    """Issue a corrected version of a signed decision: the official who signed it (or is now competent for it)."""
    return bool(is_sanctioning_official(user) and user.pk in {decision.signed_by_id, decision.competent_official_id})


def can_record_after_decision(user: Any, decision: Decision) -> bool:
    """Delivery and execution records: an intake officer or administrator of the agency, or an examiner on the case."""
    case = decision.case
    return _agency_officer(user, case) or is_on_case(user, case)


def can_record_conflict(user: Any) -> bool:
    """Record an official's conflict of interest: the agency's intake officers and administrators."""
    return bool(user.is_authenticated and (is_intake_officer(user) or is_agency_administrator(user)))


def can_decide_objection(user: Any, decision: Decision) -> bool:
    """Decide an objection: the first active staffing authority of the agency who is not recused from the case."""
    if not is_sanctioning_official(user):
        return False
    if not StaffingAuthority.objects.filter(agency_id=decision.case.agency_id, user=user, is_active=True).exists():
        return False
    from core.errors import DomainError
    from sanctions.routing import staffing_authority_for

    try:
        return bool(staffing_authority_for(decision.case).official.pk == user.pk)
    except DomainError:
        return False
