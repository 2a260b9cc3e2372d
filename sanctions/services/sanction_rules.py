"""The rules a decision's sanction must keep (docs/legal-basis.md §3.5): the heaviest level of several proven
violations, a heavier sanction for a repeat, none meaningless for the accused's position, only the sanksi moral on
the ethics track, nothing on a dismissal; one live decision per case and track; and another sanction of the same
track when an objection changes it. (What a decision needs besides: sanctions.services.decision_requirements.)"""

import datetime
from collections.abc import Sequence

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from casework.models import Case
from core import clock
from core.errors import ConflictError, DomainError
from sanctions.models import DEAD_DECISION_STATUSES, Decision, SanctionType
from sanctions.sanction_guidance import SanctionGuidance, guidance_for_accused
from violations.models import SanctionLevel, ViolationType


def _in_force() -> Q:
    today = clock.today()
    return Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))


def violation_types_for(codes: Sequence[str]) -> list[ViolationType]:
    """The violation types in force for these codes (any case and spacing), or a refusal naming the unknown ones."""
    codes = sorted({code.strip().upper() for code in codes if code and code.strip()})
    found = {violation.code: violation for violation in ViolationType.objects.filter(_in_force(), code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise DomainError(
            "violation_unknown",
            _("Unknown violation codes: %(codes)s.") % {"codes": ", ".join(unknown)},
            field="violation_codes",
        )
    return [found[code] for code in codes]


def default_violation_codes(case: Case) -> list[str]:
    """The violations the examination report (LHP) found proven, else those the case's reports name."""
    report = getattr(case, "examination_report", None)
    if report is not None:
        codes = [violation.code for violation in report.violation_types.all()]
        if codes:
            return codes
    return sorted({r.violation_type.code for r in case.reports.select_related("violation_type") if r.violation_type})


def _sanction_type(code: str) -> SanctionType:
    sanction = SanctionType.objects.filter(_in_force(), code=code.strip().upper()).order_by("-valid_from").first()
    if sanction is None:
        raise DomainError("sanction_unknown", _("Unknown sanction: %(code)s.") % {"code": code}, field="sanction_code")
    return sanction


def _check_choices(track: str, outcome: str) -> None:
    if track not in Decision.Track.values:
        raise DomainError("track_invalid", _("Choose the discipline or the ethics track."), field="track")
    if outcome not in Decision.Outcome.values:
        raise DomainError("outcome_invalid", _("Choose a sanction or a dismissal."), field="outcome")


def _guidance(case: Case, violations: list[ViolationType]) -> SanctionGuidance:
    return guidance_for_accused(case, [violation.code for violation in violations], on=clock.today())


def _refused(code: str, message: str) -> DomainError:
    return DomainError(code, message, field="sanction_code")


def _named(options: list[SanctionType]) -> str:
    """The sanctions a refusal names as allowed, by their names (a drafter reads no catalogue code)."""
    language = get_language() or "id"
    return "; ".join(option.localized_name(language) for option in options) or "—"


def _check_ethics(sanction: SanctionType, guidance: SanctionGuidance) -> None:
    if sanction not in guidance.ethics_options:
        raise _refused(
            "sanction_not_allowed",
            _("On the ethics track only the moral sanction may be imposed (allowed here: %(allowed)s).")
            % {"allowed": _named(guidance.ethics_options)},
        )


def _check_discipline(sanction: SanctionType, guidance: SanctionGuidance) -> None:
    allowed = _named(guidance.discipline_options)
    if sanction in guidance.discipline_options:
        return
    if sanction in guidance.excluded:
        message = _(
            "“%(sanction)s” is meaningless for the accused's position (an executor position already). Allowed: "
            "%(allowed)s."
        ) % {"sanction": sanction.name, "allowed": allowed}
    elif guidance.repeat_of is not None:
        message = _(
            "This is a repeat of a violation last sanctioned with %(last)s: the sanction must be heavier. "
            "Allowed: %(allowed)s."
        ) % {
            "last": guidance.repeat_of.sanction_name or guidance.repeat_of.sanction_code,
            "allowed": allowed,
        }
    else:
        message = _(
            "For the proven violations the sanction must be of the heaviest level (%(level)s). Allowed: %(allowed)s."
        ) % {
            "level": SanctionLevel(guidance.discipline_level).label if guidance.discipline_level else "—",
            "allowed": allowed,
        }
    raise _refused("sanction_not_allowed", message)


def validated_sanction(
    *, case: Case, track: str, outcome: str, sanction_code: str, violations: list[ViolationType]
) -> SanctionType | None:
    """The sanction type for the draft, after the catalogue's rules: the heaviest of several proven violations
    gives the level, a repeat must be heavier than the last one imposed, the ethics track allows the sanksi moral
    only, a dismissal (not proven) carries no sanction."""
    _check_choices(track, outcome)
    code = (sanction_code or "").strip().upper()
    if outcome == Decision.Outcome.DISMISSAL:
        if code:
            raise _refused("dismissal_has_no_sanction", _("A dismissal (violation not proven) imposes no sanction."))
        return None
    if not violations:
        raise DomainError(
            "violations_required", _("Name the proven violations (codes N01–N13)."), field="violation_codes"
        )
    if not code:
        raise _refused("sanction_required", _("Choose the sanction."))
    sanction = _sanction_type(code)
    guidance = _guidance(case, violations)
    if track == Decision.Track.ETHICS:
        _check_ethics(sanction, guidance)
    else:
        _check_discipline(sanction, guidance)
    return sanction


def check_no_other_live(case: Case, track: str) -> None:
    """No second sanction for the same violation: one live decision per case and track."""
    existing = Decision.objects.filter(case=case, track=track).exclude(status__in=DEAD_DECISION_STATUSES).first()
    if existing is not None:
        raise ConflictError(
            "decision_exists",
            _(
                "This case already has a decision on the %(track)s track (status “%(status)s”): no second sanction "
                "for the same violation. Correct or cancel that one instead."
            )
            % {"track": existing.get_track_display(), "status": existing.get_status_display()},
        )


def check_changed_sanction(decision: Decision, sanction: SanctionType | None, on: datetime.date) -> None:
    """A changed outcome imposes another sanction of the decision's track, in force and for the accused's type."""
    if sanction is None:
        raise DomainError("sanction_required", _("Choose the new sanction."), field="sanction")
    tracks = (
        {SanctionType.Track.ETHICS}
        if decision.track == Decision.Track.ETHICS
        else {SanctionType.Track.DISCIPLINE, SanctionType.Track.STATUTORY}
    )
    current = decision.sanction_type
    accused = decision.case.accused
    if (
        (current is not None and sanction.code == current.code)
        or sanction.track not in tracks
        or sanction.valid_from > on
        or (sanction.valid_to is not None and sanction.valid_to < on)
        or (accused is not None and sanction.employee_types and accused.employee_type not in sanction.employee_types)
    ):
        raise DomainError(
            "sanction_invalid",
            _("Choose a sanction of the same track other than the one imposed."),
            field="sanction",
        )
