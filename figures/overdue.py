"""The steps overdue today, per case of an agency, as casework.deadlines computes them (the overdue widget and the
"overdue" filter read this)."""

from django.core.cache import cache

from casework.deadlines import case_deadlines, overdue_cases
from casework.models import OPEN_STATUSES, Case
from core import clock
from core.calendar import WorkingCalendar
from figures.models import RefreshState

OVERDUE_CACHE_SECONDS = 6 * 60 * 60


def _compute_overdue(agency_id: int) -> dict[int, list[list[str]]]:
    calendar = WorkingCalendar()
    open_cases = Case.objects.filter(agency_id=agency_id, status__in=OPEN_STATUSES)
    steps: dict[int, list[list[str]]] = {}
    overdue = overdue_cases(open_cases).select_related("accused__direct_superior").prefetch_related("summonses")
    for case in overdue:
        for deadline in case_deadlines(case, working_calendar=calendar):
            if deadline.is_overdue:
                steps.setdefault(case.pk, []).append([person.name for person in deadline.responsible])
    return steps


def overdue_steps(agency_id: int) -> dict[int, list[list[str]]]:
    """Case id → its steps overdue today, each as the names of the officials responsible (casework.deadlines).

    Kept in the shared cache for the day and the audit trail's state the figures are at: a step becomes overdue
    only when a day passes or an event changes the case, so until either happens the answer stands."""
    state = RefreshState.objects.filter(pk=1).values_list("last_event_id", flat=True).first() or 0
    key = f"figures:overdue:v1:{agency_id}:{clock.today().isoformat()}:{state}"
    steps = cache.get(key)
    if steps is None:
        steps = _compute_overdue(agency_id)
        cache.set(key, steps, OVERDUE_CACHE_SECONDS)
    return steps
