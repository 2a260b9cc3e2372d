"""Recording a criminal referral (to Gakkumdu or the police): Netra only records it, on the case's third track."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CRIMINAL_REFERRAL_RECORDED
from casework.models import CASE_LIFECYCLE, Case, CaseTrack
from casework.services.input_checks import required_text
from casework.services.locking import lock_case_for_actor


@transaction.atomic
def criminal_referral_record(
    *,
    case: Case,
    actor: Actor,
    referred_to: str,
    referred_on: datetime.date,
    note: str = "",
    expected_version: int | None = None,
) -> CaseTrack:
    """Record that criminal elements were referred; recording the same referral again changes nothing."""
    referred_to = required_text(referred_to, "referred_to", _("Say to whom the case was referred."))
    case = lock_case_for_actor(case, actor=actor)
    track = CaseTrack.objects.filter(case=case, track=CaseTrack.Track.CRIMINAL_REFERRAL).first()
    if track is not None and (track.referred_to, track.referred_on, track.note) == (referred_to, referred_on, note):
        return track
    CASE_LIFECYCLE.check_version(case, expected_version)
    track = track or CaseTrack(case=case, track=CaseTrack.Track.CRIMINAL_REFERRAL)
    track.status, track.referred_to, track.referred_on, track.note = (
        CaseTrack.Status.REFERRED,
        referred_to,
        referred_on,
        note,
    )
    track.full_clean(exclude=["case"])
    track.save()
    CASE_LIFECYCLE.save(case)
    CASE_LIFECYCLE.record(
        case,
        actor=actor,
        action=CRIMINAL_REFERRAL_RECORDED,
        reason=note,
        data={"referred_to": referred_to, "referred_on": referred_on.isoformat()},
    )
    return track
