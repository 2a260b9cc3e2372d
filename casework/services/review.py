"""The review (telaah) of a case: the probable level and the tracks, and raising the level during the examination.

Each service locks the case (casework.services.locking), returns at once if the case is already where it was asked
to go, refuses a stale `expected_version` (ConflictError) or a move CASE_TRANSITIONS forbids (TransitionNotAllowed),
and moves the case through CASE_LIFECYCLE with one audit event in the same transaction. The examination team the
review may call for is formed in casework.services.team.

A heavy sanction requires an examination by a team (docs/legal-basis.md §4.3), whatever the first review guessed.
Our reading when the level becomes heavy on a case summoned or examined without a team: the summonses and the
examination already held stay on record as evidence but are no longer a basis (set aside); the case goes back to
the review, the team is formed, and the summons and the examination are held again under it.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_PROBABLE_LEVEL_RAISED, CASE_REVIEW_STARTED
from casework.models import CASE_LIFECYCLE, Case, CaseTrack, ProbableLevel, SetAside, case_transition_refused
from casework.services.input_checks import required_text
from casework.services.locking import lock_case_for_actor
from casework.services.setting_aside import steps_set_aside
from core.errors import ConflictError, DomainError

_S = Case.Status
REVIEW_TRACKS = (CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE)


def _chosen_tracks(probable_level: str, tracks: Sequence[str]) -> list[str]:
    if probable_level not in ProbableLevel.values:
        raise DomainError("probable_level_invalid", _("Choose the probable level."), field="probable_level")
    chosen = list(dict.fromkeys(tracks))
    if not chosen or any(track not in REVIEW_TRACKS for track in chosen):
        raise DomainError("tracks_invalid", _("Choose the ethics track, the discipline track or both."), field="tracks")
    return chosen


@transaction.atomic
def case_start_review(
    *,
    case: Case,
    actor: Actor,
    probable_level: str,
    tracks: Sequence[str],
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Start the review (telaah): record the probable level and the tracks (ethics and/or discipline) it follows."""
    chosen = _chosen_tracks(probable_level, tracks)
    case = lock_case_for_actor(case, actor=actor)
    if case.status == _S.UNDER_REVIEW:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    if case.status != _S.REGISTERED:  # back to under_review only by raising the level (below)
        raise case_transition_refused(case, _S.UNDER_REVIEW)
    case.probable_level, case.review_note = probable_level, note.strip()
    CASE_LIFECYCLE.transition(
        case,
        to=_S.UNDER_REVIEW,
        actor=actor,
        action=CASE_REVIEW_STARTED,
        reason=case.review_note,
        data={"probable_level": probable_level, "tracks": chosen},
        fields=("probable_level", "review_note"),
    )
    CaseTrack.objects.bulk_create([CaseTrack(case=case, track=track) for track in chosen])
    return case


# While the examination is under way (before its report), the level may be raised.
_RAISE_STATUSES = frozenset({_S.UNDER_REVIEW, _S.TEAM_FORMED, _S.SUMMONED, _S.EXAMINED, _S.ABSENT_TWICE})
_HELD_STATUSES = frozenset({_S.SUMMONED, _S.EXAMINED, _S.ABSENT_TWICE})
_ORDER = list(ProbableLevel.values)


def _check_raise(case: Case, probable_level: str) -> None:
    if case.status not in _RAISE_STATUSES:
        raise ConflictError(
            "probable_level_not_now",
            _("The probable level is raised during the examination, before its report (LHP) is written."),
        )
    current = _ORDER.index(case.probable_level) if case.probable_level in _ORDER else -1
    if _ORDER.index(probable_level) <= current:
        raise DomainError(
            "probable_level_not_higher",
            _("The probable level can only be raised: it is “%(level)s” now.")
            % {"level": case.get_probable_level_display()},
            field="probable_level",
        )


@transaction.atomic
def case_raise_probable_level(
    *, case: Case, actor: Actor, probable_level: str, reason: str, expected_version: int | None = None
) -> Case:
    """Raise the probable level during the examination, with the reason (audited; never lowered).

    Raised to heavy on a case summoned or examined without an examination team, the summonses and the examination
    are set aside (kept as evidence, no longer a basis) and the case goes back to `under_review`, where the team is
    formed and the accused summoned and examined again under it (see the module docstring).
    """
    if probable_level not in ProbableLevel.values:
        raise DomainError("probable_level_invalid", _("Choose the probable level."), field="probable_level")
    reason = required_text(reason, "reason", _("Give the reason for raising the probable level."))
    case = lock_case_for_actor(case, actor=actor)
    if case.probable_level == probable_level:
        return case
    CASE_LIFECYCLE.check_version(case, expected_version)
    _check_raise(case, probable_level)
    data: dict[str, object] = {"from": case.probable_level, "to": probable_level}
    case.probable_level = probable_level
    if probable_level == ProbableLevel.HEAVY and case.status in _HELD_STATUSES and not case.has_examination_team():
        data["set_aside"] = steps_set_aside(case, why=SetAside.Why.HEAVY_WITHOUT_TEAM, reason=reason)
        return CASE_LIFECYCLE.transition(
            case,
            to=_S.UNDER_REVIEW,
            actor=actor,
            action=CASE_PROBABLE_LEVEL_RAISED,
            reason=reason,
            data=data,
            fields=("probable_level",),
        )
    CASE_LIFECYCLE.record(
        case, actor=actor, action=CASE_PROBABLE_LEVEL_RAISED, reason=reason, data=data, fields=("probable_level",)
    )
    return case
