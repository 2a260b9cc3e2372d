"""Administration: the audit trail (read-only for everyone, superusers included), the site's titles, the agency's
calendar changes and the deadline rules (written through core.services, audited)."""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.models import AuditEvent, DayOff, DeadlineRule
from core.services import day_off_add, day_off_check, day_off_remove, deadline_rule_save

admin.site.site_header = _("Netra administration")
admin.site.site_title = _("Netra")
admin.site.index_title = _("Registers, catalogues and oversight")


def _actor(request: HttpRequest) -> AbstractBaseUser:
    """The administrator acting (the admin site lets only logged-in staff through)."""
    return cast(AbstractBaseUser, request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Events are append-only (a database trigger refuses UPDATE/DELETE); the admin offers no way to try."""

    list_display = ("occurred_at", "actor_label", "action", "target_type", "target_id", "from_status", "to_status")
    list_filter = ("action", "target_type")
    search_fields = ("actor_label", "action", "target_type")
    date_hierarchy = "occurred_at"
    fields = (
        "occurred_at",
        "actor",
        "actor_label",
        "action",
        "target_type",
        "target_id",
        "from_status",
        "to_status",
        "reason",
        "data",
        "previous_hash",
        "hash",
    )
    readonly_fields = fields
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DayOffForm(forms.ModelForm):
    class Meta:
        model = DayOff
        fields = ("date", "kind", "name", "legal_basis")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("date") and cleaned.get("kind"):
            try:
                day_off_check(day=cleaned["date"], kind=cleaned["kind"])
            except DomainError as error:
                self.add_error("date", str(error.message))
        return cleaned


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    """Calendar changes are added or removed (both audited), never edited in place: remove a wrong one, add it again."""

    form = DayOffForm
    list_display = ("date", "name", "kind", "legal_basis", "created_by")
    list_filter = ("kind",)
    search_fields = ("name", "legal_basis")
    date_hierarchy = "date"
    readonly_fields = ("created_by", "created_at")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # No role holds a raw delete permission; removing a calendar change is an audited service call that the
        # change permission allows.
        return request.user.has_perm("core.change_dayoff")

    def save_model(self, request: HttpRequest, obj: DayOff, form: forms.ModelForm, change: bool) -> None:
        saved = day_off_add(
            actor=_actor(request), date=obj.date, name=obj.name, kind=obj.kind, legal_basis=obj.legal_basis
        )
        obj.pk, obj.created_by, obj.created_at = saved.pk, saved.created_by, saved.created_at

    def delete_model(self, request: HttpRequest, obj: DayOff) -> None:
        day_off_remove(actor=_actor(request), day_off=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[DayOff]) -> None:
        for day_off in queryset:
            day_off_remove(actor=_actor(request), day_off=day_off)


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    """The legal clocks; changes are audited and apply to every deadline computed afterwards."""

    list_display = ("code", "name", "count", "unit", "direction", "anchor", "regulation", "needs_verification")
    list_filter = ("unit", "direction", "needs_verification")
    search_fields = ("code", "name", "name_en", "regulation", "article")
    fields = (
        "code",
        ("name", "name_en"),
        ("count", "unit", "direction"),
        ("anchor", "anchor_en"),
        ("outcome", "outcome_en"),
        ("regulation", "article"),
        "needs_verification",
        "note",
        ("valid_from", "valid_to"),
    )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: DeadlineRule, form: forms.ModelForm, change: bool) -> None:
        deadline_rule_save(actor=_actor(request), rule=obj, changed_fields=list(form.changed_data))
