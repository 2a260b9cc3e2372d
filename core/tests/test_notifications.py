import pytest
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_noop, override

from core.errors import NotFound
from core.models import Notification
from core.notifications import (
    notification_mark_read,
    notification_send,
    notification_text,
    notification_unread_count_cached,
    notifications_for_user,
)

pytestmark = pytest.mark.django_db

MESSAGE = gettext_noop("Notifications")


@pytest.fixture
def hendra():
    return get_user_model().objects.create_user("pemeriksa", password="x", first_name="Hendra")


@pytest.fixture
def yanti():
    return get_user_model().objects.create_user("verifikator", password="x", first_name="Yanti")


def test_sending_twice_with_the_same_dedup_key_keeps_one_notification(hendra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, created = notification_send(
            user=hendra, message="Case %(case)s", params={"case": "0001"}, url="/cases/1/", dedup_key="D7:1"
        )
        again, created_again = notification_send(user=hendra, message="Something else", dedup_key="D7:1")

    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert list(Notification.objects.values_list("message", "params", "url", "dedup_key")) == [
        ("Case %(case)s", {"case": "0001"}, "/cases/1/", "D7:1")
    ]
    assert notification_unread_count_cached(hendra) == 1


def test_notifications_without_a_key_are_never_deduplicated(hendra):
    notification_send(user=hendra, message="One")
    notification_send(user=hendra, message="One")

    assert Notification.objects.filter(user=hendra).count() == 2


def test_the_same_key_for_another_user_is_another_notification(hendra, yanti):
    notification_send(user=hendra, message="One", dedup_key="k")
    notification_send(user=yanti, message="One", dedup_key="k")

    assert sorted(Notification.objects.values_list("user__username", flat=True)) == ["pemeriksa", "verifikator"]


def test_the_text_is_translated_when_shown(hendra):
    notification, _ = notification_send(user=hendra, message=MESSAGE)

    with override("id"):
        assert notification_text(notification) == "Notifikasi"
    with override("en"):
        assert notification_text(notification) == "Notifications"


def test_marking_read_is_idempotent_and_limited_to_the_owner(hendra, yanti, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = notification_send(user=hendra, message="One")
        with pytest.raises(NotFound):
            notification_mark_read(user=yanti, notification_id=notification.pk)
        assert Notification.objects.get().read_at is None
        read = notification_mark_read(user=hendra, notification_id=notification.pk)
        again = notification_mark_read(user=hendra, notification_id=notification.pk)

    assert read.read_at is not None and again.read_at == read.read_at
    assert list(notifications_for_user(hendra, unread_only=True)) == []
    assert notification_unread_count_cached(hendra) == 0


def test_the_page_lists_only_the_users_own_notifications(client, hendra, yanti, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(user=hendra, message="Case %(case)s is due", params={"case": "0001/KASUS/2024"})
        notification_send(user=yanti, message="Case %(case)s is due", params={"case": "0099/KASUS/2024"})
    client.force_login(hendra)

    response = client.get("/notifications/", headers={"accept-language": "en"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Case 0001/KASUS/2024 is due" in content
    assert "0099/KASUS/2024" not in content
    assert 'aria-label="1 unread notification">1</span>' in content


def test_marking_read_from_the_page_clears_the_badge(client, hendra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification, _ = notification_send(user=hendra, message="One", url="/cases/1/")
    client.force_login(hendra)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/notifications/", {"read": notification.pk, "open": "1"})

    assert (response.status_code, response["Location"]) == (302, "/cases/1/")
    assert Notification.objects.get().read_at is not None
    assert (
        "unread notification" not in client.get("/notifications/", headers={"accept-language": "en"}).content.decode()
    )


def test_mark_all_read(client, hendra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(user=hendra, message="One")
        notification_send(user=hendra, message="Two")
    client.force_login(hendra)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/notifications/", {"read": "all"})

    assert response.status_code == 302
    assert Notification.objects.filter(read_at__isnull=True).count() == 0
    assert notification_unread_count_cached(hendra) == 0


def test_another_users_notification_cannot_be_marked_from_the_page(client, hendra, yanti):
    notification, _ = notification_send(user=yanti, message="One")
    client.force_login(hendra)

    response = client.post("/notifications/", {"read": notification.pk})

    assert response.status_code == 404
    assert Notification.objects.get().read_at is None


def test_an_external_link_is_not_followed(client, hendra):
    notification, _ = notification_send(user=hendra, message="One", url="https://evil.example/")
    client.force_login(hendra)

    response = client.post("/notifications/", {"read": notification.pk, "open": "1"})

    assert (response.status_code, response["Location"]) == (302, "/notifications/")


def test_the_page_needs_a_login(client):
    response = client.get("/notifications/")

    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_badge_costs_no_database_query(client, hendra, django_assert_num_queries):
    notification_send(user=hendra, message="One")
    client.force_login(hendra)

    with django_assert_num_queries(3):  # session, user, the user's roles (navigation); the count is cached
        response = client.get("/", headers={"accept-language": "en"})

    assert response.status_code == 200
