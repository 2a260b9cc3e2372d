"""`manage.py reporter_keys_rotate`: re-encrypt every reporter's identity under the current NETRA_FIELD_KEYS key."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.field_encryption import UndecryptableValue, field_keys
from violations.services.reporter_keys import RotationProgress, reporter_keys_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every reporter's identity under the current (first) key of NETRA_FIELD_KEYS, in batches, "
        "printing progress. Rows already under the current key are left alone, so it can be run again after an "
        "interruption. With --rehash, also recompute the keyed hashes (after NETRA_FIELD_HASH_KEY changed). "
        "See docs/security.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction (default 500).")
        parser.add_argument("--rehash", action="store_true", help="Rewrite every row and recompute its hashes.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        current_id = field_keys().current_id

        def report(progress: RotationProgress) -> None:
            self.stdout.write(f"{progress.seen} reporters checked, {progress.rewritten} re-encrypted")

        try:
            done = reporter_keys_rotate(batch_size=options["batch_size"], rehash=options["rehash"], progress=report)
        except UndecryptableValue as error:
            raise CommandError(f"{error} Keep every old key in NETRA_FIELD_KEYS until rotation is done.") from None
        self.stdout.write(
            self.style.SUCCESS(f"Done: {done.seen} reporters under key {current_id!r}, {done.rewritten} re-encrypted.")
        )
