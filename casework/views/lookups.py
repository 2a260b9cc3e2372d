"""Finding what a page is about through the scoped reads: what the user may not see is a 404."""

from django.http import Http404

from accounts.actors import Viewer
from casework import selectors
from casework.letters import letter_get_for_user
from casework.models import Case, Letter


def case_or_404(user: Viewer, case_id: int) -> Case:
    case = selectors.case_get_for_user(user=user, case_id=case_id)
    if case is None:
        raise Http404
    return case


def letter_or_404(user: Viewer, letter_id: int) -> Letter:
    letter = letter_get_for_user(user=user, letter_id=letter_id)
    if letter is None:
        raise Http404
    return letter
