"""`manage.py audit_verify`: check the audit trail's hash chain; "intact" with the event count, or the first broken
event (id, time, action) and a non-zero exit."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_verify
from core.models import AuditEvent


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain: prints “intact” with the event count, or the first broken event."

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
        count = AuditEvent.objects.count()
        # Machine-readable, like `deadline`'s last line: never translated.
        self.stdout.write(f"intact: {count} events")
