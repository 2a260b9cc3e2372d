"""Reads of letters for officers, scoped by the case they work on."""

from django.db.models import QuerySet

from accounts.actors import Viewer
from casework.models import Case, Letter
from casework.permissions import can_work_on_case


def letter_list_for_case(*, case: Case) -> QuerySet[Letter]:
    """The case's letters, newest first (the caller already fetched the case through a scoped selector)."""
    return case.letters.select_related("superseded_by").order_by("-requested_at", "-id")


def letter_get_for_user(*, user: Viewer, letter_id: int) -> Letter | None:
    """A letter whose case the user works on (examiners of the case, the agency's intake officers and admins)."""
    letter = Letter.objects.select_related("case", "superseded_by").filter(pk=letter_id).first()
    if letter is None or not can_work_on_case(user, letter.case):
        return None
    return letter
