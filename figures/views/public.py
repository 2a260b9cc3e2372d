"""The public statistics page: the national tables and, when one is chosen, an agency's (no login)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from figures.public.presenting import scope_view
from figures.public.tables import NATIONAL, public_statistics


@require_GET
def public_statistics_page(request: HttpRequest) -> HttpResponse:
    published = public_statistics()
    code = request.GET.get("agency", "")
    context = {
        "published": published,
        "national": scope_view(published, NATIONAL),
        "agency": scope_view(published, code) if code and code != NATIONAL else None,
        "chosen": code,
    }
    return render(request, "figures/public_statistics.html", context)
