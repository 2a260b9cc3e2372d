"""The web-action layer: one page per service call, the same steps for every app.

An action view finds its target through a scoped selector (404 otherwise), checks the permission predicate (403),
draws its form on GET and on POST validates it, calls exactly one service and goes back to the target's page with a
message. What the service refuses never becomes a 500 and never half-saves:

- `core.errors.PermissionDenied` → 403;
- `ConflictError` (a stale version, a state that no longer allows the action) → the target's page again, showing
  its current state, with the message;
- any other `DomainError` → the form again with the message, on the field it names when the form has it.

An action whose form sits on its target's own page (`page_of_its_own = False`) has no page: it answers POST only,
and an invalid form or a refusal goes back to the target's page with the message.

An app gives one base class per kind of target (`get_target`, `target_url`, the context its templates need); each
action is then a few declarative lines: its form, page, predicate and the one service call in `perform`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.views import View

from core.decorators import role_required
from core.errors import ConflictError, DomainError
from core.errors import PermissionDenied as ServicePermissionDenied


@dataclass(frozen=True)
class ActionPage:
    """What the action's own page shows."""

    title: str | Promise
    submit: str | Promise = ""
    intro: str | Promise = ""
    template: str = ""
    multipart: bool = False


@dataclass(frozen=True)
class Done:
    """What a successful action says, and where it goes next (None: back to the action's own target)."""

    message: str
    target: Any = None


class ServiceActionView(View):
    """GET: the action's page. POST: validate, call one service (`perform`), redirect with a message."""

    http_method_names: ClassVar[list[str]] = ["get", "post"]  # type: ignore[misc]
    form_class: ClassVar[type[forms.Form]]
    page: ClassVar[ActionPage]
    # False: the form is part of the target's page; the action answers POST only and never draws a page.
    page_of_its_own: ClassVar[bool] = True
    # The template of pages that name none; templates include core/_action_form.html for the form itself.
    default_template: ClassVar[str] = "core/action_page.html"
    # Service argument names that a form carries under another name (for placing a DomainError on its field).
    field_of_argument: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., HttpResponseBase]:
        if not cls.page_of_its_own:
            cls.http_method_names = ["post"]
        return role_required(cls.role)(super().as_view(**initkwargs))

    # --- what an app's base class or an action provides -----------------------------------------------------------

    @staticmethod
    def role(user: Any) -> bool:
        """Who reaches the view at all (anonymous visitors log in first; others get 403); e.g.
        `role = staticmethod(can_view_cases)`."""
        raise NotImplementedError

    def get_target(self) -> Any:
        """The object acted on, through the app's scoped selector (raise Http404 when the user may not see it)."""
        raise NotImplementedError

    def is_allowed(self, target: Any) -> bool:
        """The permission predicate of this action (the service checks again: it holds the rule)."""
        raise NotImplementedError

    def form_kwargs(self, target: Any) -> dict[str, Any]:
        return {}

    def perform(self, form: Any, target: Any) -> str | Done:
        """The one service call; returns the success message (or a `Done` going elsewhere)."""
        raise NotImplementedError

    def target_url(self, target: Any) -> str:
        """The page of a target: where a success or a conflict goes."""
        raise NotImplementedError

    def context(self, target: Any, form: forms.Form) -> dict[str, Any]:
        """Extra template context (the app's base class adds the target under its own name)."""
        return {}

    def forms_are_valid(self, form: forms.Form) -> bool:
        return form.is_valid()

    # --- the steps -------------------------------------------------------------------------------------------------

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self._allowed_target()
        return self.render_page(target, self.make_form(target, bound=False))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self._allowed_target()
        form = self.make_form(target, bound=True)
        if not self.forms_are_valid(form):
            return self._invalid(target, form)
        try:
            done = self.perform(form, target)
        except ServicePermissionDenied as error:
            raise PermissionDenied(str(error.message)) from error
        except ConflictError as error:
            messages.error(request, str(error.message))
            return redirect(self.target_url(target))
        except DomainError as error:
            return self._refused(target, form, error)
        if isinstance(done, str):
            done = Done(done)
        messages.success(request, done.message)
        return redirect(self.target_url(done.target if done.target is not None else target))

    def make_form(self, target: Any, *, bound: bool) -> forms.Form:
        data = (self.request.POST, self.request.FILES) if bound else (None, None)
        return self.form_class(*data, **self.form_kwargs(target))

    def render_page(self, target: Any, form: forms.Form) -> HttpResponse:
        context = {
            "form": form,
            "page": self.page,
            "action_url": self.request.path,
            "back_url": self.target_url(target),
            **self.context(target, form),
        }
        return render(self.request, self.page.template or self.default_template, context)

    def _allowed_target(self) -> Any:
        target = self.get_target()
        if not self.is_allowed(target):
            raise PermissionDenied
        return target

    def _invalid(self, target: Any, form: forms.Form) -> HttpResponse:
        if not self.page_of_its_own:
            errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
            messages.error(self.request, " ".join(errors))
            return redirect(self.target_url(target))
        messages.error(self.request, _("Please correct the fields marked below."))
        return self.render_page(target, form)

    def _refused(self, target: Any, form: forms.Form, error: DomainError) -> HttpResponse:
        messages.error(self.request, str(error.message))
        if not self.page_of_its_own:
            return redirect(self.target_url(target))
        # The message is shown already; the field it names is marked too.
        refusal_on_form(form, error, field_of_argument=self.field_of_argument, above_the_form=False)
        return self.render_page(target, form)


def refusal_on_form(
    form: forms.Form,
    error: DomainError,
    *,
    field: str | None = None,
    field_of_argument: Mapping[str, str] | None = None,
    above_the_form: bool = True,
) -> None:
    """Put a service's refusal on the form: on `field`, else on the field carrying the argument the error names
    (`field_of_argument` maps service arguments to fields of other names), else above the form (if wanted)."""
    name = field or (field_of_argument or {}).get(error.field or "", error.field)
    if name in form.fields:
        form.add_error(name, str(error.message))
    elif above_the_form:
        form.add_error(None, str(error.message))
