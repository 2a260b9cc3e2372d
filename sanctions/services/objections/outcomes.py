"""What the outcome of an objection or appeal does to its decision, the same whoever decided it:

- upheld: a decision waiting for it (objected) takes effect on the day decided, its execution starting then; one
  already in effect (a late appeal) stays as it is;
- changed: a new version of the decision with the new sanction (sanctions.services.versions.decision_new_version,
  the one version builder), signed by the actor, in effect from the day decided; the old version and its letter are
  superseded and both stay verifiable;
- annulled: the decision is annulled, the reports' outcome becomes not proven (citing the act that annulled it), and
  the case may close.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.actors import Actor
from core.audit_registry import AuditAction
from sanctions.audit_actions import DECISION_ANNULLED, DECISION_EFFECTIVE
from sanctions.competent_official import BPASN_TITLE
from sanctions.models import DECISION_LIFECYCLE, Decision, Objection, SanctionType
from sanctions.services.decision_requirements import clean_terms
from sanctions.services.execution import after_effective, start_execution
from sanctions.services.outcome import case_close_if_final, decision_annulment_publish
from sanctions.services.sanction_rules import check_changed_sanction
from sanctions.services.versions import VersionContents, decision_new_version, require_issued_letter

_S = Decision.Status


@dataclass(frozen=True)
class NewVersion:
    """What a changed outcome's new version says beyond the decision it replaces: the sanction and its terms, who
    signs it (title), its date, from when it is in effect, and the acts it rests on (added to Memperhatikan)."""

    sanction: SanctionType | None
    title: str
    decision_date: datetime.date
    effective_on: datetime.date
    new_position: str = ""
    dismissal_date: datetime.date | None = None
    basis: list[dict[str, str]] = field(default_factory=list)


def changed_version(
    objection: Objection, *, actor: Actor, reason: str, version: NewVersion, action: AuditAction
) -> Decision:
    """The new version a changed outcome issues (the caller holds the locked decision and checked who acts)."""
    decision = objection.decision
    check_changed_sanction(decision, version.sanction, version.effective_on)
    assert version.sanction is not None
    terms = clean_terms(version.sanction, new_position=version.new_position, dismissal_date=version.dismissal_date)
    require_issued_letter(
        decision,
        _("The letter of decision %(number)s is still being prepared; decide again once it is issued.")
        % {"number": decision.number},
    )
    contents = VersionContents(
        outcome=Decision.Outcome.SANCTION,
        sanction=version.sanction,
        violations=list(decision.violation_types.all()),
        considerations=decision.considerations,
        references=[*decision.references, *version.basis],
        copies=list(decision.copies),
        authority_rule=decision.authority_rule,
        official_title=version.title,
        drafted_by=decision.drafted_by,
        decision_date=version.decision_date,
        effective_on=version.effective_on,
        new_position=terms.new_position,
        dismissal_date=terms.dismissal_date,
    )
    return decision_new_version(
        decision, actor=actor, reason=reason, contents=contents, action=action, data={"objection": objection.pk}
    )


def _take_effect(objection: Objection, *, actor: Actor, effective_on: datetime.date) -> None:
    decision = objection.decision
    if decision.status != _S.OBJECTED:
        return  # a late appeal against a decision already in effect: the ruling leaves it so
    fields = start_execution(decision, effective_on)
    data = {"objection": objection.pk, "effective_on": effective_on.isoformat(), "execution": decision.execution_status}
    DECISION_LIFECYCLE.transition(
        decision, to=_S.EFFECTIVE, actor=actor, action=DECISION_EFFECTIVE, data=data, fields=fields
    )
    after_effective(decision, actor=actor)


def apply_outcome(
    objection: Objection, *, actor: Actor, decided_on: datetime.date, reason: str, act_number: str
) -> None:
    """Upheld, changed or annulled (module docstring); `act_number`: the number of the act that decided it (the
    Keputusan on the objection, the BPASN's ruling), cited when the annulment is published."""
    decision = objection.decision
    if objection.outcome == Objection.Outcome.CHANGED:
        assert objection.new_decision is not None
        after_effective(objection.new_decision, actor=actor)
    elif objection.outcome == Objection.Outcome.UPHELD:
        _take_effect(objection, actor=actor, effective_on=decided_on)
    else:
        DECISION_LIFECYCLE.transition(
            decision, to=_S.ANNULLED, actor=actor, action=DECISION_ANNULLED, reason=reason,
            data={"objection": objection.pk},
        )  # fmt: skip
        appeal = objection.is_appeal
        decision_annulment_publish(
            decision=decision,
            decided_on=decided_on,
            decision_number=act_number,
            remedy="banding administratif" if appeal else "keberatan",
            by=BPASN_TITLE if appeal else "",
        )
        case_close_if_final(case=decision.case, actor=actor)
