"""Deadline rules D1–D15 as data, checked against every date of docs/scenarios.md."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from core.calendar import add_working_days, deadline_for, working_days_between
from core.errors import DomainError, NotFound
from core.models import AuditEvent, DeadlineRule
from core.services import deadline_rule_save

pytestmark = pytest.mark.django_db

D = datetime.date.fromisoformat


@pytest.mark.parametrize(
    ("rule", "anchor", "expected"),
    [
        ("D6", "2024-10-28", "2024-10-17"),  # 1 Lebong: summons I for the examination of 28 Oct
        ("D6", "2024-01-15", "2024-01-04"),  # 2 Blitar: over Christmas cuti bersama and New Year
        ("D6", "2026-06-08", "2026-05-25"),  # 3: over Idul Adha, its cuti bersama and Pancasila day
        ("D7", "2024-01-15", "2024-01-24"),  # 2: summons II after the missed examination
        ("D8", "2024-11-20", "2024-12-11"),  # 1: over the Pilkada voting day
        ("D8", "2024-02-05", "2024-02-28"),  # 2: over 8-9 Feb and the Pemilu voting day
        ("D9", "2024-02-12", "2024-02-16"),  # 2: absent at delivery, decision sent
        ("D10", "2024-11-25", "2024-12-17"),  # 1: effective on the 15th working day after receipt
        ("D11", "2024-11-25", "2024-12-16"),  # 1: last day to object
        ("D11", "2026-07-06", "2026-07-24"),  # 3: objection window
        ("D12", "2026-07-20", "2026-08-19"),  # 3: the PPK decides the objection
    ],
)
def test_scenario_dates(rule, anchor, expected):
    assert deadline_for(rule, D(anchor)) == D(expected)


def test_d6_read_forward_gives_the_earliest_examination_date_of_summons_ii():
    """Scenario 2: summons II sent 2024-01-16 → examination on or after 2024-01-25."""
    rule = DeadlineRule.objects.get(code="D6")

    assert add_working_days(D("2024-01-16"), rule.count) == D("2024-01-25")
    assert working_days_between(D("2024-10-17"), D("2024-10-28")) == rule.count
    assert working_days_between(D("2024-10-18"), D("2024-10-28")) == rule.count - 1


def test_objection_window_closes_the_working_day_before_the_sanction_takes_effect():
    received = D("2024-11-25")

    assert add_working_days(deadline_for("D11", received), 1) == deadline_for("D10", received)


@pytest.mark.parametrize(("months", "expected"), [(6, "2025-06-17"), (9, "2025-09-17"), (12, "2025-12-17")])
def test_d15_end_of_sanction_takes_the_months_from_the_caller(months, expected):
    assert deadline_for("D15", D("2024-12-17"), count=months) == D(expected)


def test_d1_counts_calendar_days():
    assert deadline_for("D1", D("2024-02-09")) == D("2024-02-16")


def test_rule_codes_are_case_insensitive():
    assert deadline_for(" d6 ", D("2024-10-28")) == D("2024-10-17")


def test_d15_without_a_count_is_refused():
    with pytest.raises(DomainError) as raised:
        deadline_for("D15", D("2024-12-17"))

    assert (raised.value.code, raised.value.field) == ("deadline_count_required", "count")


def test_a_count_for_a_rule_with_a_fixed_count_is_refused():
    with pytest.raises(DomainError) as raised:
        deadline_for("D6", D("2024-10-28"), count=3)

    assert raised.value.code == "deadline_count_fixed"


def test_a_count_of_zero_is_refused():
    with pytest.raises(DomainError) as raised:
        deadline_for("D15", D("2024-12-17"), count=0)

    assert raised.value.code == "deadline_count_invalid"


def test_an_unknown_rule_is_not_found_and_the_known_codes_are_listed():
    with pytest.raises(NotFound) as raised:
        deadline_for("D99", D("2024-10-28"))

    assert raised.value.code == "deadline_rule_unknown"
    assert "D1, D10, D11, D12, D13, D14, D15, D16, D6, D7, D8, D9" in str(raised.value.message)


def test_a_rule_is_not_applied_before_its_regulation_was_in_force():
    with pytest.raises(DomainError) as raised:
        deadline_for("D6", D("2021-08-30"))

    assert raised.value.code == "deadline_rule_not_in_force"


def test_the_migration_loads_every_rule_with_its_legal_basis():
    rows = {
        rule.code: (rule.count, rule.unit, rule.direction, rule.needs_verification)
        for rule in DeadlineRule.objects.all()
    }

    assert rows == {
        "D1": (7, "calendar_days", "after", True),
        "D6": (7, "working_days", "before", True),
        "D7": (7, "working_days", "after", False),
        "D8": (14, "working_days", "after", True),
        "D9": (3, "working_days", "after", True),
        "D10": (15, "working_days", "after", True),
        "D11": (14, "working_days", "after", True),
        "D12": (21, "working_days", "after", True),
        "D13": (14, "working_days", "after", True),
        "D14": (21, "working_days", "after", True),
        "D15": (None, "months", "after", False),
        "D16": (10, "calendar_days", "after", True),
    }
    assert DeadlineRule.objects.get(code="D9").legal_basis == (
        "Peraturan BKN 6/2022 (pelaksanaan PP 94/2021), Pasal 49 ayat (8)"
    )
    assert DeadlineRule.objects.get(code="D12").regulation.startswith("PP 79/2021")
    assert DeadlineRule.objects.get(code="D6").anchor_en == "examination date"


def test_changing_a_rule_through_the_service_changes_the_deadline_and_is_audited():
    administrator = get_user_model().objects.create_superuser("root", "root@example.go.id", "netra-test-password")
    rule = DeadlineRule.objects.get(code="D8")
    rule.count = 10

    deadline_rule_save(actor=administrator, rule=rule, changed_fields=["count"])

    assert deadline_for("D8", D("2024-11-20")) == D("2024-12-05")
    event = AuditEvent.objects.get(action="deadline_rule_changed")
    assert (event.actor, event.target_type, event.target_id, event.data) == (
        administrator,
        "core.deadlinerule",
        rule.pk,
        {"count": 10},
    )


def test_an_invalid_rule_change_writes_nothing():
    rule = DeadlineRule.objects.get(code="D8")
    rule.unit = "fortnights"

    with pytest.raises(ValidationError) as raised:
        deadline_rule_save(actor=None, rule=rule, changed_fields=["unit"])

    assert list(raised.value.message_dict) == ["unit"]
    assert DeadlineRule.objects.get(code="D8").unit == "working_days"
    assert AuditEvent.objects.count() == 0
