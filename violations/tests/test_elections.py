import datetime

import pytest
from django.utils import translation

from accounts.tests.factories import UserFactory
from core.audit_registry import action_label
from core.errors import ConflictError, DomainError
from core.models import AuditEvent
from violations.models import Election
from violations.services.elections import election_create

pytestmark = pytest.mark.django_db


def test_election_create_stores_the_election_with_its_dates_and_audits_it():
    admin = UserFactory(username="admin")

    election = election_create(
        name="Pilkada 2024 Kabupaten Lebong",
        kind=Election.Kind.PILKADA,
        year=2024,
        region="Kabupaten Lebong",
        campaign_start=datetime.date(2024, 9, 25),
        campaign_end=datetime.date(2024, 11, 23),
        voting_day=datetime.date(2024, 11, 27),
        actor=admin,
    )

    stored = Election.objects.get(pk=election.pk)
    assert (stored.name, stored.kind, stored.year, stored.region) == (
        "Pilkada 2024 Kabupaten Lebong",
        "pilkada",
        2024,
        "Kabupaten Lebong",
    )
    assert (stored.campaign_start, stored.campaign_end, stored.voting_day) == (
        datetime.date(2024, 9, 25),
        datetime.date(2024, 11, 23),
        datetime.date(2024, 11, 27),
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.target_type, event.target_id, event.actor, event.data) == (
        "election_created",
        "violations.election",
        election.pk,
        admin,
        {"name": "Pilkada 2024 Kabupaten Lebong", "kind": "pilkada", "year": 2024},
    )


def test_an_election_whose_dates_are_not_decreed_yet_is_stored_without_them():
    election = election_create(name="Pemilu 2029", kind=Election.Kind.PEMILU, year=2029, region="Nasional")

    stored = Election.objects.get(pk=election.pk)
    assert (stored.campaign_start, stored.campaign_end, stored.voting_day) == (None, None, None)
    assert AuditEvent.objects.get().actor_label == "system"


def test_election_create_refuses_a_name_in_use_and_writes_nothing():
    election_create(name="Pemilu 2024", kind=Election.Kind.PEMILU, year=2024)

    with pytest.raises(ConflictError) as raised:
        election_create(name="PEMILU 2024", kind=Election.Kind.PEMILU, year=2024)

    assert raised.value.code == "election_exists"
    assert Election.objects.count() == 1
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "end", "voting"),
    [
        (datetime.date(2024, 11, 23), datetime.date(2024, 9, 25), datetime.date(2024, 11, 27)),
        (datetime.date(2024, 9, 25), datetime.date(2024, 11, 28), datetime.date(2024, 11, 27)),
        (None, datetime.date(2024, 11, 28), datetime.date(2024, 11, 27)),
    ],
)
def test_election_create_refuses_dates_out_of_order_and_writes_nothing(start, end, voting):
    with pytest.raises(DomainError) as raised:
        election_create(
            name="Pilkada 2024", kind="pilkada", year=2024, campaign_start=start, campaign_end=end, voting_day=voting
        )

    assert (raised.value.code, raised.value.field) == ("election_dates_out_of_order", "campaign_end")
    assert Election.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_the_election_action_reads_in_both_languages():
    with translation.override("en"):
        assert action_label("election_created") == "Election created"
    with translation.override("id"):
        assert action_label("election_created") == "Pemilihan dibuat"
