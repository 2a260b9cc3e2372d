"""Officer handover: an agency's intake officer or administrator gives every open case of a leaving officer to a
successor in one audited action (casework.services.officer_handover), so reminders never go to someone who left.

GET draws the form; choosing the leaving officer (GET `leaving`) lists the open cases that will move. POST calls
the service once and goes back to the case list with a message.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from accounts.roles import Role
from casework import services
from casework.models import OPEN_STATUSES, Case
from casework.permissions import sees_agency_cases
from core.decorators import role_required
from core.errors import DomainError
from core.errors import PermissionDenied as ServicePermissionDenied


def _officers(agency_id: int) -> QuerySet[Any]:
    """The agency's examiners, including those whose account was already deactivated."""
    return (
        get_user_model()
        .objects.filter(agency_id=agency_id, groups__name=str(Role.EXAMINER))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class _OfficerChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.get_username()
        return name if obj.is_active else _("%(name)s (inactive)") % {"name": name}


class HandoverForm(forms.Form):
    leaving = _OfficerChoiceField(label=gettext_lazy("Officer who leaves"), queryset=None)
    successor = _OfficerChoiceField(label=gettext_lazy("Successor"), queryset=None)

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officers = _officers(agency_id)
        leaving: Any = self.fields["leaving"]
        successor: Any = self.fields["successor"]
        leaving.queryset = officers
        successor.queryset = officers.filter(is_active=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("leaving") and data.get("successor") and data["leaving"] == data["successor"]:
            self.add_error("successor", _("Choose someone other than the officer who leaves."))
        return data


def open_cases_of(user: Any) -> QuerySet[Case]:
    """The open cases the service would hand over: assigned to `user` or with `user` on the examination team."""
    return (
        Case.objects.filter(
            Q(assigned_examiners=user) | Q(examination_team__members__user=user), status__in=OPEN_STATUSES
        )
        .distinct()
        .order_by("registered_at", "id")
    )


@role_required(sees_agency_cases)
@require_http_methods(["GET", "POST"])
def officer_handover(request: HttpRequest) -> HttpResponse:
    agency_id = int(getattr(request.user, "agency_id", 0) or 0)  # sees_agency_cases requires an agency
    chosen = (request.POST if request.method == "POST" else request.GET).get("leaving", "")
    leaving = _officers(agency_id).filter(pk=chosen).first() if chosen.isdigit() else None
    if request.method == "POST":
        form = HandoverForm(request.POST, agency_id=agency_id)
    else:
        form = HandoverForm(initial={"leaving": leaving}, agency_id=agency_id)
    if request.method == "POST" and form.is_valid():
        try:
            cases = services.officer_handover(
                leaving_user=form.cleaned_data["leaving"],
                successor=form.cleaned_data["successor"],
                actor=request.user,
            )
        except ServicePermissionDenied as error:
            raise PermissionDenied(str(error.message)) from error
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            successor = form.cleaned_data["successor"]
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
    # The look-up form (GET) has its own ids: both forms show the `leaving` field.
    picker = HandoverForm(initial={"leaving": leaving}, agency_id=agency_id, auto_id="pick_%s")
    context = {
        "form": form,
        "picker": picker,
        "leaving": leaving,
        "cases": open_cases_of(leaving) if leaving else None,
    }
    return render(request, "casework/handover.html", context)
