"""Which lifecycle actions a user may take on a case right now: the case page's buttons and the officer API's
`allowed_actions` both read them from here (the services decide again when the action is taken)."""

from dataclasses import dataclass, field

from accounts.actors import Viewer, is_account
from casework.models import Case, ProbableLevel, Summons, current_examination
from casework.permissions import can_manage_case, can_override_summons_notice, can_work_on_case

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
    raise_level: bool = False
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


_RAISE_STATUSES = frozenset({_S.UNDER_REVIEW, _S.TEAM_FORMED, _S.SUMMONED, _S.EXAMINED, _S.ABSENT_TWICE})


def _summons_actions(actions: CaseActions, case: Case) -> None:
    """Which summons may be issued now (summons set aside no longer count), and the pending one whose outcome may
    be recorded."""
    current = [summons for summons in actions.summonses if not summons.is_set_aside]
    status, last = case.status, (current[-1] if current else None)
    heavy_without_team = case.probable_level == ProbableLevel.HEAVY and not case.has_examination_team()
    absent = last is not None and last.attendance == Summons.Attendance.ABSENT
    if (case.can_transition_to(_S.SUMMONED) or (status == _S.SUMMONED and last is None)) and not heavy_without_team:
        actions.summons_issue = 1
    elif status == _S.SUMMONED and last is not None and last.number == 1 and absent:
        actions.summons_issue = 2
    if status == _S.SUMMONED and last is not None and last.attendance == Summons.Attendance.PENDING:
        actions.pending_summons = last
    actions.examination_record = (
        status == _S.SUMMONED and current_examination(case) is None and last is not None and not absent
    )


def case_actions_for(case: Case, user: Viewer) -> CaseActions:
    """Only what CASE_TRANSITIONS allows from the current status and the user's permissions; the services decide."""
    actions = CaseActions()
    if not is_account(user) or not can_work_on_case(user, case):
        return actions
    manage, can, status = can_manage_case(user, case), case.can_transition_to, case.status
    actions.summonses = list(case.summonses.order_by("number"))
    actions.start_review = status == _S.REGISTERED  # back to under_review only by raising the level
    actions.team_form = manage and can(_S.TEAM_FORMED)
    actions.assign = manage and case.is_open
    _summons_actions(actions, case)
    actions.raise_level = status in _RAISE_STATUSES and case.probable_level != ProbableLevel.HEAVY
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
