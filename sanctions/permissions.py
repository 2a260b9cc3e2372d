"""Who may do what with decisions. The services check these; the views and the admin use them to show actions."""

from typing import TypeGuard

from accounts.actors import Actor, Viewer, is_account
from accounts.models import CivilServant
from accounts.roles import Role
from casework.models import Case
from casework.permissions import can_view_cases, is_agency_administrator, is_on_case
from core.errors import DomainError
from sanctions.competent_official import route_objection, staffing_authority_for
from sanctions.models import Decision, Objection
from violations.permissions import is_intake_officer


def is_sanctioning_official(user: Viewer) -> TypeGuard[Actor]:
    """An active account holding the sanctioning official role (the PPK and the officials who may decide)."""
    return bool(is_account(user) and user.is_active and user.has_role(Role.SANCTIONING_OFFICIAL))


def can_open_decisions(user: Viewer) -> bool:
    """Who reaches the decision pages at all: the agency's case workers and sanctioning officials. Which decisions
    each of them sees is sanctions.selectors' business."""
    return bool(user.is_authenticated and (can_view_cases(user) or is_sanctioning_official(user)))


def _agency_officer(user: Viewer, case: Case) -> bool:
    """An intake officer or administrator of the case's agency."""
    return bool(
        is_account(user)
        and (is_intake_officer(user) or is_agency_administrator(user))
        and user.agency_id == case.agency_id
    )


def can_draft_decision(user: Viewer, case: Case) -> bool:
    """Draft (and edit, submit, cancel) a decision: an examiner on the case or an intake officer of its agency."""
    if not is_account(user):
        return False
    return is_on_case(user, case) or (is_intake_officer(user) and user.agency_id == case.agency_id)


def can_review_decision(user: Viewer, decision: Decision) -> bool:
    """Review a submitted draft: an intake officer or administrator of the agency who did not draft it."""
    return _agency_officer(user, decision.case) and user.pk != decision.drafted_by_id


def can_sign_decision(user: Viewer, decision: Decision) -> bool:
    """Sign, return or declare a conflict: only the competent official, holding the sanctioning official role."""
    return bool(
        is_sanctioning_official(user)
        and decision.competent_official_id is not None
        and decision.competent_official_id == user.pk
    )


def can_correct_decision(user: Viewer, decision: Decision) -> bool:
    """Issue a corrected version of a signed decision: the official who signed it (or is now competent for it)."""
    return bool(is_sanctioning_official(user) and user.pk in {decision.signed_by_id, decision.competent_official_id})


def can_record_after_decision(user: Viewer, decision: Decision) -> bool:
    """Delivery and execution records: an intake officer or administrator of the agency, or an examiner on the case."""
    case = decision.case
    return _agency_officer(user, case) or is_on_case(user, case)


def can_record_conflict(user: Viewer) -> bool:
    """Record an official's conflict of interest: the agency's intake officers and administrators."""
    return bool(user.is_authenticated and (is_intake_officer(user) or is_agency_administrator(user)))


def can_record_prior_sanction(user: Viewer, servant: CivilServant) -> bool:
    """Enter (or withdraw) a sanction from a civil servant's record: the intake officers and administrators of the
    agency the civil servant works in (and a superuser)."""
    if not is_account(user) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (is_intake_officer(user) or is_agency_administrator(user)) and user.agency_id == servant.unit.agency_id


def objection_decider(decision: Decision) -> Actor | None:
    """The official who decides the decision's pending objection (or one filed today) under its remedy rule: the PPK,
    or the superior of the official who decided; None when nobody in Netra decides it (an appeal: the BPASN)."""
    pending = (
        decision.objections.filter(status=Objection.Status.PENDING)
        .select_related("remedy_rule")
        .order_by("-id")
        .first()
    )
    try:
        routing = route_objection(decision, rule=pending.remedy_rule if pending is not None else None)
    except DomainError:
        return None
    return routing.official


def can_decide_objection(user: Viewer, decision: Decision) -> bool:
    """Decide an objection (and sign its Keputusan): only the official the remedy rule names for it, holding the
    sanctioning official role and not recused (as decision_sign). Nobody in Netra decides an appeal."""
    if not is_sanctioning_official(user):
        return False
    official = objection_decider(decision)
    return official is not None and official.pk == user.pk


def can_respond_to_appeal(user: Viewer, decision: Decision) -> bool:
    """Sign the PPK's response to the BPASN on an appeal: the first staffing authority of the agency who is not
    recused from the case, holding the sanctioning official role."""
    if not is_sanctioning_official(user):
        return False
    try:
        official = staffing_authority_for(decision.case).official
    except DomainError:
        return False
    return official is not None and official.pk == user.pk


def can_record_appeal_ruling(user: Viewer, decision: Decision) -> bool:
    """Record the BPASN's ruling on an appeal as it arrives: whoever records after the decision, or the PPK (who signs
    the new version when the BPASN changed the sanction)."""
    return can_record_after_decision(user, decision) or can_respond_to_appeal(user, decision)
