"""Who works on a case: assigned examiners, and handing every open case over when an officer leaves."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_ASSIGNED, CASE_HANDED_OVER, OFFICER_HANDOVER
from casework.models import CASE_LIFECYCLE, Case, ExaminationTeamMember
from casework.notices import notify_case_assigned, pass_on_case_work
from casework.permissions import can_manage_case, is_examiner, sees_agency_cases
from casework.querysets import open_cases_of_officer
from casework.services.locking import lock_case_for_actor
from core.audit import audit_record
from core.errors import DomainError, PermissionDenied


def _check_examiners(case: Case, examiners: Sequence[Actor]) -> None:
    if any(not is_examiner(user) or user.agency_id != case.agency_id for user in examiners):
        raise DomainError(
            "not_an_examiner", _("Only examiners of the case's agency can be assigned."), field="examiners"
        )


@transaction.atomic
def case_assign(*, case: Case, actor: Actor, examiners: Sequence[Actor], expected_version: int | None = None) -> Case:
    """Set the examiners assigned to the case (they then see it); assigning the same people again changes nothing."""
    case = lock_case_for_actor(case, actor=actor, may=can_manage_case)
    wanted = {user.pk for user in examiners}
    current = set(case.assigned_examiners.values_list("pk", flat=True))
    if wanted == current:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    _check_examiners(case, examiners)
    case.assigned_examiners.set(examiners)
    CASE_LIFECYCLE.save(case)
    CASE_LIFECYCLE.record(
        case,
        actor=actor,
        action=CASE_ASSIGNED,
        data={"added": sorted(wanted - current), "removed": sorted(current - wanted)},
    )
    notify_case_assigned(case, [user for user in examiners if user.pk not in current])
    return case


def _check_handover(leaving_user: Actor, successor: Actor, actor: Actor) -> None:
    if not sees_agency_cases(actor) or leaving_user.agency_id != actor.agency_id:
        raise PermissionDenied("handover_not_permitted", _("You may not hand over this officer's cases."))
    if successor.pk == leaving_user.pk or not successor.is_active or successor.agency_id != leaving_user.agency_id:
        raise DomainError("successor_invalid", _("Choose an active officer of the same agency."), field="successor")
    if not is_examiner(successor):
        raise DomainError("not_an_examiner", _("The successor must be an examiner."), field="successor")


def _hand_over(case: Case, leaving_user: Actor, successor: Actor, actor: Actor) -> None:
    if case.assigned_examiners.filter(pk=leaving_user.pk).exists():
        case.assigned_examiners.remove(leaving_user)
        case.assigned_examiners.add(successor)
    ExaminationTeamMember.objects.filter(team__case=case, user=leaving_user).update(
        user=successor,
        name=successor.get_full_name() or successor.get_username(),
        nip=successor.nip,
        position_title=successor.position_title,
    )
    CASE_LIFECYCLE.save(case)
    CASE_LIFECYCLE.record(
        case,
        actor=actor,
        action=CASE_HANDED_OVER,
        data={"from": leaving_user.get_username(), "to": successor.get_username()},
    )
    pass_on_case_work(case, leaving_user, successor)


@transaction.atomic
def officer_handover(*, leaving_user: Actor, successor: Actor, actor: Actor) -> list[Case]:
    """Give every open case of an officer who leaves (assigned, or on the examination team) to `successor`.

    One audited action: an event on the officer and one on each case, so reminders follow the successor.
    """
    _check_handover(leaving_user, successor, actor)
    theirs = open_cases_of_officer(Case.objects.all(), leaving_user).values("pk")
    cases = list(Case.objects.select_for_update().filter(pk__in=theirs).order_by("pk"))
    for case in cases:
        _hand_over(case, leaving_user, successor, actor)
    if cases:
        audit_record(
            actor=actor,
            action=OFFICER_HANDOVER,
            target=leaving_user,
            data={"successor": successor.get_username(), "cases": [case.number for case in cases]},
        )
    return cases
