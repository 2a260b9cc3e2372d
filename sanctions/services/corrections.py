"""Correcting a signed decision: the official who signed it issues a corrected version, signed at once
(sanctions.services.versions); the old version and its letter are superseded and both stay verifiable."""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core import clock
from core.errors import PermissionDenied, TransitionNotAllowed
from sanctions.audit_actions import DECISION_CORRECTED
from sanctions.competent_official import route_decision
from sanctions.models import CORRECTABLE_STATUSES, DECISION_LIFECYCLE, AuthorityRule, Decision, SanctionType
from sanctions.permissions import can_correct_decision
from sanctions.services.decision_contents import clean_copies, clean_references
from sanctions.services.decision_requirements import (
    Terms,
    check_decision_date,
    check_examination_team,
    clean_terms,
    departs_from_lhp,
)
from sanctions.services.preconditions import required_text
from sanctions.services.sanction_rules import validated_sanction, violation_types_for
from sanctions.services.versions import VersionContents, decision_new_version, require_issued_letter


def _lock_for_correction(decision: Decision, actor: Actor) -> Decision:
    decision = DECISION_LIFECYCLE.lock(decision)
    if not can_correct_decision(actor, decision):
        raise PermissionDenied(
            "decision_correct_not_permitted", _("Only the official who signed the decision may correct it.")
        )
    return decision


def _same_correction(old: Decision, actor: Actor, reason: str) -> Decision | None:
    """The version this very correction already issued (a form sent twice), if any."""
    if old.status != Decision.Status.SUPERSEDED:
        return None
    newer = Decision.objects.filter(previous=old).first()
    if newer is not None and newer.signed_by_id == actor.pk and newer.correction_reason == reason.strip():
        return newer
    return None


def _check_correctable(old: Decision) -> None:
    if old.status not in CORRECTABLE_STATUSES:
        raise TransitionNotAllowed(
            "decision_not_correctable",
            _("Only a signed decision can be corrected (this one is “%(status)s”).")
            % {"status": old.get_status_display()},
        )
    DECISION_LIFECYCLE.check_transition(old, Decision.Status.SUPERSEDED)
    require_issued_letter(
        old, _("The letter of this decision is still being prepared; correct it once it has been issued.")
    )


def _rule_for_corrector(
    old: Decision, outcome: str, sanction: SanctionType | None, actor: Actor
) -> AuthorityRule | None:
    """Another sanction may need another official (the authority table): the corrector must still be competent."""
    probe = Decision(case=old.case, track=old.track, outcome=outcome, sanction_type=sanction)
    routing = route_decision(probe)
    if routing.official is None or routing.official.pk != actor.pk:
        raise PermissionDenied(
            "decision_correct_other_official",
            _("For the corrected sanction %(title)s is the competent official: draft a new decision instead.")
            % {"title": routing.title},
        )
    return routing.rule


def _corrected_contents(
    old: Decision,
    actor: Actor,
    *,
    outcome: str | None,
    sanction_code: str | None,
    violation_codes: Sequence[str] | None,
    considerations: str | None,
    references: list[dict[str, str]] | None,
    copies: list[str] | None,
    decision_date: datetime.date | None,
    terms: Terms | None,
    reason: str,
) -> VersionContents:
    """What the corrected version says: what was given, the rest as the old version has it. A corrected sanction
    keeps the rules of a new one (team, terms, dates); the correction's reason is its reason for departing from the
    LHP."""
    violations = (
        violation_types_for(violation_codes) if violation_codes is not None else list(old.violation_types.all())
    )
    new_outcome = outcome or old.outcome
    old_code = old.sanction_type.code if old.sanction_type else ""
    if sanction_code is None:
        sanction_code = old_code if new_outcome == old.outcome else ""
    unchanged = new_outcome == old.outcome and sanction_code == old_code
    sanction = (
        old.sanction_type
        if unchanged and violation_codes is None
        else validated_sanction(
            case=old.case, track=old.track, outcome=new_outcome, sanction_code=sanction_code, violations=violations
        )
    )
    check_examination_team(old.case, sanction)
    given = terms or Terms(new_position=old.new_position, dismissal_date=old.dismissal_date)
    terms = clean_terms(sanction, new_position=given.new_position, dismissal_date=given.dismissal_date)
    signed_on = decision_date or clock.today()
    check_decision_date(old.case, signed_on, terms.dismissal_date)
    departs = departs_from_lhp(old.case, track=old.track, outcome=new_outcome, sanction=sanction)
    return VersionContents(
        outcome=new_outcome,
        sanction=sanction,
        violations=violations,
        considerations=considerations.strip() if considerations is not None else old.considerations,
        references=clean_references(references) if references is not None else old.references,
        copies=clean_copies(copies) if copies is not None else old.copies,
        authority_rule=old.authority_rule if unchanged else _rule_for_corrector(old, new_outcome, sanction, actor),
        official_title=old.competent_official_title,
        drafted_by=actor,
        decision_date=signed_on,
        new_position=terms.new_position,
        dismissal_date=terms.dismissal_date,
        sanction_change_reason=(old.sanction_change_reason if unchanged else reason) if departs else "",
    )


@transaction.atomic
def decision_correct(
    *,
    decision: Decision,
    actor: Actor,
    reason: str,
    expected_version: int | None = None,
    outcome: str | None = None,
    sanction_code: str | None = None,
    violation_codes: Sequence[str] | None = None,
    considerations: str | None = None,
    references: list[dict[str, str]] | None = None,
    copies: list[str] | None = None,
    decision_date: datetime.date | None = None,
    new_position: str | None = None,
    dismissal_date: datetime.date | None = None,
) -> Decision:
    """Issue a corrected version of a signed decision, signed at once by the official; the old one (and its letter)
    is superseded, both stay verifiable. Sending the same correction twice returns the version it issued.
    `new_position` and `dismissal_date` (None: as the old version has them). Returns the new version."""
    old = _lock_for_correction(decision, actor)
    repeated = _same_correction(old, actor, reason)
    if repeated is not None:
        return repeated
    DECISION_LIFECYCLE.check_version(old, expected_version)
    reason = required_text(reason, "reason", _("Give the reason for the correction."))
    _check_correctable(old)
    contents = _corrected_contents(
        old,
        actor,
        outcome=outcome,
        sanction_code=sanction_code,
        violation_codes=violation_codes,
        considerations=considerations,
        references=references,
        copies=copies,
        decision_date=decision_date,
        terms=None
        if new_position is None and dismissal_date is None
        else Terms(
            new_position=old.new_position if new_position is None else new_position,
            dismissal_date=dismissal_date or old.dismissal_date,
        ),
        reason=reason,
    )
    return decision_new_version(old, actor=actor, reason=reason, contents=contents, action=DECISION_CORRECTED)
