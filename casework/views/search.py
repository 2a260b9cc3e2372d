"""The staff search page: one box over the cases and reports the user may see (casework.staff_search)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from casework.permissions import can_view_cases
from casework.staff_search import MAX_QUERY_LENGTH, PAGE_SIZE, staff_search
from core.decorators import role_required


@role_required(can_view_cases)
@require_http_methods(["GET"])
def staff_search_page(request: AuthenticatedRequest) -> HttpResponse:
    results = staff_search(user=request.user, query=request.GET.get("q", ""))
    context = {"results": results, "page_size": PAGE_SIZE, "max_length": MAX_QUERY_LENGTH}
    return render(request, "casework/search.html", context)
