"""What a decision needs besides a sanction the guidance allows (sanction_rules), checked by the drafting, review,
signing and correction services before they write:

- an accused identified in the civil-servant register: their NIP, name, rank, position, unit and employee type are
  taken from it when the decision is drafted and frozen into it (`identified_accused`, `freeze_accused`);

- an examination team for a sanction whose catalogue row requires one (every heavy sanction: PP 94/2021,
  docs/legal-basis.md §4.3), asked of casework (`case_examined_by_team`);
- the terms the row asks for: the new position of a demotion or release (B1, B2), the date from which a dismissal
  or contract termination takes effect (TMT: B3, PTDH), on or after the decision date;
- a recorded reason when the discipline decision departs from the examination report's (LHP) recommendation;
- a decision date the file can bear: on or after the LHP's date, not in the future.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from accounts.models import CivilServant
from casework import selectors as case_selectors
from casework.models import Case
from core.errors import DomainError
from sanctions.models import Decision, SanctionType
from sanctions.services.preconditions import long_date, require_not_in_future


@dataclass(frozen=True)
class Terms:
    """A decision's terms, cleaned for its sanction: what it stores."""

    new_position: str = ""
    dismissal_date: datetime.date | None = None


def identified_accused(case: Case) -> CivilServant:
    """The case's accused in the register; refused while they are not identified (a decision states their data)."""
    if case.accused is None:
        raise DomainError(
            "accused_not_identified",
            _(
                "The accused of case %(number)s is not identified in the civil-servant register: link them on the "
                "case page first. The decision states their NIP, rank, position and unit from the register."
            )
            % {"number": case.number},
        )
    return case.accused


def freeze_accused(decision: Decision, accused: CivilServant) -> None:
    """Copy the accused's register data into the decision: its letters print these, so a later change in the
    register does not change what was decided."""
    decision.accused_nip = accused.nip
    decision.accused_name = accused.name
    decision.accused_rank = accused.rank
    decision.accused_position = accused.position_title
    decision.accused_unit = accused.unit.name
    decision.accused_employee_type = accused.employee_type


def check_examination_team(case: Case, sanction: SanctionType | None) -> None:
    """Refused when the sanction needs an examination team and the case was not examined by one."""
    if sanction is None or not sanction.requires_examination_team:
        return
    if case_selectors.case_examined_by_team(case=case):
        return
    raise DomainError(
        "examination_team_required",
        _(
            "“%(sanction)s” is a heavy sanction: it may be imposed only after an examination by an examination team "
            "(Tim Pemeriksa), and this case was not examined by one. Form the team and examine under it, or choose "
            "another sanction."
        )
        % {"sanction": sanction.name},
        field="sanction_code",
    )


def clean_terms(sanction: SanctionType | None, *, new_position: str, dismissal_date: datetime.date | None) -> Terms:
    """The terms the sanction asks for (a term it does not use is dropped), or a refusal naming the missing one."""
    if sanction is None:
        return Terms()
    position = (new_position or "").strip() if sanction.names_new_position else ""
    if sanction.names_new_position and not position:
        raise DomainError(
            "new_position_required",
            _("Name the position the accused holds after “%(sanction)s”.") % {"sanction": sanction.name},
            field="new_position",
        )
    day = dismissal_date if sanction.names_dismissal_date else None
    if sanction.names_dismissal_date and day is None:
        raise DomainError(
            "dismissal_date_required",
            _("Set the date from which “%(sanction)s” takes effect (TMT).") % {"sanction": sanction.name},
            field="dismissal_date",
        )
    return Terms(new_position=position, dismissal_date=day)


def recommended_by_lhp(case: Case) -> tuple[bool, str] | None:
    """What the LHP recommends: (proven, sanction code), or None when the case has no LHP."""
    report = getattr(case, "examination_report", None)
    if report is None:
        return None
    return bool(report.proven), str(report.recommended_sanction_code or "").strip().upper()


def departs_from_lhp(case: Case, *, track: str, outcome: str, sanction: SanctionType | None) -> bool:
    """A discipline decision other than the LHP's recommendation: another sanction, or the other outcome."""
    recommended = recommended_by_lhp(case)
    if recommended is None or track != Decision.Track.DISCIPLINE:
        return False
    proven, code = recommended
    if outcome == Decision.Outcome.DISMISSAL:
        return proven
    return not proven or sanction is None or sanction.code != code


def clean_change_reason(case: Case, *, track: str, outcome: str, sanction: SanctionType | None, reason: str) -> str:
    """The reason for departing from the LHP (required only then; dropped otherwise)."""
    if not departs_from_lhp(case, track=track, outcome=outcome, sanction=sanction):
        return ""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            "sanction_change_reason_required",
            _(
                "The examination report (LHP) recommends another outcome: give the reason for deciding otherwise; "
                "the reviewer sees it."
            ),
            field="sanction_change_reason",
        )
    return reason


def check_decision_date(case: Case, day: datetime.date, dismissal_date: datetime.date | None) -> None:
    """The decision date is not in the future, not before the LHP's date; a dismissal's TMT not before it."""
    require_not_in_future(day, "decision_date")
    report = getattr(case, "examination_report", None)
    reported_on = getattr(report, "reported_on", None)
    if reported_on is not None and day < reported_on:
        raise DomainError(
            "decision_before_examination_report",
            _("The decision cannot be dated before the examination report (LHP) of %(date)s.")
            % {"date": long_date(reported_on)},
            field="decision_date",
        )
    if dismissal_date is not None and dismissal_date < day:
        raise DomainError(
            "dismissal_date_before_decision",
            _("The dismissal cannot take effect (%(tmt)s) before the decision's date (%(date)s).")
            % {"tmt": long_date(dismissal_date), "date": long_date(day)},
            field="dismissal_date",
        )
