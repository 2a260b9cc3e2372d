"""`manage.py audit_verify`: check the audit trail's keyed hash chain and its anchors outside the database.

Prints "intact: N events, M anchors", or the first broken event (id, time, action) or the first anchor the database
no longer agrees with, and exits non-zero.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_verify
from core.audit_anchors import AnchorProblem, audit_verify_anchors, read_anchors
from core.models import AuditEvent


def _anchor_message(problem: AnchorProblem) -> str:
    messages = {
        "unreadable": _("Line %(line)s of the anchor file is not an anchor."),
        "forged": _("Anchor %(line)s does not carry a valid signature of an audit key."),
        "missing": _("Anchor %(line)s names event %(event)s, which is no longer in the audit trail (removed)."),
        "changed": _("Event %(event)s no longer has the hash anchor %(line)s recorded (rewritten or re-chained)."),
        "count": _("Up to event %(event)s the trail no longer holds the events anchor %(line)s counted (removed)."),
    }
    return messages[problem.problem] % {"line": problem.line, "event": problem.event_id}


class Command(BaseCommand):
    help = (
        "Verify the audit trail: the keyed hash chain and the anchors of its head kept outside the database. Prints "
        "“intact” with the counts, or the first problem found."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        broken = audit_verify()
        if broken is not None:
            raise CommandError(
                _("The audit trail is broken at event %(id)s (%(time)s, %(action)s): changed, removed or re-linked.")
                % {
                    "id": broken.pk,
                    "time": timezone.localtime(broken.occurred_at).isoformat(),
                    "action": broken.action,
                },
                returncode=1,
            )
        problem = audit_verify_anchors()
        if problem is not None:
            raise CommandError(_anchor_message(problem), returncode=1)
        # Machine-readable, like `deadline`'s last line: never translated.
        self.stdout.write(f"intact: {AuditEvent.objects.count()} events, {len(read_anchors())} anchors")
