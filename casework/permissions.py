"""Who may do what with cases. Shared by the services, the selectors, the web views, the officer API and admin."""

from accounts.actors import Viewer, is_account
from accounts.roles import Role
from casework.models import Case, Letter
from violations.permissions import is_intake_officer


def can_register_case(user: Viewer) -> bool:
    return is_intake_officer(user)


def may_record_recommendations(user: Viewer, case: Case) -> bool:
    """Who records a BKN or Bawaslu recommendation received by letter on a case: the agency's intake officers."""
    return is_intake_officer(user) and is_account(user) and user.agency_id == case.agency_id


def can_record_recommendation(user: Viewer, case: Case) -> bool:
    """Whether the case page offers it now: to those who may, while the case is open."""
    return may_record_recommendations(user, case) and case.is_open


def can_view_cases(user: Viewer) -> bool:
    """Who may open the case pages: the agency's intake officers and administrators, and examiners.

    Which cases each of them sees is casework.selectors.case_list_for_user's business (examiners: only their own).
    """
    return sees_agency_cases(user) or is_examiner(user)


def is_examiner(user: Viewer) -> bool:
    return is_account(user) and user.has_role(Role.EXAMINER) and bool(user.agency_id)


def is_agency_administrator(user: Viewer) -> bool:
    return is_account(user) and user.has_role(Role.ADMINISTRATOR) and bool(user.agency_id)


def sees_agency_cases(user: Viewer) -> bool:
    """Intake officers and the agency's administrators see every case of their agency."""
    return is_intake_officer(user) or is_agency_administrator(user)


def can_manage_case(user: Viewer, case: Case) -> bool:
    """Assign examiners, hand cases over, form the team: the agency's intake officers and administrators."""
    return is_account(user) and sees_agency_cases(user) and user.agency_id == case.agency_id


def is_on_case(user: Viewer, case: Case) -> bool:
    """An examiner assigned to the case or a member (with an account) of its examination team."""
    if not (is_account(user) and is_examiner(user) and user.agency_id == case.agency_id):
        return False
    if case.assigned_examiners.filter(pk=user.pk).exists():
        return True
    return Case.objects.filter(pk=case.pk, examination_team__members__user=user).exists()


def can_work_on_case(user: Viewer, case: Case) -> bool:
    """Take the case through its lifecycle: those who manage the agency's cases, and its examiners."""
    return can_manage_case(user, case) or is_on_case(user, case)


def can_override_summons_notice(user: Viewer, case: Case) -> bool:
    """A supervisor: holds the `casework.override_summons_notice` permission, or administers the case's agency."""
    if not (is_account(user) and user.is_active and user.agency_id == case.agency_id):
        return False
    return user.has_perm("casework.override_summons_notice") or is_agency_administrator(user)


# The examination's own records, the BAP and the LHP, say what the accused said and what the examiners found.
EXAMINATION_RECORD_KINDS: frozenset[str] = frozenset({"examination_record", "examination_report"})


def can_read_examination_records(user: Viewer, case: Case) -> bool:
    """Who may download a case's BAP and LHP: its examiners and team (those who hold the examination), and the
    intake officer who registered it; not every officer or administrator of the agency (docs/security.md)."""
    if not is_account(user) or user.agency_id != case.agency_id:
        return False
    return case.registered_by_id == user.pk or is_on_case(user, case)


def can_download_letter(user: Viewer, letter: Letter) -> bool:
    """Any issued letter of a case the user may see, except the examination records, which need
    `can_read_examination_records`."""
    return letter.kind not in EXAMINATION_RECORD_KINDS or can_read_examination_records(user, letter.case)
