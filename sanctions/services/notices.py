"""The work items and notices of the decision workflow (core.work_items): a draft awaits review, a decision awaits
its official's signature, an objection awaits its decider; a decision went back to its drafter.

Each work item is resolved by the service that does the work (review, sign, return, reroute, cancel, decide), so
an official's inbox never says a decision awaits a signature it already has. They send people to the decision's own
page: the official who must sign may not open the confidential case page.
"""

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.notifications import notification_send
from core.work_items import work_item_open, work_item_resolve
from sanctions.models import Decision, Objection
from sanctions.selectors import decision_reviewers

NOTIFY_AWAITING_SIGNATURE = gettext_noop("A decision on case %(case)s awaits your signature.")
NOTIFY_AWAITING_REVIEW = gettext_noop("The draft decision on case %(case)s awaits your review.")
NOTIFY_OBJECTION_TO_DECIDE = gettext_noop("An objection to the decision on case %(case)s awaits your decision.")
NOTIFY_RETURNED = gettext_noop("The decision on case %(case)s was returned to draft: %(note)s")


def review_work_key(decision: Decision) -> str:
    return f"decision:{decision.pk}:review"


def signature_work_key(decision: Decision) -> str:
    return f"decision:{decision.pk}:sign"


def objection_work_key(objection: Objection) -> str:
    return f"objection:{objection.pk}:decide"


def _url(decision: Decision) -> str:
    return reverse("sanctions:decision-detail", args=[decision.pk])


def notify_awaiting_review(decision: Decision) -> None:
    """Put the submitted draft in the inbox of everyone who may review it."""
    work_item_open(
        users=decision_reviewers(decision),
        work_key=review_work_key(decision),
        message=NOTIFY_AWAITING_REVIEW,
        params={"case": decision.case.number},
        url=_url(decision),
    )


def notify_awaiting_signature(decision: Decision) -> None:
    """The review is done; put the decision in its competent official's inbox (a rerouted decision leaves the
    previous official's)."""
    work_item_resolve(work_key=review_work_key(decision))
    work_item_resolve(work_key=signature_work_key(decision))
    work_item_open(
        users=[decision.competent_official],
        work_key=signature_work_key(decision),
        message=NOTIFY_AWAITING_SIGNATURE,
        params={"case": decision.case.number},
        url=_url(decision),
    )


def resolve_decision_work(decision: Decision) -> None:
    """Nobody needs to review or sign this version any more (signed, returned, cancelled)."""
    work_item_resolve(work_key=review_work_key(decision))
    work_item_resolve(work_key=signature_work_key(decision))


def notify_objection_to_decide(objection: Objection) -> None:
    """Put a pending objection in the inbox of the official routed to decide it (nobody in Netra for an appeal)."""
    if objection.status != Objection.Status.PENDING or objection.decider is None:
        return
    work_item_open(
        users=[objection.decider],
        work_key=objection_work_key(objection),
        message=NOTIFY_OBJECTION_TO_DECIDE,
        params={"case": objection.decision.case.number},
        url=_url(objection.decision),
    )


def resolve_objection_work(objection: Objection) -> None:
    work_item_resolve(work_key=objection_work_key(objection))


def notify_returned(decision: Decision, note: str) -> None:
    """The decision is back to draft: nothing waits for review or signature; tell the drafter why."""
    resolve_decision_work(decision)
    if decision.drafted_by is None:
        return
    notification_send(
        user=decision.drafted_by,
        message=NOTIFY_RETURNED,
        params={"case": decision.case.number, "note": note},
        url=_url(decision),
    )
