"""The case page's action panel (casework.case_actions): only what is allowed now."""

from typing import Any

import pytest

from casework import services
from casework.case_actions import case_actions_for
from casework.models import Case
from casework.tests.factories import examiner
from casework.tests.views.actions.helpers import action_url

pytestmark = pytest.mark.django_db


# --- the panel: only what is allowed now ----------------------------------------------------------------------------


def _offered(case: Case, user: Any) -> set[str]:
    actions = case_actions_for(case, user)
    names = ["start_review", "raise_level", "team_form", "assign", "examination_record", "examination_report"]
    names += ["forward"]
    names += ["close_not_proven", "dismiss", "withdraw", "merge", "criminal_referral", "evidence"]
    offered = {name for name in names if getattr(actions, name)}
    if actions.summons_issue:
        offered.add(f"summons_{actions.summons_issue}")
    if actions.pending_summons:
        offered.add("attendance")
    return offered


def test_the_panel_offers_an_examiner_only_what_the_status_allows(on_case, examiner_user, officer):
    assert _offered(on_case, examiner_user) == {"start_review", "criminal_referral", "evidence"}
    assert _offered(on_case, officer) == {
        "start_review",
        "assign",
        "dismiss",
        "withdraw",
        "merge",
        "criminal_referral",
        "evidence",
    }


def test_the_panel_follows_the_case_to_the_examination(summoned, examiner_user):
    assert _offered(summoned, examiner_user) == {
        "attendance",
        "examination_record",
        "raise_level",
        "criminal_referral",
        "evidence",
    }


def test_a_heavy_case_under_review_offers_the_team_and_not_the_summons(on_case, officer):
    services.case_start_review(case=on_case, actor=officer, probable_level="heavy", tracks=["discipline"])
    case = Case.objects.get(pk=on_case.pk)

    assert "summons_1" not in _offered(case, officer) and "team_form" in _offered(case, officer)


def test_the_panel_renders_forms_with_the_case_version(on_case, examiner_user):
    from django.template.loader import render_to_string

    html = render_to_string("casework/actions/_panel.html", {"case": on_case, "user": examiner_user})

    assert f'name="expected_version" value="{on_case.version}"' in html
    assert action_url("start-review", on_case) in html
    assert action_url("dismiss", on_case) not in html


def test_the_panel_is_empty_for_someone_not_on_the_case(on_case):
    from django.template.loader import render_to_string

    html = render_to_string("casework/actions/_panel.html", {"case": on_case, "user": examiner("stranger")})

    assert "case-actions" not in html
