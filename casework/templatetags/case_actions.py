"""`{% case_actions case user as actions %}`: which lifecycle actions the case page offers this user right now
(casework.case_actions holds the rules; the officer API reads the same)."""

from django import template

from accounts.actors import Viewer
from casework.case_actions import CaseActions, case_actions_for
from casework.models import Case

register = template.Library()


@register.simple_tag
def case_actions(case: Case, user: Viewer) -> CaseActions:
    return case_actions_for(case, user)
