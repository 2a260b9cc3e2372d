"""The cases the action views are tried on, one step further along the procedure each."""

import datetime
from typing import Any

import pytest

from casework import services
from casework.models import Case
from casework.tests.conftest import at
from casework.tests.views.actions.helpers import PLACE


@pytest.fixture
def on_case(case: Case, examiner_user: Any, officer: Any) -> Case:
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def reviewed(on_case: Case, officer: Any) -> Case:
    services.case_start_review(case=on_case, actor=officer, probable_level="moderate", tracks=["ethics", "discipline"])
    return Case.objects.get(pk=on_case.pk)


@pytest.fixture
def summoned(reviewed: Case, officer: Any) -> Case:
    services.summons_issue(
        case=reviewed,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place=PLACE,
    )
    return Case.objects.get(pk=reviewed.pk)


@pytest.fixture
def examined(summoned: Case, officer: Any, examiner_user: Any) -> Case:
    services.examination_record(
        case=summoned,
        actor=officer,
        held_at=at(2024, 10, 28, 9, 30),
        examiners=[examiner_user],
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        place=PLACE,
    )
    return Case.objects.get(pk=summoned.pk)
