import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

from core.models import Notification
from core.notifications import notification_unread_count, notification_unread_count_cached, notifications_for_user
from core.work_item_mail import notification_email_send
from core.work_items import work_item_open, work_item_resolve, work_items_open_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

MESSAGE = "A decision on case %(case)s awaits your signature."


@pytest.fixture
def hendra():
    return get_user_model().objects.create_user("pemeriksa", password="x", email="hendra@example.com")


@pytest.fixture
def yanti():
    return get_user_model().objects.create_user("verifikator", password="x")


def _open(users, key="decision:7:sign"):
    return work_item_open(users=users, work_key=key, message=MESSAGE, params={"case": "0007"}, url="/decisions/7/")


@override_settings(NETRA_SITE_URL="http://testserver")
def test_opening_tells_each_active_user_once_and_emails_in_indonesian(
    hendra, yanti, django_capture_on_commit_callbacks
):
    gone = get_user_model().objects.create_user("pensiun", password="x", email="old@example.com", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        opened = _open([hendra, yanti, hendra, gone, None])
        again = _open([hendra, yanti])

    assert [item.user_id for item in opened] == [hendra.pk, yanti.pk] and again == []
    assert Notification.objects.filter(work_key="decision:7:sign").count() == 2
    assert [(m.to, m.subject) for m in mail.outbox] == [(["hendra@example.com"], "Netra: pekerjaan menunggu Anda")]
    assert mail.outbox[0].body == (
        "Keputusan atas perkara 0007 menunggu tanda tangan Anda.\n\nhttp://testserver/decisions/7/"
    )
    assert notification_unread_count_cached(hendra) == 1


@override_settings(NETRA_SITE_URL="http://testserver")
def test_resolving_hides_the_item_from_every_inbox_and_the_badge(hendra, yanti, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _open([hendra, yanti])
        _open([hendra], key="decision:8:sign")
        resolved = work_item_resolve(work_key="decision:7:sign")
        resolved_again = work_item_resolve(work_key="decision:7:sign")

    assert (resolved, resolved_again) == (2, 0)
    assert [n.work_key for n in notifications_for_user(hendra)] == ["decision:8:sign"]
    assert list(notifications_for_user(yanti)) == []
    assert (notification_unread_count_cached(hendra), notification_unread_count_cached(yanti)) == (1, 0)
    assert notification_unread_count(hendra) == 1
    assert work_items_open_for(work_key="decision:7:sign") == []
    assert work_items_open_for(work_key="decision:8:sign") == [hendra]


def test_work_that_comes_back_reopens_the_item_and_mails_again(hendra, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (first,) = _open([hendra])
    with django_capture_on_commit_callbacks(execute=True):
        work_item_resolve(work_key="decision:7:sign")
        (reopened,) = _open([hendra])

    assert reopened.pk == first.pk
    item = Notification.objects.get(pk=first.pk)
    assert (item.resolved_at, item.read_at) == (None, None) and item.emailed_at is not None
    assert len(mail.outbox) == 2


def test_the_email_task_is_safe_to_run_twice_and_skips_resolved_items(hendra, django_capture_on_commit_callbacks):
    (item,) = _open([hendra])  # no commit callbacks ran: nothing was sent yet

    assert (notification_email_send(item.pk), notification_email_send(item.pk)) == (True, False)
    assert len(mail.outbox) == 1

    (other,) = _open([hendra], key="report:3:triage")
    work_item_resolve(work_key="report:3:triage")
    assert notification_email_send(other.pk) is False
    assert notification_email_send(999999) is False
    assert len(mail.outbox) == 1


def test_a_user_without_an_address_gets_no_email(yanti, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (item,) = _open([yanti])

    assert notification_email_send(item.pk) is False
    assert mail.outbox == []


@pytest.mark.parametrize("items", [1, 12])
def test_the_inbox_page_shows_open_work_only_at_a_fixed_query_count(client, hendra, django_assert_num_queries, items):
    for n in range(items):
        _open([hendra], key=f"decision:{n}:sign")
    _open([hendra], key="decision:99:sign")
    work_item_resolve(work_key="decision:99:sign")
    client.force_login(hendra)

    # session, user, roles (navigation), the unread count, the page count, the page
    with django_assert_num_queries(6):
        response = client.get("/notifications/", headers={"accept-language": "id"})

    keys = [item["notification"].work_key for item in response.context["items"]]
    assert len(keys) == items and "decision:99:sign" not in keys
    assert response.content.decode().count("menunggu tanda tangan Anda") == items
