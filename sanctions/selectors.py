"""Reads of decisions, scoped by who asks.

A decision is visible to whoever may see its case (casework.selectors: the agency's intake officers and
administrators, the case's examiners), to the official it is routed to (its competent official), and to the
staffing authority (PPK) of the agency once an objection or appeal has been filed against it (the PPK decides or
answers those), and to the official an objection was routed to (the superior of the official who decided).
Anything else is simply not found.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.actors import Actor, Viewer, is_account
from accounts.roles import Role
from casework import selectors as case_selectors
from casework.models import Case, Letter
from casework.permissions import sees_agency_cases
from sanctions.models import Decision, Objection, StaffingAuthority
from sanctions.sanction_guidance import SanctionGuidance, guidance_for_accused

# Letter kinds that belong to a decision (casework's registry; registered in sanctions.apps).
DECISION_LETTER_KINDS: frozenset[str] = frozenset(
    {"decision", "moral_statement", "objection_inadmissible", "objection_decision", "appeal_response", "bawaslu_reply"}
)


def _is_staffing_authority(user: Actor) -> Q:
    """The agencies for which `user` is an active staffing authority (PPK or a stand-in)."""
    agencies = StaffingAuthority.objects.filter(user_id=user.pk, is_active=True).values("agency_id")
    return Q(case__agency_id__in=agencies)


def decision_list_for_user(*, user: Viewer) -> QuerySet[Decision]:
    """Every decision `user` may open, newest first."""
    if not is_account(user) or not user.is_active:
        return Decision.objects.none()
    cases = case_selectors.case_list_for_user(user=user).values("pk")
    objected = Objection.objects.filter(decision_id=OuterRef("pk"))
    visible = Q(case_id__in=cases) | Q(competent_official_id=user.pk) | Q(Exists(objected.filter(decider_id=user.pk)))
    if user.has_role(Role.SANCTIONING_OFFICIAL):
        visible |= _is_staffing_authority(user) & Q(Exists(objected))
    return (
        Decision.objects.filter(visible)
        .select_related("case", "sanction_type", "competent_official", "letter")
        .order_by("-created_at", "-id")
    )


def decision_get_for_user(*, user: Viewer, decision_id: int) -> Decision | None:
    return (
        decision_list_for_user(user=user)
        .select_related("drafted_by", "reviewed_by", "signed_by", "previous", "authority_rule", "case__accused")
        .filter(pk=decision_id)
        .first()
    )


def decisions_awaiting_my_signature(*, user: Viewer) -> QuerySet[Decision]:
    """Decisions routed to `user` that wait for their signature (or their return, or a declared conflict)."""
    if not is_account(user):
        return Decision.objects.none()
    return (
        Decision.objects.filter(status=Decision.Status.AWAITING_SIGNATURE, competent_official_id=user.pk)
        .select_related("case", "sanction_type", "letter")
        .order_by("reviewed_at", "id")
    )


def decisions_awaiting_my_review(*, user: Viewer) -> QuerySet[Decision]:
    """Drafts submitted for review in `user`'s agency that `user` did not draft (only a second person reviews)."""
    if not is_account(user) or not sees_agency_cases(user) or user.agency_id is None:
        return Decision.objects.none()
    return (
        Decision.objects.filter(status=Decision.Status.IN_REVIEW, case__agency_id=user.agency_id)
        .exclude(drafted_by_id=user.pk)
        .select_related("case", "sanction_type", "letter", "drafted_by")
        .order_by("submitted_at", "id")
    )


def decision_reviewers(decision: Decision) -> list[Actor]:
    """Who may review the draft (sanctions.permissions.can_review_decision): the agency's active intake officers and
    administrators, not its drafter."""
    roles = [str(Role.INTAKE_OFFICER), str(Role.ADMINISTRATOR)]
    return list(
        get_user_model()
        .objects.filter(agency_id=decision.case.agency_id, is_active=True, groups__name__in=roles)
        .exclude(pk=decision.drafted_by_id)
        .distinct()
        .order_by("id")
    )


@dataclass(frozen=True)
class WaitingOn:
    """Whose move it is on a decision: what they must do and who they are."""

    step: str  # "submit" | "review" | "sign" | "objection"
    people: list[str]


