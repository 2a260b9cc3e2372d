"""Casework's work items: an assigned case waits in each new examiner's inbox until a summons is issued."""

from typing import Any

import pytest
from django.core import mail

from casework import services
from casework.models import Case
from casework.tests.factories import examiner
from casework.tests.test_summons import _issue
from core.models import Notification
from core.notifications import notifications_for_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def _open(case: Case) -> list[str]:
    items = Notification.objects.filter(work_key=f"case:{case.pk}:summons", resolved_at__isnull=True)
    return sorted(items.values_list("user__username", flat=True))


def test_the_assigned_examiners_are_told_once_and_the_summons_resolves_it(
    case: Any, officer: Any, examiner_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    second = examiner("pemeriksa-2", email="dewi@example.com")
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    with django_capture_on_commit_callbacks(execute=True):
        services.case_assign(case=case, actor=officer, examiners=[examiner_user])
        services.case_assign(case=case, actor=officer, examiners=[examiner_user, second])

    assert _open(case) == sorted([examiner_user.username, "pemeriksa-2"])
    assert Notification.objects.filter(work_key=f"case:{case.pk}:summons").count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        address for address in (examiner_user.email, "dewi@example.com") if address
    )
    text = mail.outbox[-1].body
    assert text.startswith(f"Kasus {case.number} ditugaskan kepada Anda")

    _issue(Case.objects.get(pk=case.pk), officer)

    assert _open(case) == []
    assert list(notifications_for_user(examiner_user)) == []


def test_an_examiner_assigned_after_the_summons_is_not_told_to_issue_it(
    case: Any, officer: Any, examiner_user: Any
) -> None:
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    _issue(Case.objects.get(pk=case.pk), officer)

    services.case_assign(case=case, actor=officer, examiners=[examiner_user])

    assert Notification.objects.count() == 0
