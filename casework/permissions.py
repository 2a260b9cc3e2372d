"""Who may do what with cases. Shared by the services, the selectors and (later) the web views and API."""

from typing import Any

from accounts.roles import Role
from casework.models import Case
from violations.permissions import is_intake_officer


def can_register_case(user: Any) -> bool:
    return is_intake_officer(user)


def can_view_cases(user: Any) -> bool:
    """Who may open the case pages: the agency's intake officers and administrators, and examiners.

    Which cases each of them sees is casework.selectors.case_list_for_user's business (examiners: only their own).
    """
    return sees_agency_cases(user) or is_examiner(user)


def is_examiner(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.EXAMINER) and user.agency_id)


def is_agency_administrator(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.ADMINISTRATOR) and user.agency_id)


def sees_agency_cases(user: Any) -> bool:
    """Intake officers and the agency's administrators see every case of their agency."""
    return is_intake_officer(user) or is_agency_administrator(user)


def can_manage_case(user: Any, case: Case) -> bool:
    """Assign examiners, hand cases over, form the team: the agency's intake officers and administrators."""
    return sees_agency_cases(user) and user.agency_id == case.agency_id


def is_on_case(user: Any, case: Case) -> bool:
    """An examiner assigned to the case or a member (with an account) of its examination team."""
    if not (is_examiner(user) and user.agency_id == case.agency_id):
        return False
    if case.assigned_examiners.filter(pk=user.pk).exists():
        return True
    return case.__class__.objects.filter(pk=case.pk, examination_team__members__user=user).exists()


def can_work_on_case(user: Any, case: Case) -> bool:
    """Take the case through its lifecycle: those who manage the agency's cases, and its examiners."""
    return can_manage_case(user, case) or is_on_case(user, case)


def can_override_summons_notice(user: Any, case: Case) -> bool:
    """A supervisor: holds the `casework.override_summons_notice` permission, or administers the case's agency."""
    if not (user.is_authenticated and user.is_active and user.agency_id == case.agency_id):
        return False
    return bool(user.has_perm("casework.override_summons_notice")) or is_agency_administrator(user)
