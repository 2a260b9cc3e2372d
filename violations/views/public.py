"""Citizens' web pages: file a report, read the receipt once, check the status and add information.

The PIN is never stored in clear: for a few minutes the reporter's own session holds it encrypted under the field
key (core.field_encryption, bound to the tracking code) so the receipt can be reloaded or downloaded, and it is
removed as soon as the reporter moves on; a copy of the session table shows no PIN. A verified status look-up is
kept in the session the same way (the code only, never the PIN), so adding information does not ask for it again.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from weasyprint import HTML

from core import throttling
from core.errors import ConflictError, DomainError
from core.field_encryption import seal, unseal
from core.web_actions import refusal_on_form
from violations.forms.public import AdditionForm, ReportForm, StatusLookupForm
from violations.models import Report
from violations.selectors import report_get_by_tracking_code, report_get_for_verified_reporter
from violations.services import report_add_information, report_submit
from violations.views.public_status import status_label, timeline_items

RECEIPT_SESSION_KEY = "netra_receipt"
STATUS_SESSION_KEY = "netra_status"
# How long the receipt (with the PIN) can be reloaded, and how long a verified look-up lasts.
RECEIPT_SECONDS = 15 * 60
STATUS_SECONDS = 15 * 60


# --- session entries ------------------------------------------------------------------------------


def _session_entry(request: HttpRequest, key: str) -> dict[str, Any] | None:
    """A session entry that has not expired; an expired one is removed."""
    entry = request.session.get(key)
    if not isinstance(entry, dict):
        return None
    if float(entry.get("expires", 0)) <= time.time():
        del request.session[key]
        return None
    return entry


def _forget(request: HttpRequest, key: str) -> None:
    request.session.pop(key, None)


def _keep_briefly(request: HttpRequest, key: str, entry: dict[str, Any], seconds: int) -> None:
    """Store an expiring entry; a citizen's whole session then ends with it, so nothing lingers server-side."""
    request.session[key] = {**entry, "expires": time.time() + seconds}
    if not request.user.is_authenticated:
        request.session.set_expiry(seconds)


def _throttled(response: HttpResponse, wait: int) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(wait)
    return response


