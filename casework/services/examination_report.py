"""The examination report (LHP): the findings, and the sanction the examiners recommend from the catalogue.

The recommended sanction is one the catalogue's guidance allows for the proven violations (casework.sanction_options,
filled by the sanctions app); its level follows from it. A heavy sanction may be recommended only on a case examined
by its examination team (casework.selectors.case_examined_by_team). The LHP is signed by the direct superior or
the team's chair, and dated on or after what it reports on (the BAP, or the second missed summons), never in the
future.
"""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import EXAMINATION_REPORT_SUBMITTED
from casework.letter_snapshots import case_context
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, CaseTrack, ExaminationReport, Summons, current_examination
from casework.sanction_options import SanctionOption, sanction_options_for
from casework.selectors import case_examined_by_team
from casework.services.locking import lock_case_for_actor
from casework.services.summons import local_moment
from casework.signatories import Signatory, examination_signatory
from core import clock
from core.errors import DomainError
from violations.models import SanctionLevel, ViolationType

_S = Case.Status
# Levels an examination team must have examined (docs/legal-basis.md §4.3; a dismissal (PTDH) too, the safer reading).
TEAM_LEVELS = frozenset({SanctionLevel.HEAVY, SanctionLevel.DISMISSAL})


def _level_label(level: str) -> str:
    """Letters are written in Indonesian whatever the officer's language."""
    if not level:
        return ""
    with translation.override("id"):
        return str(SanctionLevel(level).label)


def _check_report(violation_types: Sequence[ViolationType], fields: Mapping[str, Any]) -> None:
    if not violation_types:
        raise DomainError("violation_types_required", _("Choose the forms of violation."), field="violation_types")
    if not fields["act_time"].strip() or not fields["act_place"].strip():
        raise DomainError("act_required", _("Give the time and the place of the act."), field="act_time")
    if fields["proven"] and not fields["recommended_sanction_code"].strip():
        raise DomainError(
            "sanction_required",
            _("A proven violation needs a recommended sanction."),
            field="recommended_sanction_code",
        )


def _recommended(case: Case, violation_types: Sequence[ViolationType], code: str) -> SanctionOption:
    """The catalogue's option for `code` (its Indonesian name, as the LHP prints it), or a refusal listing them."""
    with translation.override("id"):
        options = sanction_options_for(case, sorted(v.code for v in violation_types))
    found = next((option for option in options if option.code == code.strip()), None)
    if found is None:
        raise DomainError(
            "sanction_not_allowed",
            _("The catalogue's guidance does not allow this sanction for these violations. Choose one of: %(options)s.")
            % {"options": "; ".join(option.label for option in options) or "—"},
            field="recommended_sanction_code",
        )
    if found.level in TEAM_LEVELS and not case_examined_by_team(case=case):
        raise DomainError(
            "heavy_sanction_needs_team",
            _(
                "A heavy sanction may be recommended only after the examination team examined the accused. Raise "
                "the probable level to heavy: the team is formed, and the summons and the examination are held "
                "again under it."
            ),
            field="recommended_sanction_code",
        )
    return found


def _basis_date(case: Case) -> datetime.date | None:
    """The day of what the LHP reports on: the examination (BAP), or the second summons missed."""
    examination = current_examination(case)
    if examination is not None:
        return clock.local_date(examination.held_at)
    second = Summons.objects.current().filter(case=case, number=2).first()
    return clock.local_date(second.scheduled_at) if second is not None else None


def _check_reported_on(case: Case, reported_on: datetime.date) -> None:
    shown = date_format(reported_on, "j F Y")
    if reported_on > clock.today():
        raise DomainError(
            "report_date_in_future",
            _("The report is dated %(date)s, a day still to come.") % {"date": shown},
            field="reported_on",
        )
    basis = _basis_date(case)
    if basis is not None and reported_on < basis:
        raise DomainError(
            "report_before_examination",
            _("The report is dated %(date)s, before the examination it reports on (%(basis)s).")
            % {"date": shown, "basis": date_format(basis, "j F Y")},
            field="reported_on",
        )


