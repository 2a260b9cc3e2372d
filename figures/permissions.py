"""Who may see which figures (docs/statistics.md, "Who sees what").

The dashboard, its summary reports and the follow-through export: the leadership of an agency, its intake officers
and its administrators, each for their own agency only. The case list behind a figure, and the exports of cases
and decisions: only those who may see those cases anyway (casework.permissions and casework.selectors decide);
leadership drills down within the figures instead."""

from typing import TypeGuard

from accounts.actors import Actor, Viewer, is_account
from accounts.roles import Role
from casework.permissions import sees_agency_cases
from figures.models import ExportJob
from sanctions.follow_through import can_read_follow_through

DASHBOARD_ROLES = (Role.LEADERSHIP, Role.INTAKE_OFFICER, Role.ADMINISTRATOR)


def can_open_dashboard(user: Viewer) -> TypeGuard[Actor]:
    return bool(
        is_account(user)
        and user.is_active
        and user.agency_id is not None
        and any(user.has_role(role) for role in DASHBOARD_ROLES)
    )


def can_open_case_lists(user: Viewer) -> bool:
    """Whether a figure links to the cases behind it: the agency's case workers (intake officers, administrators)."""
    return can_open_dashboard(user) and sees_agency_cases(user)


def can_export(user: Viewer, kind: str) -> bool:
    if not can_open_dashboard(user):
        return False
    if kind == ExportJob.Kind.FOLLOW_THROUGH:
        return can_read_follow_through(user)
    return can_open_case_lists(user)


def export_kinds_for(user: Viewer) -> list[str]:
    return [kind for kind in ExportJob.Kind.values if can_export(user, kind)]
