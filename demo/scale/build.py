"""Build (or top up) the scale data: `scale_build(agencies=, cases=, civil_servants=)`.

Idempotent per target: each agency's share of the cases is fixed by the target (a Zipf-like spread, so the largest
agency holds several per cent of all cases, like a hot spot), and only the cases an agency lacks are written; a
second run with the same target writes nothing. Each chunk of cases is one transaction, its audit events included.
"""

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction

from casework.models import Case
from demo.scale import cases as scale_cases
from demo.scale.audit import events_append
from demo.scale.world import agencies_ensure, elections_ensure, scale_agency

CHUNK = 20_000


@dataclass
class ScaleResult:
    written: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    largest_agency: tuple[str, int] = ("", 0)


def shares(total: int, agencies: int) -> list[int]:
    """How many cases each agency holds: weights 1/rank^0.8, rounded so they add up to `total`."""
    weights = [1 / (rank**0.8) for rank in range(1, agencies + 1)]
    scale = total / sum(weights)
    counts = [int(weight * scale) for weight in weights]
    counts[0] += total - sum(counts)
    return counts


def _write(
    world: scale_cases.ScaleAgency,
    missing: int,
    first: int,
    catalogue: scale_cases.Catalogue,
    rng: random.Random,
    result: ScaleResult,
) -> None:
    ids = None
    for chunk_index in range((missing + CHUNK - 1) // CHUNK):
        with transaction.atomic():
            ids = scale_cases.start_ids()
            size = min(CHUNK, missing - chunk_index * CHUNK)
            chunk = next(scale_cases.chunks(world, ids, catalogue, size, first + chunk_index * CHUNK, size, rng))
            result.written += Counter(scale_cases.chunk_write(chunk))
            result.written["audit events"] += events_append(chunk.events)
            scale_cases.sequences_move()


def scale_build(*, agencies: int, cases: int, civil_servants: int, seed: int = 11) -> ScaleResult:
    started = time.monotonic()
    rng = random.Random(seed)  # noqa: S311  (made-up data, reproducible by its seed)
    result = ScaleResult()
    targets = shares(cases, agencies)
    catalogue = scale_cases.Catalogue.load(elections_ensure())
    per_agency = max(50, civil_servants // agencies)
    for agency, target in zip(agencies_ensure(agencies), targets, strict=True):
        have = Case.objects.filter(agency=agency).count()
        if have >= target:
            continue
        world = scale_agency(agency, per_agency, rng)
        _write(world, target - have, have + 1, catalogue, rng, result)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    result.largest_agency = (f"skala-{1:04d}", targets[0])
    result.seconds = time.monotonic() - started
    return result
