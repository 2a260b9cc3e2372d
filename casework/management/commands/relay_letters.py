"""`manage.py relay_letters`: enqueue again the letters still waiting for their render task (after a broker outage)."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from casework.letters import RELAY_AFTER, RELAY_BATCH, letters_relay_pending


class Command(BaseCommand):
    help = (
        "Enqueue again the rendering of letters still 'requested' (e.g. requested while the broker was down). "
        "The beat job casework.relay_pending_letters does the same every minute; rendering twice is harmless."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=int(RELAY_AFTER.total_seconds()),
            metavar="SECONDS",
            help="Only letters requested at least this many seconds ago (default: %(default)s).",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also letters relayed or retried a moment ago (the relay otherwise waits before repeating itself).",
        )
        parser.add_argument(
            "--limit", type=int, default=RELAY_BATCH, help="At most this many letters (default: %(default)s)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        older_than = timedelta(seconds=max(options["older_than"], 0))
        extra: dict[str, Any] = {"again_after": timedelta(0)} if options["now"] else {}
        run = letters_relay_pending(older_than=older_than, limit=max(options["limit"], 1), **extra)
        message = _("%(enqueued)d of %(pending)d waiting letters were enqueued again.") % {
            "enqueued": run.enqueued,
            "pending": run.pending,
        }
        if run.enqueued < run.pending:
            raise CommandError(message + " " + _("The broker refused the rest; see the log."))
        self.stdout.write(message)
