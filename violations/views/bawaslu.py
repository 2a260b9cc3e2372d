"""Bawaslu offices' web pages: their own forwardings, one forwarding's progress, and forwarding a new one.

Every read goes through the office-scoped selectors: another office's forwarding is simply not found.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from accounts.models import BawasluOffice
from core import clock
from core.decorators import role_required
from core.errors import ConflictError, DomainError
from core.web_actions import refusal_on_form
from violations.forms.bawaslu import ForwardingFilterForm, ForwardingForm, internal_statuses
from violations.models import BawasluForwarding, Report, ReportOutcome
from violations.permissions import is_bawaslu_office
from violations.selectors import forwarding_get_for_office, forwarding_list_for_office
from violations.services import forwarding_fingerprint, forwarding_submit
from violations.views.public_status import status_label, timeline_items

PAGE_SIZE = 20
office_required = role_required(is_bawaslu_office)


def _office(request: AuthenticatedRequest) -> BawasluOffice:
    office = request.user.bawaslu_office
    if not isinstance(office, BawasluOffice):  # office_required has checked this already
        raise PermissionDenied
    return office


def _detail_url(forwarding: BawasluForwarding) -> str:
    return reverse("bawaslu_web:forwarding-detail", kwargs={"reference_number": forwarding.reference_number})


def _outcome(report: Report) -> ReportOutcome | None:
    try:
        return report.outcome
    except ReportOutcome.DoesNotExist:
        return None


@office_required
@require_http_methods(["GET"])
def forwarding_list(request: AuthenticatedRequest) -> HttpResponse:
    filters = ForwardingFilterForm(request.GET)
    forwardings = (
        forwarding_list_for_office(office=_office(request))
        .select_related("report__outcome")
        .order_by("-report__received_at", "-pk")
    )
    if filters.is_valid() and filters.cleaned_data["status"]:
        forwardings = forwardings.filter(report__status__in=internal_statuses(filters.cleaned_data["status"]))
    page = Paginator(forwardings, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "forwarding": forwarding,
            "url": _detail_url(forwarding),
            "status_label": status_label(forwarding.report.status),
            "outcome": _outcome(forwarding.report),
        }
        for forwarding in page.object_list
    ]
    return render(request, "bawaslu/forwarding_list.html", {"filters": filters, "page": page, "rows": rows})


@office_required
@require_http_methods(["GET"])
def forwarding_detail(request: AuthenticatedRequest, reference_number: str) -> HttpResponse:
    forwarding = forwarding_get_for_office(
        office=_office(request),
        reference_number=reference_number,
    )
    if forwarding is None:
        raise Http404
    report = forwarding.report
    context = {
        "forwarding": forwarding,
        "report": report,
        "status_label": status_label(report.status),
        "outcome": _outcome(report),
        "links": report.links.all(),
        "evidence": report.evidence.all(),
        "timeline": timeline_items(report),
    }
    return render(request, "bawaslu/forwarding_detail.html", context)


@office_required
@require_http_methods(["GET", "POST"])
def forwarding_create(request: AuthenticatedRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "bawaslu/forwarding_form.html", {"form": ForwardingForm()})
    form = ForwardingForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "bawaslu/forwarding_form.html", {"form": form})
    evidence = form.cleaned_data["evidence"]
    try:
        result = forwarding_submit(
            office=_office(request),
            reference_number=form.cleaned_data["reference_number"],
            origin=form.cleaned_data["origin"],
            data=form.report_input(),
            recommendation=form.cleaned_data["recommendation"],
            letter_number=form.cleaned_data["letter_number"],
            evidence=evidence,
            fingerprint=forwarding_fingerprint(payload=form.fingerprint_payload(), evidence=evidence),
            source=Report.Source.WEB,
            submitted_by=request.user,
        )
    except ConflictError as error:
        refusal_on_form(form, error, field="reference_number")
        return render(request, "bawaslu/forwarding_form.html", {"form": form}, status=409)
    except DomainError as error:
        refusal_on_form(form, error)
        return render(request, "bawaslu/forwarding_form.html", {"form": form})
    forwarding = result.forwarding
    if result.created:
        messages.success(
            request,
            _("Forwarding received. Its tracking code is %(code)s.") % {"code": forwarding.report.tracking_code},
        )
    else:
        messages.info(
            request,
            _("This forwarding was already received on %(date)s; nothing new was stored.")
            % {"date": date_format(clock.local_date(forwarding.report.received_at), "SHORT_DATE_FORMAT")},
        )
    return redirect(_detail_url(forwarding))
