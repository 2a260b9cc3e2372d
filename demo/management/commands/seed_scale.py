"""`manage.py seed_scale --agencies N --cases N [--civil-servants N]`: bulk scale data for the figures' benchmarks
(demo.scale), then the figures' summary tables rebuilt. PostgreSQL only (COPY)."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from demo.scale.build import scale_build
from figures.refresh import figures_rebuild


class Command(BaseCommand):
    help = (
        "Bulk-generate scale data (agencies 'skala-0001'…, their units, civil servants, reports, cases, Bawaslu "
        "forwardings, summonses, decisions, objections and audit events) by PostgreSQL COPY, then rebuild the "
        "figures. Idempotent per target: a second run with the same numbers writes nothing; a larger target tops up."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agencies", type=int, default=20)
        parser.add_argument("--cases", type=int, default=100_000)
        parser.add_argument("--civil-servants", type=int, default=None, help="Default: a quarter of the cases.")
        parser.add_argument("--seed", type=int, default=11)

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("seed_scale writes with PostgreSQL COPY; point DATABASE_URL at PostgreSQL.")
        if options["agencies"] < 1 or options["cases"] < 0:
            raise CommandError("--agencies must be at least 1 and --cases at least 0.")
        servants = options["civil_servants"] or max(options["agencies"] * 50, options["cases"] // 4)
        result = scale_build(
            agencies=options["agencies"], cases=options["cases"], civil_servants=servants, seed=options["seed"]
        )
        written = ", ".join(f"{name}: {count:,}" for name, count in sorted(result.written.items())) or "nothing"
        self.stdout.write(f"Scale data written in {result.seconds:.0f} s — {written}.")
        started = time.monotonic()
        run = figures_rebuild()
        self.stdout.write(f"Figures rebuilt in {time.monotonic() - started:.0f} s ({run.cases:,} cases).")
