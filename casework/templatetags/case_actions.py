"""`{% case_actions case user as actions %}`: which lifecycle actions the case page offers this user right now."""

from dataclasses import dataclass, field
from typing import Any

from django import template

from casework.models import Case, Summons
from casework.permissions import can_manage_case, can_override_summons_notice, can_work_on_case

register = template.Library()
_S = Case.Status


@dataclass
class CaseActions:
    start_review: bool = False
    team_form: bool = False
    assign: bool = False
    summons_issue: int | None = None  # the number of the summons that may be issued now
    pending_summons: Summons | None = None  # attendance or absence may be recorded for it
    examination_record: bool = False
    examination_report: bool = False
    forward: bool = False
    close_not_proven: bool = False
    dismiss: bool = False
    withdraw: bool = False
    merge: bool = False
    criminal_referral: bool = False
    evidence: bool = False
    may_override_notice: bool = False
    summonses: list[Summons] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any(
            value
            for name, value in vars(self).items()
            if name not in ("summonses", "may_override_notice") and value not in (None, False)
        )


def case_actions_for(case: Case, user: Any) -> CaseActions:
    """Only what CASE_TRANSITIONS allows from the current status and the user's permissions; the services decide."""
    actions = CaseActions()
    if not getattr(user, "is_authenticated", False):
        return actions
    manage, work = can_manage_case(user, case), can_work_on_case(user, case)
    if not work:
        return actions
    summonses = list(case.summonses.order_by("number"))
    actions.summonses = summonses
    last = summonses[-1] if summonses else None
    can = case.can_transition_to
    status = case.status
    actions.start_review = can(_S.UNDER_REVIEW)
    actions.team_form = manage and can(_S.TEAM_FORMED)
    actions.assign = manage and case.is_open
    if can(_S.SUMMONED) and not (case.probable_level == "heavy" and status == _S.UNDER_REVIEW):
        actions.summons_issue = 1
    elif status == _S.SUMMONED and last is not None and last.number == 1 and last.attendance == "absent":
        actions.summons_issue = 2
    if status == _S.SUMMONED and last is not None and last.attendance == Summons.Attendance.PENDING:
        actions.pending_summons = last
    has_examination = hasattr(case, "examination")
    actions.examination_record = (
        status == _S.SUMMONED and not has_examination and last is not None and last.attendance != "absent"
    )
    report = getattr(case, "examination_report", None)
    actions.examination_report = can(_S.REPORTED) and report is None
    actions.forward = can(_S.FORWARDED_FOR_DECISION) and (status == _S.ABSENT_TWICE or bool(report and report.proven))
    actions.close_not_proven = status == _S.REPORTED and report is not None and not report.proven
    actions.dismiss = manage and can(_S.DISMISSED)
    actions.withdraw = manage and can(_S.WITHDRAWN)
    actions.merge = manage and can(_S.MERGED)
    actions.criminal_referral = case.is_open
    actions.evidence = case.is_open
    actions.may_override_notice = can_override_summons_notice(user, case)
    return actions


@register.simple_tag
def case_actions(case: Case, user: Any) -> CaseActions:
    return case_actions_for(case, user)
