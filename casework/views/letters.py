"""A letter's status (polled by the case page while it is being prepared) and retrying a failed letter."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.actors import AuthenticatedRequest
from casework.letters import letter_retry
from casework.permissions import can_view_cases
from casework.views.lookups import letter_or_404
from core.decorators import role_required
from core.errors import DomainError


@role_required(can_view_cases)
@require_http_methods(["GET"])
def letter_status(request: AuthenticatedRequest, letter_id: int) -> JsonResponse:
    """The letter's status, for the case page to notice when a letter being prepared is ready."""
    letter = letter_or_404(request.user, letter_id)
    response = JsonResponse({"status": letter.status})
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_view_cases)
@require_POST
def letter_retry_view(request: AuthenticatedRequest, letter_id: int) -> HttpResponse:
    letter = letter_or_404(request.user, letter_id)
    back = reverse("casework:case-detail", kwargs={"case_id": letter.case_id}) + "#letters"
    try:
        letter_retry(letter=letter, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    messages.success(request, _("Letter %(number)s is being prepared again.") % {"number": letter.number})
    return redirect(back)
