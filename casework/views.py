"""Casework web pages: registering a case from triage, the agency's cases, and one case with its reports.

Reads go through casework.selectors (another agency's case is simply not found); registering calls the one
service, and a refused registration is shown as a message.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from casework import selectors, services
from casework.forms import CaseRegisterForm
from casework.permissions import can_register_case, can_view_cases
from core.decorators import role_required
from core.errors import DomainError
from violations.selectors import report_list_for_user

PAGE_SIZE = 25


def _back(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("triage:queue")


@role_required(can_register_case)
@require_POST
def case_register(request: HttpRequest) -> HttpResponse:
    form = CaseRegisterForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(_back(request, request.POST.get("next", "")))
    back = _back(request, form.cleaned_data["next"])
    ids = form.cleaned_data["reports"]
    reports = list(report_list_for_user(user=request.user).filter(pk__in=ids))
    if len(reports) != len(ids):
        raise Http404  # a report of another agency, or none at all: not found, as everywhere
    try:
        case = services.case_register(actor=request.user, reports=reports, summary=form.cleaned_data["summary"])
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    messages.success(
        request,
        _("Case %(number)s was registered; every reporter now sees that it is in process.") % {"number": case.number},
    )
    return redirect("casework:case-detail", case_id=case.pk)


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_list(request: HttpRequest) -> HttpResponse:
    cases = selectors.case_list_for_user(user=request.user).order_by("-registered_at", "-id")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "casework/case_list.html", {"page": page})


@role_required(can_view_cases)
@require_http_methods(["GET"])
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = selectors.case_get_for_user(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    return render(request, "casework/case_detail.html", {"case": case, "reports": selectors.case_reports(case=case)})
