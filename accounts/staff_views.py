"""The agency administrator's staff pages (accounts.staff_administration): the list, a new account, one account."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts import staff_administration as staff
from accounts.actors import AuthenticatedRequest
from accounts.models import User
from core.decorators import role_required
from core.errors import DomainError

ROLE_CHOICES = [(str(role), role.label) for role in staff.ADMINISTERED_ROLES]


class StaffAccountForm(forms.Form):
    username = forms.SlugField(label=gettext_lazy("Username"), max_length=150)
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )


class StaffRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )


def _roles_of(account: User) -> list[str]:
    return [group.name for group in account.groups.all()]


@role_required(staff.administers_staff)
@require_http_methods(["GET"])
def staff_list(request: AuthenticatedRequest) -> HttpResponse:
    accounts = [(account, _roles_of(account)) for account in staff.staff_of_agency(user=request.user)]
    return render(request, "accounts/staff_list.html", {"accounts": accounts, "role_labels": dict(ROLE_CHOICES)})


@role_required(staff.administers_staff)
@require_http_methods(["GET", "POST"])
def staff_create(request: AuthenticatedRequest) -> HttpResponse:
    form = StaffAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = staff.staff_account_add(actor=request.user, **form.cleaned_data)
            staff.staff_password_link_send(actor=request.user, account=account, request=request)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(
                request,
                _("The account was created; a link to set its password was sent to %(email)s.")
                % {"email": account.email},
            )
            return redirect("account:staff-detail", account_id=account.pk)
    return render(request, "accounts/staff_create.html", {"form": form})


@role_required(staff.administers_staff)
@require_http_methods(["GET", "POST"])
def staff_detail(request: AuthenticatedRequest, account_id: int) -> HttpResponse:
    account = staff.staff_get(user=request.user, account_id=account_id)
    if account is None:
        raise Http404
    roles_form = StaffRolesForm(initial={"roles": _roles_of(account)})
    if request.method == "POST":
        roles_form, done = _act(request, account)
        if done:
            return redirect("account:staff-detail", account_id=account.pk)
    context = {"account": account, "roles_form": roles_form, "roles": _roles_of(account)}
    return render(request, "accounts/staff_detail.html", context)


def _act(request: AuthenticatedRequest, account: User) -> tuple[StaffRolesForm, bool]:
    """Carry out the action posted on the account's page; (the roles form to show again, whether it was done)."""
    action = request.POST.get("action", "")
    roles_form = StaffRolesForm(request.POST if action == "roles" else None, initial={"roles": _roles_of(account)})
    try:
        if action == "roles":
            if not roles_form.is_valid():
                return roles_form, False
            staff.staff_roles_set(actor=request.user, account=account, roles=roles_form.cleaned_data["roles"])
            messages.success(request, _("The roles were saved."))
        elif action in ("deactivate", "reactivate"):
            active = action == "reactivate"
            reason = request.POST.get("reason", "")
            staff.staff_account_set_active(actor=request.user, account=account, active=active, reason=reason)
            messages.success(
                request, _("The account was reactivated.") if active else _("The account was deactivated.")
            )
        elif action == "password_link":
            staff.staff_password_link_send(actor=request.user, account=account, request=request)
            messages.success(request, _("A link to set the password was sent to %(email)s.") % {"email": account.email})
        else:
            return roles_form, False
    except DomainError as error:
        messages.error(request, str(error.message))
        return roles_form, False
    return roles_form, True
