"""The public page /verify/<code>/ that the QR code on every letter leads to (docs/api-contract.md, "Anyone")."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from casework.letters import format_verification_code, letter_verify, normalize_verification_code
from core import throttling


def _throttled(request: HttpRequest, wait: int) -> HttpResponse:
    minutes = max(1, (wait + 59) // 60)
    message = _("Too many attempts from your connection. Please try again in %(minutes)d minutes.") % {
        "minutes": minutes
    }
    response = render(request, "letters/verify.html", {"throttled_message": message}, status=429)
    response["Retry-After"] = str(wait)
    return response


@require_GET
def letter_verify_page(request: HttpRequest, code: str) -> HttpResponse:
    """Whether Netra issued a letter with this code: kind, number, date, office and the PDF's SHA-256, nothing more.

    Unknown codes count as failed look-ups of the client's address (NETRA_THROTTLE_PIN_FAILURES), as in the API.
    """
    address = throttling.client_address(request)
    wait = throttling.retry_after(throttling.PIN_FAILURES, address)
    if wait is not None:
        return _throttled(request, wait)
    verification = letter_verify(code)
    if verification is None:
        throttling.record(throttling.PIN_FAILURES, address)
    canonical = normalize_verification_code(code)
    context = {
        "verification": verification,
        "code": format_verification_code(canonical) if canonical else code[:40],
    }
    return render(request, "letters/verify.html", context, status=200 if verification else 404)