def _wait_message(wait: int) -> str:
    minutes = max(1, (wait + 59) // 60)
    return _("Too many attempts from your connection. Please try again in %(minutes)d minutes.") % {"minutes": minutes}


# --- filing a report -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    _forget(request, RECEIPT_SESSION_KEY)
    if request.method != "POST":
        return render(request, "public/report_form.html", {"form": ReportForm()})
    address = throttling.client_address(request)
    wait = throttling.retry_after(throttling.PUBLIC_REPORTS, address)
    if wait is not None:
        context = {"form": ReportForm(initial=request.POST.dict()), "throttled_message": _wait_message(wait)}
        return _throttled(render(request, "public/report_form.html", context), wait)
    throttling.record(throttling.PUBLIC_REPORTS, address)
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            submitted = report_submit(
                data=form.report_input(),
                reporter=form.reporter_input(),
                evidence=form.cleaned_data["evidence"],
                source=Report.Source.WEB,
            )
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            report = submitted.report
            entry = {
                "tracking_code": report.tracking_code,
                "sealed_pin": seal(submitted.access_pin, _pin_binding(report.tracking_code)),
                "received_at": report.received_at.isoformat(),
                "anonymous": form.cleaned_data["anonymous"],
            }
            _keep_briefly(request, RECEIPT_SESSION_KEY, entry, RECEIPT_SECONDS)
            return redirect("public:report-receipt")
    return render(request, "public/report_form.html", {"form": form})


# --- the receipt -----------------------------------------------------------------------------------------


def _pin_binding(tracking_code: str) -> str:
    return f"public.receipt.pin:{tracking_code}"


def receipt_pin(entry: dict[str, Any]) -> str:
    """The PIN of a receipt session entry, decrypted."""
    return unseal(entry["sealed_pin"], _pin_binding(entry["tracking_code"]))


def _receipt_context(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "tracking_code": entry["tracking_code"],
        "pin": receipt_pin(entry),
        "received_at": parse_datetime(entry["received_at"]),
        "anonymous": entry.get("anonymous", False),
        "status_url": settings.NETRA_SITE_URL.rstrip("/") + reverse("public:report-status"),
    }


def _private(response: HttpResponse) -> HttpResponse:
    """Pages carrying the PIN or a report's details are never cached (no-store) by the browser or a proxy."""
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET"])
def report_receipt(request: HttpRequest) -> HttpResponse:
    entry = _session_entry(request, RECEIPT_SESSION_KEY)
    if entry is None:
        return render(request, "public/receipt_gone.html", status=410)
    return _private(render(request, "public/receipt.html", _receipt_context(entry)))


@require_http_methods(["GET"])
def report_receipt_pdf(request: HttpRequest) -> HttpResponse:
    entry = _session_entry(request, RECEIPT_SESSION_KEY)
    if entry is None:
        return render(request, "public/receipt_gone.html", status=410)
    html = render_to_string("public/receipt_pdf.html", _receipt_context(entry), request=request)
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="netra-{entry["tracking_code"]}.pdf"'
    return _private(response)


@require_POST
def report_receipt_done(request: HttpRequest) -> HttpResponse:
    """The reporter has noted the code and PIN: the PIN leaves the session now."""
    _forget(request, RECEIPT_SESSION_KEY)
    return redirect("public:report-status")


# --- status and additions ----------------------------------------------------------------------------------


def _verified_report(request: HttpRequest) -> Report | None:
    entry = _session_entry(request, STATUS_SESSION_KEY)
    if entry is None or not entry.get("verified"):
        return None
    report = report_get_for_verified_reporter(tracking_code=str(entry.get("tracking_code", "")))
    if report is None:
        _forget(request, STATUS_SESSION_KEY)
    return report


def _render_status(
    request: HttpRequest, report: Report, form: AdditionForm, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        **extra,
        "report": report,
        "status_label": status_label(report.status),
        "timeline": timeline_items(report),
        "information_request": (
            report.information_request if report.status == Report.Status.AWAITING_INFORMATION else ""
        ),
        "form": form,
    }
    return _private(render(request, "public/status.html", context, status=status))


def _render_lookup(request: HttpRequest, form: StatusLookupForm, status: int = 200, **extra: Any) -> HttpResponse:
    return render(request, "public/status_lookup.html", {"form": form, **extra}, status=status)


@require_http_methods(["GET", "POST"])
def report_status(request: HttpRequest) -> HttpResponse:
    _forget(request, RECEIPT_SESSION_KEY)
    if request.method == "POST":
        return _status_lookup(request)
    report = _verified_report(request)
    if report is None:
        return _render_lookup(request, StatusLookupForm())
    return _render_status(request, report, AdditionForm())


def _status_lookup(request: HttpRequest) -> HttpResponse:
    address = throttling.client_address(request)
    form = StatusLookupForm(request.POST)
    wait = throttling.retry_after(throttling.PIN_FAILURES, address)
    if wait is not None:
        return _throttled(_render_lookup(request, StatusLookupForm(), throttled_message=_wait_message(wait)), wait)
    if not form.is_valid():
        return _render_lookup(request, form)
    report = report_get_by_tracking_code(tracking_code=form.cleaned_data["tracking_code"], pin=form.cleaned_data["pin"])
    if report is None:
        throttling.record(throttling.PIN_FAILURES, address)
        form.add_error(None, _("The tracking code or the PIN is not correct. Check both and try again."))
        return _render_lookup(request, form)
    request.session.cycle_key()
    _keep_briefly(
        request, STATUS_SESSION_KEY, {"tracking_code": report.tracking_code, "verified": True}, STATUS_SECONDS
    )
    return redirect("public:report-status")


@require_POST
def report_addition(request: HttpRequest) -> HttpResponse:
    report = _verified_report(request)
    if report is None:
        messages.warning(request, _("For your security, enter your tracking code and PIN again."))
        return redirect("public:report-status")
    address = throttling.client_address(request)
    wait = throttling.retry_after(throttling.PUBLIC_REPORTS, address)
    if wait is not None:
        form = AdditionForm(initial={"description": request.POST.get("description", "")})
        return _throttled(_render_status(request, report, form, throttled_message=_wait_message(wait)), wait)
    throttling.record(throttling.PUBLIC_REPORTS, address)
    form = AdditionForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_status(request, report, form)
    try:
        report_add_information(
            report=report,
            description=form.cleaned_data["description"],
            links=form.cleaned_data["links"],
            evidence=form.cleaned_data["evidence"],
            actor="citizen",
        )
    except DomainError as error:
        refusal_on_form(form, error)
        return _render_status(request, report, form, status=409 if isinstance(error, ConflictError) else 200)
    messages.success(request, _("Thank you. Your information was added to the report."))
    return redirect("public:report-status")


@require_POST
def report_status_leave(request: HttpRequest) -> HttpResponse:
    """End the verified look-up (e.g. on a shared phone)."""
    _forget(request, STATUS_SESSION_KEY)
    messages.info(request, _("You left the report. Enter the code and PIN to see it again."))
    return redirect("public:report-status")
