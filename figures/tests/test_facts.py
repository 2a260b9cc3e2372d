"""The case facts the figures are read from, on the known world (figures/tests/world.py)."""

import datetime

from core.calendar import working_days_between
from figures.models import CaseFact


def _fact(world, key):
    return CaseFact.objects.get(case=world.cases[key])


def test_every_case_has_one_fact(world):
    assert CaseFact.objects.count() == 8
    assert CaseFact.objects.filter(agency=world.agency).count() == 7


def test_a_closed_sanctioned_case_carries_its_whole_story(world):
    fact = _fact(world, "c1")

    assert (fact.status, fact.is_open, fact.ended_on) == ("closed", False, datetime.date(2024, 12, 10))
    assert (fact.unit_id, fact.position_kind, fact.employee_type) == (world.units["education"].pk, "functional", "pns")
    assert (fact.channel, fact.election_id, fact.election_stage) == ("citizen", world.election.pk, "campaign")
    assert (fact.violation_codes, fact.violation_code, fact.social_media) == (",N02,N04,", "N02", True)
    assert (fact.decided_on, fact.delivered_on) == (datetime.date(2024, 11, 1), datetime.date(2024, 11, 5))
    assert (fact.in_effect, fact.executed, fact.served, fact.annulled) == (True, True, True, False)
    assert (fact.sanction_code, fact.sanction_level) == ("S1", "moderate")
    assert fact.first_received_on == datetime.date(2024, 10, 7)
    assert fact.days_to_decision == working_days_between(datetime.date(2024, 10, 7), datetime.date(2024, 11, 1))
    assert fact.days_to_delivery == working_days_between(datetime.date(2024, 11, 1), datetime.date(2024, 11, 5))


def test_the_working_days_are_those_of_the_core_calendar(world):
    # 7 Oct → 1 Nov 2024: 19 working days (no holiday in between); 15 → 20 Nov: 3.
    assert _fact(world, "c1").days_to_decision == 19
    assert _fact(world, "c2").days_to_delivery == 3


def test_objections_annulments_and_endings(world):
    assert _fact(world, "c2").objection == "objection:pending"
    assert _fact(world, "c2").executed is False
    annulled = _fact(world, "c7")
    assert (annulled.annulled, annulled.in_effect, annulled.decided_on) == (True, True, datetime.date(2024, 11, 20))
    not_proven = _fact(world, "c3")
    assert (not_proven.not_proven, not_proven.is_open, not_proven.ended_on) == (True, False, datetime.date(2024, 12, 1))
    assert _fact(world, "c6").ended_on == datetime.date(2024, 12, 6)
    assert _fact(world, "c4").is_open is True


def test_a_case_without_a_register_entry_has_no_unit(world):
    fact = _fact(world, "c5")

    assert (fact.unit_id, fact.position_kind, fact.channel, fact.violation_code) == (None, "", "diskominfo", "N05")