def _new_report(
    case: Case, actor: Actor, fields: Mapping[str, Any], option: SanctionOption | None, signatory: Signatory
) -> ExaminationReport:
    report = ExaminationReport(
        case=case,
        act_time=fields["act_time"].strip(),
        act_place=fields["act_place"].strip(),
        aggravating=fields["aggravating"].strip(),
        mitigating=fields["mitigating"].strip(),
        impact=fields["impact"].strip(),
        proven=option is not None,
        recommended_sanction_code=option.code if option else "",
        recommended_sanction_label=option.label if option else "",
        recommended_sanction_level=option.level if option else "",
        submitted_by=actor,
        reported_on=fields["reported_on"],
    )
    signatory.apply(report)
    report.full_clean(exclude=["case"])
    report.save(force_insert=True)
    return report


def _absences(case: Case) -> list[dict[str, Any]]:
    """The two valid summonses missed, which an LHP written on the evidence rests on."""
    summonses = Summons.objects.current().filter(case=case, attendance=Summons.Attendance.ABSENT, notice_respected=True)
    return [
        {"number": s.number, "scheduled_at": local_moment(s.scheduled_at).isoformat(), "sent_on": s.sent_on.isoformat()}
        for s in summonses.order_by("number")
    ]


def _request_examination_report(
    report: ExaminationReport, violation_types: Sequence[ViolationType], signatory: Signatory, actor: Actor
) -> None:
    case = report.case
    examination = current_examination(case)
    letter_request(
        case=case,
        kind="examination_report",
        actor=actor,
        context=case_context(
            case,
            letter_kind="examination_report",
            violation_types=list(violation_types),
            held_at=local_moment(examination.held_at) if examination is not None else None,
            absences=[] if examination is not None else _absences(case),
            act_time=report.act_time,
            act_place=report.act_place,
            aggravating=report.aggravating,
            mitigating=report.mitigating,
            impact=report.impact,
            proven=report.proven,
            recommended_sanction={
                "code": report.recommended_sanction_code,
                "label": report.recommended_sanction_label,
                "level": report.recommended_sanction_level,
                "level_label": _level_label(report.recommended_sanction_level),
            },
            signatory=signatory.for_letter(),
            letter_date=report.reported_on,
        ),
    )


@transaction.atomic
def examination_report_submit(
    *,
    case: Case,
    actor: Actor,
    violation_types: Sequence[ViolationType],
    act_time: str,
    act_place: str,
    proven: bool,
    aggravating: str = "",
    mitigating: str = "",
    impact: str = "",
    recommended_sanction_code: str = "",
    reported_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> ExaminationReport:
    """Write the LHP after the examination (or on the evidence after two absences), dated `reported_on` (default
    today); the case becomes `reported` and its ethics and discipline tracks proven or not proven. Refused when the
    sanction is not among the catalogue's options, when it is heavy on a case not examined by a team, when the
    signatory is unknown or the date cannot be true. Requests the LHP letter after commit."""
    fields: dict[str, Any] = {
        "act_time": act_time,
        "act_place": act_place,
        "proven": proven,
        "aggravating": aggravating,
        "mitigating": mitigating,
        "impact": impact,
        "recommended_sanction_code": recommended_sanction_code,
        "reported_on": reported_on or clock.today(),
    }
    dated = fields["reported_on"]
    _check_report(violation_types, fields)
    case = lock_case_for_actor(case, actor=actor)
    existing = getattr(case, "examination_report", None)
    if existing is not None:
        return existing
    CASE_LIFECYCLE.check_version(case, expected_version)
    CASE_LIFECYCLE.check_transition(case, _S.REPORTED)
    _check_reported_on(case, dated)
    option = _recommended(case, violation_types, recommended_sanction_code) if proven else None
    signatory = examination_signatory(case)
    CASE_LIFECYCLE.transition(
        case, to=_S.REPORTED, actor=actor, action=EXAMINATION_REPORT_SUBMITTED, data={"proven": proven}
    )
    report = _new_report(case, actor, fields, option, signatory)
    report.violation_types.set(violation_types)
    CaseTrack.objects.filter(
        case=case, track__in=[CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE], status=CaseTrack.Status.OPEN
    ).update(status=CaseTrack.Status.PROVEN if proven else CaseTrack.Status.NOT_PROVEN)
    _request_examination_report(report, violation_types, signatory, actor)
    return report
