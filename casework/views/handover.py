"""Officer handover: an agency's intake officer or administrator gives every open case of a leaving officer to a
successor in one audited action (casework.services.officer_handover), so reminders never go to someone who left.

GET draws the form; choosing the leaving officer (GET `leaving`) lists the open cases that will move. POST calls
the service once and goes back to the case list with a message.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from accounts.actors import AuthenticatedRequest
from casework import selectors, services
from casework.forms import HandoverForm
from casework.permissions import sees_agency_cases
from core.decorators import role_required
from core.errors import DomainError
from core.errors import PermissionDenied as ServicePermissionDenied


def _handed_over(request: AuthenticatedRequest, form: HandoverForm) -> HttpResponse | None:
    """Call the service; the redirect after a handover, or None when the form shows the refusal."""
    successor = form.cleaned_data["successor"]
    try:
        cases = services.officer_handover(
            leaving_user=form.cleaned_data["leaving"], successor=successor, actor=request.user
        )
    except ServicePermissionDenied as error:
        raise PermissionDenied(str(error.message)) from error
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error.message))
        return None
    messages.success(
        request,
        ngettext(
            "%(count)d open case was handed over to %(name)s.",
            "%(count)d open cases were handed over to %(name)s.",
            len(cases),
        )
        % {"count": len(cases), "name": successor.get_full_name() or successor.get_username()},
    )
    return redirect("casework:case-list")


@role_required(sees_agency_cases)
@require_http_methods(["GET", "POST"])
def officer_handover(request: AuthenticatedRequest) -> HttpResponse:
    officers = selectors.handover_officers(user=request.user)
    chosen = (request.POST if request.method == "POST" else request.GET).get("leaving", "")
    leaving = officers.filter(pk=chosen).first() if chosen.isdigit() else None
    if request.method == "POST":
        form = HandoverForm(request.POST, officers=officers)
        done = _handed_over(request, form) if form.is_valid() else None
        if done is not None:
            return done
    else:
        form = HandoverForm(initial={"leaving": leaving}, officers=officers)
    # The look-up form (GET) has its own ids: both forms show the `leaving` field.
    picker = HandoverForm(initial={"leaving": leaving}, officers=officers, auto_id="pick_%s")
    context = {
        "form": form,
        "picker": picker,
        "leaving": leaving,
        "cases": selectors.handover_cases(officer=leaving) if leaving else None,
    }
    return render(request, "casework/handover.html", context)