def _names(users: Iterable[Actor | None]) -> list[str]:
    return [str(user.get_full_name() or user.get_username()) for user in users if user is not None]


def decision_waiting_on(decision: Decision) -> WaitingOn | None:
    """Who must act next on `decision` (None when nobody in Netra must: signed and delivered, an appeal)."""
    if decision.status == Decision.Status.DRAFT:
        return WaitingOn("submit", _names([decision.drafted_by]))
    if decision.status == Decision.Status.IN_REVIEW:
        return WaitingOn("review", _names(decision_reviewers(decision)))
    if decision.status == Decision.Status.AWAITING_SIGNATURE:
        return WaitingOn("sign", _names([decision.competent_official]))
    pending = decision.objections.filter(status=Objection.Status.PENDING, decider__isnull=False)
    deciders = [objection.decider for objection in pending.select_related("decider")]
    return WaitingOn("objection", _names(deciders)) if deciders else None


def objections_pending_for_user(*, user: Viewer) -> QuerySet[Objection]:
    """Pending objections and appeals against decisions `user` may see, the oldest filing first (their due dates are
    computed from the filing when shown, `Objection.due_on`)."""
    decisions = decision_list_for_user(user=user).values("pk")
    return (
        Objection.objects.filter(status=Objection.Status.PENDING, decision_id__in=decisions)
        .select_related("decision__case", "decision__sanction_type", "decision__letter", "remedy_rule")
        .order_by("filed_on", "id")
    )


def decision_versions(*, decision: Decision) -> list[Decision]:
    """Every version of the decision's chain (same case and track, linked by `previous`), newest first."""
    chain = Decision.objects.filter(case_id=decision.case_id, track=decision.track).select_related(
        "letter", "sanction_type", "signed_by"
    )
    by_previous = {version.previous_id: version for version in chain if version.previous_id}
    by_id = {version.pk: version for version in chain}
    first = decision
    while first.previous_id and first.previous_id in by_id:
        first = by_id[first.previous_id]
    versions = [first]
    while versions[-1].pk in by_previous:
        versions.append(by_previous[versions[-1].pk])
    return list(reversed(versions))


def decision_letters(*, decision: Decision) -> list[Letter]:
    """The letters of this decision version: the decision itself, its moral statement and the letters on its
    objections (the statement that one was late, the decision on it)."""
    ids: set[int] = set()
    if decision.letter_id:
        ids.add(decision.letter_id)
    ids.update(
        letter_id
        for letter_id in decision.objections.exclude(letter__isnull=True).values_list("letter_id", flat=True)
        if letter_id is not None
    )
    # Letters the decision requested without a field of their own (the moral statement, replies to Bawaslu)
    # carry the decision's id in their content snapshot.
    own = Q(context__decision_id=decision.pk) | Q(context__decision=decision.pk)
    ids.update(
        Letter.objects.filter(own, case_id=decision.case_id, kind__in=DECISION_LETTER_KINDS).values_list(
            "pk", flat=True
        )
    )
    return list(Letter.objects.filter(pk__in=ids).select_related("superseded_by").order_by("requested_at", "id"))


def decision_letter_for_user(*, user: Viewer, decision_id: int, letter_id: int) -> tuple[Decision, Letter] | None:
    """A letter of a decision `user` may see (and the decision), or None."""
    decision = decision_get_for_user(user=user, decision_id=decision_id)
    if decision is None:
        return None
    for letter in decision_letters(decision=decision):
        if letter.pk == letter_id:
            return decision, letter
    return None


def case_decisions(*, case: Case) -> QuerySet[Decision]:
    """The decisions of a case (every version), by track and newest version first."""
    return (
        Decision.objects.filter(case=case)
        .select_related("sanction_type", "letter", "competent_official")
        .order_by("track", "-version_number", "-id")
    )


def guidance_for_case(*, case: Case, violation_codes: list[str] | None = None) -> SanctionGuidance | None:
    """What the drafter may choose: sanction_guidance for the LHP's (or the given) violation codes, the accused's
    employee type, position and sanction history. None when there is nothing to go on (no proven violation)."""
    if violation_codes is None:
        report = getattr(case, "examination_report", None)
        violation_codes = [violation.code for violation in report.violation_types.all()] if report else []
    if not violation_codes:
        return None
    return guidance_for_accused(case, violation_codes)
