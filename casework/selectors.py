"""Reads of cases, scoped by who asks."""

from typing import Any

from django.db.models import QuerySet

from casework.models import Case
from violations.permissions import is_intake_officer


def case_list_for_user(*, user: Any) -> QuerySet[Case]:
    if not is_intake_officer(user):
        return Case.objects.none()
    return Case.objects.filter(agency_id=user.agency_id)


def case_get_for_user(*, user: Any, case_id: int) -> Case | None:
    return case_list_for_user(user=user).filter(pk=case_id).first()
