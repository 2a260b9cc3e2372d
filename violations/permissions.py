"""Who may do what with reports. Shared by the API, the web views and the admin."""

from accounts.actors import Viewer, is_account
from accounts.roles import Role
from violations.models import Report


def is_intake_officer(user: Viewer) -> bool:
    return is_account(user) and user.has_role(Role.INTAKE_OFFICER) and user.agency_id is not None


def is_bawaslu_office(user: Viewer) -> bool:
    return is_account(user) and user.has_role(Role.BAWASLU_OFFICE) and user.bawaslu_office_id is not None


def is_bkn_account(user: Viewer) -> bool:
    """BKN's account for an agency: it sends recommendations to that agency through the API."""
    return is_account(user) and user.has_role(Role.BKN) and user.agency_id is not None


def can_triage(user: Viewer, report: Report) -> bool:
    return is_account(user) and is_intake_officer(user) and report.agency_id == user.agency_id


def can_see_reporter_identity(user: Viewer, report: Report) -> bool:
    """Only intake officers of the report's agency ever see who reported (docs/domain.md, Confidentiality)."""
    return can_triage(user, report)


def can_record_internal_finding(user: Viewer) -> bool:
    """Staff of Diskominfo, the Inspektorat or a superior (internal reporters) and intake officers, of an agency."""
    return (
        is_account(user)
        and user.agency_id is not None
        and (user.has_role(Role.INTERNAL_REPORTER) or user.has_role(Role.INTAKE_OFFICER))
    )
