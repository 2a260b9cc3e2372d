import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from core.audit import audit_record, audit_verify
from core.models import AuditEvent
from core.tests.conftest import act

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_audit_actions")]


@pytest.fixture
def target():
    return Group.objects.create(name="audit-target")


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.go.id", "netra-test-password")


def test_audit_record_stores_actor_target_transition_and_reason(target, superuser):
    event = audit_record(
        actor=superuser,
        action=act("group_rejected"),
        target=target,
        from_status="in_review",
        to_status="rejected",
        reason="Terlapor bukan ASN.",
        data={"channel": "citizen"},
    )

    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor, stored.actor_label, stored.action) == (superuser, "root", "group_rejected")
    assert (stored.target_type, stored.target_id) == ("auth.group", target.pk)
    assert (stored.from_status, stored.to_status, stored.reason) == ("in_review", "rejected", "Terlapor bukan ASN.")
    assert stored.data == {"channel": "citizen"}
    assert stored.previous_hash == ""
    assert len(stored.hash) == 64


def test_actor_label_for_a_citizen_an_office_and_the_system(target):
    citizen = audit_record(actor="citizen", action=act("group_received"), target=target)
    office = audit_record(actor="bawaslu:7", action=act("group_received"), target=target)
    system = audit_record(actor=None, action=act("deadline_checked"), target=target)

    assert [(event.actor_id, event.actor_label) for event in (citizen, office, system)] == [
        (None, "citizen"),
        (None, "bawaslu:7"),
        (None, "system"),
    ]


def test_events_form_a_hash_chain(target):
    first = audit_record(actor=None, action=act("one"), target=target)
    second = audit_record(actor=None, action=act("two"), target=target)
    third = audit_record(actor=None, action=act("three"), target=target)

    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    assert audit_verify() is None


def test_audit_verify_on_an_empty_trail_is_intact():
    assert audit_verify() is None


def test_audit_record_rolls_back_with_the_change_it_records(target):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=None, action=act("group_rejected"), target=target)
        raise RuntimeError("the change failed")

    assert AuditEvent.objects.count() == 0


def test_audit_event_admin_refuses_add_change_and_delete_even_to_a_superuser(client, target, superuser):
    client.force_login(superuser)
    event = audit_record(actor=superuser, action=act("group_rejected"), target=target, reason="Di luar wewenang")
    change_url = reverse("admin:core_auditevent_change", args=[event.pk])

    add = client.get(reverse("admin:core_auditevent_add"))
    change = client.post(change_url, {"reason": "rewritten", "action": "nothing"})
    delete = client.post(reverse("admin:core_auditevent_delete", args=[event.pk]), {"post": "yes"})
    page = client.get(change_url)
    changelist = client.get(reverse("admin:core_auditevent_changelist"))

    assert (add.status_code, change.status_code, delete.status_code) == (403, 403, 403)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert changelist.status_code == 200
    assert 'name="_selected_action"' not in changelist.content.decode()
    assert list(AuditEvent.objects.values_list("action", "reason")) == [("group_rejected", "Di luar wewenang")]
    assert audit_verify() is None


def test_audit_event_admin_bulk_delete_action_does_not_exist(client, target, superuser):
    client.force_login(superuser)
    event = audit_record(actor=None, action=act("one"), target=target)

    client.post(
        reverse("admin:core_auditevent_changelist"), {"action": "delete_selected", "_selected_action": [event.pk]}
    )

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_audit_event_admin_permissions_are_false_for_a_superuser(rf, superuser):
    from django.contrib import admin

    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/")
    request.user = superuser

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_delete_permission(request) is False
    assert model_admin.has_view_permission(request) is True
