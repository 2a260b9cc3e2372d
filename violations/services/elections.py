"""Elections: the Pemilu and Pilkada whose campaigns give a violation its context (its election stage)."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from core.audit import audit_record
from core.errors import ConflictError, DomainError
from violations.audit_actions import ELECTION_CREATED
from violations.models import Election


def _check_dates(
    campaign_start: datetime.date | None, campaign_end: datetime.date | None, voting_day: datetime.date | None
) -> None:
    known = [day for day in (campaign_start, campaign_end, voting_day) if day is not None]
    if known != sorted(known):
        raise DomainError(
            "election_dates_out_of_order",
            _("The campaign must start before it ends and end before the voting day."),
            field="campaign_end",
        )


@transaction.atomic
def election_create(
    *,
    name: str,
    kind: str,
    year: int,
    region: str = "",
    campaign_start: datetime.date | None = None,
    campaign_end: datetime.date | None = None,
    voting_day: datetime.date | None = None,
    actor: Actor | None = None,
) -> Election:
    """Create an election; its dates may be left empty until they are decreed.

    Refuses a name in use and dates out of order (campaign start ≤ campaign end ≤ voting day); nothing is written
    then. Writes an audit event.
    """
    if Election.objects.filter(name__iexact=name).exists():
        raise ConflictError("election_exists", _("An election named “%(name)s” exists.") % {"name": name})
    _check_dates(campaign_start, campaign_end, voting_day)
    election = Election(
        name=name,
        kind=kind,
        year=year,
        region=region,
        campaign_start=campaign_start,
        campaign_end=campaign_end,
        voting_day=voting_day,
    )
    election.full_clean()
    election.save(force_insert=True)
    audit_record(
        actor=actor,
        action=ELECTION_CREATED,
        target=election,
        data={"name": name, "kind": kind, "year": year},
    )
    return election
