"""The demo's elections (Pilkada 2024 Kabupaten Lebong, Pemilu 2024, Pemilu 2029), created by their service."""

import datetime

from demo.context import DemoResult
from demo.data.elections import ELECTIONS
from violations.models import Election
from violations.services.elections import election_create


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def elections_ensure(result: DemoResult) -> dict[str, Election]:
    """The elections by their demo key; an election is found by its name."""
    existing = {
        election.name: election for election in Election.objects.filter(name__in=[e[0] for e in ELECTIONS.values()])
    }
    elections: dict[str, Election] = {}
    for key, (name, kind, year, region, start, end, voting) in ELECTIONS.items():
        election = existing.get(name)
        if election is None:
            election = election_create(
                name=name,
                kind=kind,
                year=year,
                region=region,
                campaign_start=_date(start),
                campaign_end=_date(end),
                voting_day=_date(voting),
            )
            result.created["elections"] += 1
        elections[key] = election
    return elections
