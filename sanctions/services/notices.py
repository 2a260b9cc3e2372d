"""The in-app notices of the decision workflow: a decision awaits someone's signature, or went back to its drafter.

They send people to the decision's own page: the official who must sign may not open the confidential case page.
"""

from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from core.notifications import notification_send
from sanctions.models import Decision

NOTIFY_AWAITING_SIGNATURE = gettext_noop("A decision on case %(case)s awaits your signature.")
NOTIFY_RETURNED = gettext_noop("The decision on case %(case)s was returned to draft: %(note)s")


def _notify(user: Actor | None, message: str, decision: Decision, dedup_key: str = "", **params: str) -> None:
    if user is None:
        return
    notification_send(
        user=user,
        message=message,
        params={"case": decision.case.number, **params},
        url=reverse("sanctions:decision-detail", args=[decision.pk]),
        dedup_key=dedup_key,
    )


def notify_awaiting_signature(decision: Decision) -> None:
    """Tell the competent official (once per version of the decision) that it waits for their signature."""
    _notify(
        decision.competent_official,
        NOTIFY_AWAITING_SIGNATURE,
        decision,
        dedup_key=f"decision-{decision.pk}-sign-{decision.version}",
    )


def notify_returned(decision: Decision, note: str) -> None:
    """Tell the drafter that the decision came back to draft, and why."""
    _notify(decision.drafted_by, NOTIFY_RETURNED, decision, note=note)
