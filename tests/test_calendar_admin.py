"""The administrator role (not a superuser) keeps the calendar and the deadline rules in the admin; others cannot."""

import datetime

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import IntakeOfficerFactory, UserFactory
from core.models import AuditEvent, DayOff, DeadlineRule
from core.services import day_off_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(username="administrator", is_staff=True, roles=[Role.ADMINISTRATOR])


@pytest.fixture
def day_off(administrator):
    return day_off_add(
        actor=administrator,
        date=datetime.date(2024, 10, 21),
        name="Hari jadi Kabupaten Lebong",
        legal_basis="Keputusan Bupati Lebong Nomor 100/45/2024",
    )


def test_administrator_opens_the_calendar_and_rule_pages(client, administrator, day_off):
    client.force_login(administrator)
    rule = DeadlineRule.objects.get(code="D6")

    statuses = [
        client.get(reverse("admin:core_dayoff_changelist")).status_code,
        client.get(reverse("admin:core_dayoff_add")).status_code,
        client.get(reverse("admin:core_dayoff_change", args=[day_off.pk])).status_code,
        client.get(reverse("admin:core_deadlinerule_changelist")).status_code,
        client.get(reverse("admin:core_deadlinerule_add")).status_code,
        client.get(reverse("admin:core_deadlinerule_change", args=[rule.pk])).status_code,
    ]

    assert statuses == [200] * 6


def test_administrator_removes_a_calendar_change_through_the_audited_service(client, administrator, day_off):
    client.force_login(administrator)

    response = client.post(reverse("admin:core_dayoff_delete", args=[day_off.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert DayOff.objects.count() == 0
    assert list(AuditEvent.objects.values_list("action", "actor")) == [
        ("day_off_added", administrator.pk),
        ("day_off_removed", administrator.pk),
    ]


def test_administrator_cannot_delete_a_deadline_rule(client, administrator):
    client.force_login(administrator)
    rule = DeadlineRule.objects.get(code="D6")

    response = client.post(reverse("admin:core_deadlinerule_delete", args=[rule.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert DeadlineRule.objects.filter(code="D6").exists()


def test_intake_officer_with_staff_status_cannot_change_the_calendar(client, day_off):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    add = client.get(reverse("admin:core_dayoff_add"))
    delete = client.post(reverse("admin:core_dayoff_delete", args=[day_off.pk]), {"post": "yes"})
    rule = client.get(reverse("admin:core_deadlinerule_changelist"))

    assert (add.status_code, delete.status_code, rule.status_code) == (403, 403, 403)
    assert DayOff.objects.count() == 1
    assert AuditEvent.objects.count() == 1
