"""The work items of casework (core.work_items): a case assigned to an examiner waits for its summons.

The assignment puts the case in each newly assigned examiner's inbox; issuing a summons on the case resolves the
item for all of them. The daily deadline reminders (casework.reminders) are work items too, one per deadline and
case, resolved when the deadline is met. A handover (casework.services.officer_handover) passes the leaver's open
items of each case on to the successor.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from casework.models import Case
from core.work_items import work_item_open, work_item_resolve, work_items_pass_on

NOTIFY_ASSIGNED = gettext_noop("Case %(case)s was assigned to you: the summons of the accused waits for you.")


def summons_work_key(case: Case) -> str:
    return f"case:{case.pk}:summons"


def reminder_work_key(case: Case, deadline_key: str) -> str:
    return f"case:{case.pk}:deadline:{deadline_key}"


def notify_case_assigned(case: Case, examiners: Iterable[Actor]) -> None:
    """Tell newly assigned examiners of a case that has no summons yet that the summons is theirs to issue."""
    if case.summonses.exists():
        return
    work_item_open(
        users=examiners,
        work_key=summons_work_key(case),
        message=NOTIFY_ASSIGNED,
        params={"case": case.number},
        url=reverse("casework:case-detail", args=[case.pk]),
    )


def pass_on_case_work(case: Case, leaving_user: Actor, successor: Actor) -> None:
    """The leaver's open items of the case (its summons, its deadline reminders) go to the successor."""
    work_items_pass_on(from_user=leaving_user, to_user=successor, work_key_prefix=f"case:{case.pk}:")


def resolve_summons_work(case: Case) -> None:
    work_item_resolve(work_key=summons_work_key(case))
