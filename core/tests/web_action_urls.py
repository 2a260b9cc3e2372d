"""A test-only action over a calendar change, to drive core.web_actions through real requests."""

from typing import Any

from django import forms
from django.http import Http404
from django.urls import path

from config import urls as project_urls
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import DayOff
from core.web_actions import ActionPage, Done, ServiceActionView


class RenameForm(forms.Form):
    name = forms.CharField(max_length=50)
    outcome = forms.ChoiceField(choices=[(c, c) for c in ("ok", "elsewhere", "conflict", "domain", "field", "denied")])


class RenameDayOff(ServiceActionView):
    role = staticmethod(lambda user: user.is_staff)
    form_class = RenameForm
    page = ActionPage("Rename the day off", submit="Rename")
    field_of_argument = {"title": "name"}

    def get_target(self) -> DayOff:
        day_off = DayOff.objects.filter(pk=self.kwargs["day_off_id"]).first()
        if day_off is None:
            raise Http404
        return day_off

    def is_allowed(self, target: DayOff) -> bool:
        return target.kind == DayOff.Kind.DAY_OFF

    def target_url(self, target: Any) -> str:
        return f"/day-offs/{target.pk}/"

    def perform(self, form: RenameForm, target: DayOff) -> str | Done:
        outcome = form.cleaned_data["outcome"]
        if outcome == "conflict":
            raise ConflictError("stale", "Someone else changed it.")
        if outcome == "domain":
            raise DomainError("refused", "Not like that.")
        if outcome == "field":
            raise DomainError("title_bad", "A better title, please.", field="title")
        if outcome == "denied":
            raise PermissionDenied("denied", "Not yours.")
        target.name = form.cleaned_data["name"]
        target.save(update_fields=["name"])
        if outcome == "elsewhere":
            return Done("Renamed; see the list.", target=DayOff(pk=0))
        return "Renamed."


class RenameDayOffFromItsPage(RenameDayOff):
    """The same action with its form on the day off's own page."""

    page_of_its_own = False


# The project's own URLs too: the base template links to them.
urlpatterns = [
    path("day-offs/<int:day_off_id>/rename/", RenameDayOff.as_view(), name="rename-day-off"),
    path("day-offs/<int:day_off_id>/rename-here/", RenameDayOffFromItsPage.as_view(), name="rename-day-off-here"),
    *project_urls.urlpatterns,
]
