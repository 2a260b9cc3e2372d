"""Keeping the summary tables current (docs/statistics.md, "How the figures stay current").

Services are Netra's only write path and each records an audit event in the same transaction, so the audit trail
is the record of what changed: `figures_refresh` takes the events after the last one it took into account, finds
the cases and agencies they touch and recomputes exactly those facts and public cells. It is idempotent (a second
run finds nothing new) and safe to run concurrently (a second run waits for nothing: it finds the lock taken and
returns). `figures_rebuild` recomputes everything: after a bulk load (seed_scale) and every night, for writes no
event names.

Audit events are appended under a lock held until their transaction commits (core.audit), so event ids become
visible in order: the watermark never skips an event.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Max

from casework.models import Case, CaseReport
from core import clock
from core.models import AuditEvent
from figures.models import CaseFact, RefreshState
from figures.refresh.calendar_table import calendar_signature, calendar_table_build
from figures.refresh.fact_sql import all_cases, fact_insert_sql, id_list
from figures.refresh.public_cells import public_cells_replace
from violations.models import Report

LOCK_KEY = "figures:refresh:lock"
LOCK_SECONDS = 15 * 60
CHUNK = 2000
# One run takes at most this many events; the next run goes on from there.
EVENTS_PER_RUN = 50_000
_CASE = Case._meta.label_lower
_REPORT = Report._meta.label_lower
_CIVIL_SERVANT = "accounts.civilservant"
_DAY_OFF = "core.dayoff"


@dataclass
class RefreshRun:
    events: int = 0
    cases: int = 0
    agencies: int = 0
    rebuilt: bool = False
    skipped: bool = False
    changed_agencies: set[int] = field(default_factory=set)


def refresh_state() -> RefreshState:
    return RefreshState.objects.get_or_create(pk=1)[0]


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def facts_recompute(case_ids: Iterable[int]) -> int:
    """Recompute the facts of these cases (inside the caller's transaction); returns how many were written."""
    written = 0
    now = clock.now()
    with connection.cursor() as cursor:
        for batch in _chunks(sorted(set(case_ids))):
            CaseFact.objects.filter(case_id__in=batch).delete()
            cursor.execute(fact_insert_sql(id_list(batch)), [now])
            written += cursor.rowcount
    return written


def _changes(since: int, until: int) -> tuple[set[int], set[int], bool]:
    """(case ids, report ids, calendar changed) named by the events in (since, until]."""
    events = AuditEvent.objects.filter(id__gt=since, id__lte=until).values_list("target_type", "target_id")
    cases, reports, servants, calendar = set(), set(), set(), False
    for target_type, target_id in events.iterator(chunk_size=5000):
        if target_type == _CASE:
            cases.add(target_id)
        elif target_type == _REPORT:
            reports.add(target_id)
        elif target_type == _CIVIL_SERVANT:
            servants.add(target_id)
        elif target_type == _DAY_OFF:
            calendar = True
    if reports:
        cases.update(CaseReport.objects.filter(report_id__in=reports).values_list("case_id", flat=True))
    if servants:
        cases.update(Case.objects.filter(accused_id__in=servants).values_list("pk", flat=True))
    return cases, reports, calendar


def _agencies_of(cases: set[int], reports: set[int]) -> set[int]:
    agencies = set(Case.objects.filter(pk__in=cases).values_list("agency_id", flat=True).distinct())
    agencies.update(Report.objects.filter(pk__in=reports).values_list("agency_id", flat=True).distinct())
    return agencies


def _locked() -> bool:
    return bool(cache.add(LOCK_KEY, clock.now().isoformat(), LOCK_SECONDS))


def figures_refresh() -> RefreshRun:
    """Bring the facts and public cells up to date with the audit trail (see the module docstring)."""
    if not _locked():
        return RefreshRun(skipped=True)
    try:
        state = refresh_state()
        if state.calendar_signature != calendar_signature():
            return _rebuild(state)
        return _refresh(state)
    finally:
        cache.delete(LOCK_KEY)


@transaction.atomic
def _refresh(state: RefreshState) -> RefreshRun:
    newest = AuditEvent.objects.aggregate(newest=Max("id"))["newest"] or 0
    until = min(newest, state.last_event_id + EVENTS_PER_RUN)
    if until <= state.last_event_id:
        return RefreshRun()
    cases, reports, calendar = _changes(state.last_event_id, until)
    if calendar:
        return _rebuild(state)
    run = RefreshRun(events=until - state.last_event_id, cases=facts_recompute(cases))
    run.changed_agencies = _agencies_of(cases, reports)
    for agency_id in sorted(run.changed_agencies):
        public_cells_replace(agency_id)
    run.agencies = len(run.changed_agencies)
    _save(state, last_event_id=until, public_changed=bool(run.changed_agencies))
    return run


def _save(state: RefreshState, *, last_event_id: int, public_changed: bool, rebuilt: bool = False) -> None:
    state.last_event_id = last_event_id
    state.refreshed_at = clock.now()
    fields = ["last_event_id", "refreshed_at"]
    if public_changed:
        state.public_version += 1
        fields.append("public_version")
    if rebuilt:
        state.rebuilt_at = state.refreshed_at
        state.calendar_signature = calendar_signature()
        fields += ["rebuilt_at", "calendar_signature"]
    state.save(update_fields=fields)


def figures_rebuild() -> RefreshRun:
    """Recompute every fact, the working-day table and every agency's public cells."""
    if not _locked():
        return RefreshRun(skipped=True)
    try:
        return _rebuild(refresh_state())
    finally:
        cache.delete(LOCK_KEY)


@transaction.atomic
def _rebuild(state: RefreshState) -> RefreshRun:
    from accounts.models import Agency

    newest = AuditEvent.objects.aggregate(newest=Max("id"))["newest"] or 0
    calendar_table_build()
    CaseFact.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(fact_insert_sql(all_cases()), [clock.now()])
        written = cursor.rowcount
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {CaseFact._meta.db_table}")
    agencies = list(Agency.objects.values_list("pk", flat=True))
    for agency_id in agencies:
        public_cells_replace(agency_id)
    _save(state, last_event_id=newest, public_changed=True, rebuilt=True)
    return RefreshRun(cases=written, agencies=len(agencies), rebuilt=True, changed_agencies=set(agencies))
