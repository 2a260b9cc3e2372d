import datetime
from typing import Any

import pytest
from django.core import mail

from accounts.models import User
from accounts.tests.factories import CivilServantFactory
from casework import tasks
from casework.models import Case, Summons
from casework.reminders import deadline_reminders_send
from casework.tests.conftest import at
from casework.tests.deadline_helpers import add_summons, summoned_case, superior_with_account
from core import clock
from core.models import Notification

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def people(principal: Any, examiner_user: Any) -> dict[str, Any]:
    """The examiner (whose own superior has an account) and the accused's direct superior (with an account)."""
    kabid_servant, kabid = superior_with_account(name="Dra. Sri Wahyuni", username="kabid")
    examiner_servant = CivilServantFactory.create(nip=examiner_user.nip, name="Hendra Saputra")
    examiner_servant.direct_superior = kabid_servant
    examiner_servant.save(update_fields=["direct_superior"])
    sekda_servant, sekda = superior_with_account(name="Ir. Sutrisno Wibowo", username="sekda")
    principal.direct_superior = sekda_servant
    principal.save(update_fields=["direct_superior"])
    return {"examiner": examiner_user, "kabid": kabid, "sekda": sekda}


@pytest.fixture
def absent_case(officer: Any, principal: Any, people: dict[str, Any]) -> Case:
    """Scenario 2: absent from the examination of 2024-01-15; summons II due by 2024-01-24 (D7)."""
    case = summoned_case(officer=officer, accused=principal)
    case.assigned_examiners.add(people["examiner"])
    add_summons(
        case,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=people["examiner"],
        attendance=Summons.Attendance.ABSENT,
    )
    return case


def notified() -> list[tuple[str, str]]:
    return sorted(Notification.objects.values_list("user__username", "dedup_key"))


def test_due_soon_reminds_the_responsible_officers_and_their_superiors_once(
    absent_case, settings, django_capture_on_commit_callbacks
):
    settings.NETRA_SITE_URL = "https://netra.blitarkab.go.id/"

    with django_capture_on_commit_callbacks(execute=True):
        run = deadline_reminders_send(today=D(2024, 1, 23))  # due 2024-01-24: one working day ahead

    key = f"reminder:D7-summons2:{absent_case.pk}:2024-01-24:2024-01-23"
    assert notified() == [("kabid", key), ("pemeriksa", key), ("sekda", key)]
    assert (run.notifications, run.emails) == (3, 3)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kabid@example.go.id",
        "pemeriksa@example.go.id",
        "sekda@example.go.id",
    ]
    first = mail.outbox[0]
    assert first.subject == "Netra: pengingat tenggat waktu untuk kasus 0001/KASUS/BLITAR/2024"
    assert first.body == (
        "Kasus 0001/KASUS/BLITAR/2024: surat panggilan II harus dikirim paling lambat 2024-01-24 setelah pemeriksaan "
        "tanggal 2024-01-15 yang tidak dihadiri (ketentuan D7). Penanggung jawab: Hendra Saputra, Ir. Sutrisno "
        f"Wibowo.\n\nhttps://netra.blitarkab.go.id/cases/{absent_case.pk}/"
    )


def test_running_the_job_twice_a_day_sends_one_email_and_one_notification_per_person(
    absent_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deadline_reminders_send(today=D(2024, 1, 23))
    with django_capture_on_commit_callbacks(execute=True):
        second = deadline_reminders_send(today=D(2024, 1, 23))

    assert (second.notifications, second.emails, second.skipped_duplicates) == (0, 0, 3)
    assert Notification.objects.count() == 3
    assert len(mail.outbox) == 3


def test_an_overdue_deadline_is_reminded_again_the_next_working_day_with_the_responsible_names(
    absent_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deadline_reminders_send(today=D(2024, 1, 24))
        deadline_reminders_send(today=D(2024, 1, 25))

    assert Notification.objects.filter(user__username="pemeriksa").count() == 2
    overdue = Notification.objects.get(user__username="pemeriksa", dedup_key__endswith=":2024-01-25")
    assert overdue.params == {
        "case": "0001/KASUS/BLITAR/2024",
        "number": "II",
        "date": "2024-01-15",
        "due": "2024-01-24",
        "rule": "D7",
        "responsible": "Hendra Saputra, Ir. Sutrisno Wibowo",
    }
    assert overdue.message.startswith("Overdue — case %(case)s: summons II had to be sent by %(due)s")
    assert overdue.url == f"/cases/{absent_case.pk}/"
    assert len(mail.outbox) == 6


@pytest.mark.parametrize(
    "day",
    [
        D(2024, 1, 20),  # Saturday
        D(2024, 1, 21),  # Sunday
        D(2024, 2, 8),  # Isra Mi'raj 2024
        D(2024, 2, 14),  # Pemilu 2024 voting day
    ],
)
def test_no_reminders_on_weekends_and_holidays_even_for_an_overdue_deadline(
    absent_case, day, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = deadline_reminders_send(today=day)

    assert run.working_day is False
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_a_deadline_further_than_the_horizon_is_not_reminded_yet(absent_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = deadline_reminders_send(today=D(2024, 1, 19))  # due 2024-01-24: three working days ahead

    assert (run.notifications, Notification.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_the_horizon_follows_the_setting(absent_case, settings, django_capture_on_commit_callbacks):
    settings.NETRA_REMINDER_DAYS_AHEAD = 3

    with django_capture_on_commit_callbacks(execute=True):
        run = deadline_reminders_send(today=D(2024, 1, 19))

    assert run.notifications == 3


def test_officers_who_left_get_no_reminder(absent_case, people, django_capture_on_commit_callbacks):
    User.objects.filter(pk=people["sekda"].pk).update(is_active=False)
    User.objects.filter(pk=people["kabid"].pk).update(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        deadline_reminders_send(today=D(2024, 1, 23))

    assert [username for username, _ in notified()] == ["pemeriksa"]
    assert [message.to for message in mail.outbox] == [["pemeriksa@example.go.id"]]


def test_a_met_deadline_or_a_closed_case_is_not_reminded(absent_case, people, django_capture_on_commit_callbacks):
    add_summons(absent_case, number=2, examination=at(2024, 2, 5), sent_on=D(2024, 1, 22), issued_by=people["examiner"])
    closed = summoned_case(officer=absent_case.registered_by, accused=absent_case.accused, number="0002/KASUS/2024")
    add_summons(
        closed,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=people["examiner"],
        attendance=Summons.Attendance.ABSENT,
    )
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.WITHDRAWN)

    with django_capture_on_commit_callbacks(execute=True):
        run = deadline_reminders_send(today=D(2024, 1, 23))

    assert (run.notifications, Notification.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_the_beat_task_takes_today_in_jakarta(absent_case, monkeypatch, django_capture_on_commit_callbacks):
    # 17:30 UTC on the 22nd is already the 23rd in Jakarta.
    monkeypatch.setattr(clock, "now", lambda: datetime.datetime(2024, 1, 22, 17, 30, tzinfo=datetime.UTC))

    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.send_deadline_reminders.apply().get()

    assert result == {"today": "2024-01-23", "working_day": True, "notifications": 3, "emails": 3}


def test_the_beat_schedule_runs_the_job_every_morning(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["deadline-reminders"]

    assert entry["task"] == "casework.send_deadline_reminders"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({6}, {0})
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"
