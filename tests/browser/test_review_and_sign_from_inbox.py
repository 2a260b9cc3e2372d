"""The reviewer and then the competent official act from their inboxes (issue 10): the draft waits in the inbox of
those who may review it, the reviewer opens it from there and approves it; the item leaves their inbox and the
decision waits in the Bupati's, who opens it from there and signs; the Bupati's inbox is empty afterwards."""

import re
from typing import Any

import pytest

from sanctions.models import Decision
from sanctions.services import decision_submit_for_review
from sanctions.tests.decision_helpers import build_world, decision_on, examination_report, forwarded_case
from tests.browser.logins import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _draft_submitted_for_review() -> tuple[Any, Decision]:
    world = build_world()
    for user in (world.officer, world.bupati):
        user.set_password(PASSWORD)
        user.save()
    case = forwarded_case(world)
    examination_report(case, world, code="B1")
    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    return world, decision


def _open_from_inbox(page: Any, url: str, decision: Decision) -> None:
    page.goto(f"{url}/notifications/")
    item = page.locator("ul.notifications li.unread")
    assert item.count() == 1, page.locator("ul.notifications").inner_text()
    item.locator("button[name=open]").click()
    page.wait_for_url(f"{url}/decisions/{decision.pk}/")


def _inbox_is_empty(page: Any, url: str) -> bool:
    page.goto(f"{url}/notifications/")
    return page.locator("ul.notifications li:not(.read)").count() == 0


def test_the_reviewer_and_then_the_official_act_from_their_inboxes(live_server, browser, settings, shots):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    world, decision = _draft_submitted_for_review()

    reviewer = log_in(browser, live_server.url, world.officer.username)
    _open_from_inbox(reviewer, live_server.url, decision)
    assert reviewer.locator("#decision-status").get_attribute("data-status") == "in_review"
    reviewer.screenshot(path=str(shots / "reviewer-from-inbox.png"), full_page=True)
    reviewer.locator("#review-form button[type=submit]").click()
    reviewer.wait_for_url(re.compile(rf".*/decisions/{decision.pk}/$"))
    assert reviewer.locator("#decision-status").get_attribute("data-status") == "awaiting_signature"
    assert _inbox_is_empty(reviewer, live_server.url)
    reviewer.context.close()

    official = log_in(browser, live_server.url, world.bupati.username)
    _open_from_inbox(official, live_server.url, decision)
    assert official.locator("#decision-status").get_attribute("data-status") == "awaiting_signature"
    official.locator("#sign-form button[type=submit]").click()
    official.wait_for_url(f"{live_server.url}/decisions/{decision.pk}/")
    decision.refresh_from_db()
    assert (decision.status, decision.signed_by_id) == (Decision.Status.SIGNED, world.bupati.pk)
    assert _inbox_is_empty(official, live_server.url)
    official.context.close()
