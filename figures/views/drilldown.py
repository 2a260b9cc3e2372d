"""The cases behind a figure, for those who may see them: the dashboard's filters and the row's narrowing applied
to the cases casework.selectors shows the user. No accused, no reporter: number, status, unit, violations, dates;
the case page (casework) shows the rest to whoever may see it."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.actors import AuthenticatedRequest
from accounts.models import Unit
from core.decorators import role_required
from figures import selectors
from figures.describe import filters_in_words
from figures.models import CaseFact
from figures.permissions import can_open_case_lists

PAGE_SIZE = 25


@role_required(can_open_case_lists)
@require_GET
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    filters = selectors.dashboard_filters(user=request.user, query=request.GET)
    cases = selectors.drilldown_cases(user=request.user, filters=filters).only(
        "pk", "number", "status", "registered_at"
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    facts = CaseFact.objects.in_bulk([case.pk for case in page.object_list], field_name="case_id")
    units = Unit.objects.in_bulk({fact.unit_id for fact in facts.values() if fact.unit_id})
    context = {
        "page": page,
        "rows": [
            (case, facts.get(case.pk), units.get(getattr(facts.get(case.pk), "unit_id", None)))
            for case in page.object_list
        ],
        "statements": filters_in_words(filters),
        "query": filters.query(),
        "filters": filters,
    }
    return render(request, "figures/case_list.html", context)
