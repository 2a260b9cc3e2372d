"""Administrators change the calendar through core.services: audited, and every deadline follows at once."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from core.calendar import deadline_for, is_working_day, overrides_cache_key
from core.errors import ConflictError, DomainError
from core.models import AuditEvent, DayOff, DeadlineRule
from core.services import day_off_add, day_off_remove

pytestmark = pytest.mark.django_db

D = datetime.date.fromisoformat
BASIS = "Keputusan Bupati Lebong Nomor 100.3.3.2/45/2024"


@pytest.fixture
def administrator():
    return get_user_model().objects.create_superuser("root", "root@example.go.id", "netra-test-password")


def test_a_regional_holiday_shifts_a_deadline_and_is_audited(administrator):
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-17")

    day_off = day_off_add(
        actor=administrator, date=D("2024-10-21"), name="Hari jadi Kabupaten Lebong", legal_basis=BASIS
    )

    assert is_working_day(D("2024-10-21")) is False
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-16")
    assert (day_off.kind, day_off.created_by) == (DayOff.Kind.DAY_OFF, administrator)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_type, event.target_id) == (
        "day_off_added",
        administrator,
        "core.dayoff",
        day_off.pk,
    )
    assert event.data == {
        "date": "2024-10-21",
        "name": "Hari jadi Kabupaten Lebong",
        "kind": "day_off",
        "legal_basis": BASIS,
    }


def test_removing_the_regional_holiday_restores_the_deadline_and_is_audited(administrator):
    day_off = day_off_add(actor=administrator, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-16")

    day_off_remove(actor=administrator, day_off=day_off, reason="Entered for the wrong year.")

    assert DayOff.objects.count() == 0
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-17")
    assert list(AuditEvent.objects.values_list("action", "reason")) == [
        ("day_off_added", ""),
        ("day_off_removed", "Entered for the wrong year."),
    ]


def test_working_a_national_holiday_gives_the_day_back(administrator):
    day_off_add(
        actor=administrator,
        date=D("2024-11-27"),
        name="Pemungutan suara Pilkada (tidak diliburkan)",
        kind=DayOff.Kind.WORKING_DAY,
        legal_basis="Surat Edaran Bupati Nomor 800/12/2024",
    )

    assert is_working_day(D("2024-11-27")) is True
    assert deadline_for("D8", D("2024-11-20")) == D("2024-12-10")


def test_a_day_off_in_another_year_does_not_touch_this_year(administrator):
    day_off_add(actor=administrator, date=D("2025-10-21"), name="Hari jadi", legal_basis=BASIS)

    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-17")
    assert deadline_for("D7", D("2025-10-20")) == D("2025-10-30")


def test_adding_the_same_day_again_is_a_no_op(administrator):
    first = day_off_add(actor=administrator, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)

    again = day_off_add(actor=administrator, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)

    assert again.pk == first.pk
    assert (DayOff.objects.count(), AuditEvent.objects.count()) == (1, 1)


def test_a_second_change_of_another_kind_on_the_same_date_is_a_conflict(administrator):
    day_off_add(actor=administrator, date=D("2024-11-27"), name="Libur", legal_basis=BASIS)

    with pytest.raises(ConflictError) as raised:
        day_off_add(
            actor=administrator, date=D("2024-11-27"), name="Masuk", kind=DayOff.Kind.WORKING_DAY, legal_basis=BASIS
        )

    assert raised.value.code == "day_off_exists"
    assert (DayOff.objects.count(), AuditEvent.objects.count()) == (1, 1)


@pytest.mark.parametrize(
    ("day", "kind", "code"),
    [
        ("2024-10-26", DayOff.Kind.DAY_OFF, "day_off_weekend"),
        ("2024-10-27", DayOff.Kind.WORKING_DAY, "day_off_weekend"),
        ("2024-10-21", DayOff.Kind.WORKING_DAY, "day_off_not_a_holiday"),
    ],
)
def test_changes_that_change_nothing_are_refused_and_nothing_is_written(administrator, day, kind, code):
    with pytest.raises(DomainError) as raised:
        day_off_add(actor=administrator, date=D(day), name="Libur", kind=kind, legal_basis=BASIS)

    assert (raised.value.code, raised.value.field) == (code, "date")
    assert (DayOff.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_administrator_adds_a_day_off_in_the_admin_through_the_service(client, administrator):
    client.force_login(administrator)

    response = client.post(
        reverse("admin:core_dayoff_add"),
        {"date": "2024-10-21", "kind": "day_off", "name": "Hari jadi Kabupaten Lebong", "legal_basis": BASIS},
    )

    assert response.status_code == 302
    day_off = DayOff.objects.get()
    assert day_off.created_by == administrator
    assert AuditEvent.objects.get().action == "day_off_added"
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-16")


def test_the_admin_refuses_a_weekend_and_writes_nothing(client, administrator):
    client.force_login(administrator)

    response = client.post(
        reverse("admin:core_dayoff_add"),
        {"date": "2024-10-26", "kind": "day_off", "name": "Sabtu", "legal_basis": BASIS},
    )

    assert response.status_code == 200
    assert "2024-10-26" in response.context["adminform"].form.errors["date"][0]
    assert (DayOff.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_administrator_deletes_a_day_off_in_the_admin_through_the_service(client, administrator):
    day_off = day_off_add(actor=administrator, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)
    client.force_login(administrator)

    response = client.post(reverse("admin:core_dayoff_delete", args=[day_off.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert DayOff.objects.count() == 0
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["day_off_added", "day_off_removed"]


def test_a_day_off_cannot_be_edited_in_the_admin_only_removed(client, administrator):
    day_off = day_off_add(actor=administrator, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)
    client.force_login(administrator)

    response = client.post(
        reverse("admin:core_dayoff_change", args=[day_off.pk]),
        {"date": "2024-10-22", "kind": "day_off", "name": "Hari jadi", "legal_basis": BASIS},
    )

    assert response.status_code == 403
    assert DayOff.objects.get().date == D("2024-10-21")


def test_administrator_changes_a_deadline_rule_in_the_admin_and_it_is_audited(client, administrator):
    rule = DeadlineRule.objects.get(code="D9")
    client.force_login(administrator)
    page = client.get(reverse("admin:core_deadlinerule_change", args=[rule.pk]))
    data = {key: value for key, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update({"count": "5", "valid_from": "2021-08-31", "needs_verification": "on"})

    response = client.post(reverse("admin:core_deadlinerule_change", args=[rule.pk]), data)

    assert response.status_code == 302
    assert deadline_for("D9", D("2024-02-12")) == D("2024-02-20")
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == ("deadline_rule_changed", {"count": 5})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_reaches_a_calendar_already_cached_and_a_rolled_back_change_never_does():
    user = get_user_model().objects.create_superuser("root2", "root2@example.go.id", "netra-test-password")
    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-17")
    assert cache.get(overrides_cache_key(2024)) == {"off": [], "work": []}

    with pytest.raises(RuntimeError), transaction.atomic():
        day_off_add(actor=user, date=D("2024-10-22"), name="Dibatalkan", legal_basis=BASIS)
        assert deadline_for("D6", D("2024-10-28")) == D("2024-10-16")
        raise RuntimeError("rolled back")

    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-17")
    assert cache.get(overrides_cache_key(2024)) == {"off": [], "work": []}

    day_off_add(actor=user, date=D("2024-10-21"), name="Hari jadi", legal_basis=BASIS)

    assert deadline_for("D6", D("2024-10-28")) == D("2024-10-16")
    assert cache.get(overrides_cache_key(2024)) == {"off": ["2024-10-21"], "work": []}
