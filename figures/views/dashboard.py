"""The leadership dashboard: every widget as a chart and a table, the filters in words, the time the figures are
as of, and the ways out (drill-down, exports, the PDF summary report)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.actors import AuthenticatedRequest
from core import clock
from core.decorators import role_required
from figures import selectors
from figures.describe import filters_in_words
from figures.forms import DashboardFilterForm
from figures.permissions import can_open_case_lists, can_open_dashboard, export_kinds_for
from figures.presenting import dashboard_views


@role_required(can_open_dashboard)
@require_GET
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    filters = selectors.dashboard_filters(user=request.user, query=request.GET)
    context = {
        "filters": filters,
        "query": filters.query(),
        "form": DashboardFilterForm(filters=filters),
        "statements": filters_in_words(filters),
        "widgets": dashboard_views(filters, to_cases=can_open_case_lists(request.user)),
        "state": selectors.figures_as_of(),
        "now": clock.now(),
        "export_kinds": export_kinds_for(request.user),
        "cases_linked": can_open_case_lists(request.user),
    }
    return render(request, "figures/dashboard.html", context)
