"""Administration: the sanction catalogue and the staffing authorities, editable by administrators; conflicts of
interest recorded through the service; decisions, recusals, objections and execution records read-only."""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.actors import Actor
from sanctions.models import (
    AuthorityRule,
    ConflictOfInterest,
    Decision,
    DecisionRecusal,
    ExecutionRecord,
    Objection,
    SanctionType,
    StaffingAuthority,
)
from sanctions.services import conflict_of_interest_record


@admin.register(SanctionType)
class SanctionTypeAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "track",
        "level",
        "severity",
        "regulation",
        "article",
        "valid_from",
        "valid_to",
        "needs_verification",
    )
    list_filter = ("track", "level", "needs_verification")
    search_fields = ("code", "name", "name_en", "regulation", "article")
    fieldsets = (
        (None, {"fields": ("code", "name", "name_en", "track", "level", "severity")}),
        (None, {"fields": ("duration_months", "is_permanent", "allowance_cut_percent", "employee_types")}),
        (None, {"fields": ("regulation", "article", "valid_from", "valid_to", "needs_verification", "note")}),
    )


@admin.register(AuthorityRule)
class AuthorityRuleAdmin(admin.ModelAdmin):
    list_display = (
        "position_kind",
        "functional_scope",
        "level",
        "sanction_code",
        "authority",
        "article",
        "valid_from",
        "valid_to",
        "needs_verification",
    )
    list_filter = ("position_kind", "level", "authority", "needs_verification")
    search_fields = ("position_kind", "sanction_code", "regulation", "article", "note")


@admin.register(StaffingAuthority)
class StaffingAuthorityAdmin(admin.ModelAdmin):
    """Who is the PPK of each agency and who stands in, in order, when the one above is recused."""

    list_display = ("agency", "order", "title", "user", "is_active")
    list_filter = ("agency", "is_active")
    list_select_related = ("agency", "user")
    search_fields = ("title", "user__username", "user__first_name", "user__last_name")
    raw_id_fields = ("user",)


class ConflictOfInterestForm(forms.ModelForm):
    class Meta:
        model = ConflictOfInterest
        fields = ("official", "description", "accused", "valid_from", "valid_to")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        valid_from, valid_to = data.get("valid_from"), data.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("The end date is before the start date."))
        return data


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
    """Recorded through sanctions.services (audited); afterwards only the description and the end date change."""

    form = ConflictOfInterestForm
    list_display = ("official", "description", "accused", "valid_from", "valid_to", "recorded_by")
    list_select_related = ("official", "accused", "recorded_by")
    search_fields = ("description", "official__username", "official__last_name", "accused__name", "accused__nip")
    raw_id_fields = ("official", "accused")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("official", "accused", "valid_from", "recorded_by") if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: ConflictOfInterest, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        recorded = conflict_of_interest_record(
            actor=cast(Actor, request.user),  # the admin site lets in staff accounts only
            official=obj.official,
            description=obj.description,
            valid_from=obj.valid_from,
            valid_to=obj.valid_to,
            accused=obj.accused,
        )
        obj.pk = recorded.pk
        obj.recorded_by = recorded.recorded_by

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Decisions and what follows them change only through sanctions.services."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("case", "track", "outcome", "status", "version_number", "decision_date", "signed_by")
    list_filter = ("status", "track", "outcome")
    list_select_related = ("case", "signed_by")
    search_fields = ("case__number",)
    exclude = ("letter",)


@admin.register(DecisionRecusal)
class DecisionRecusalAdmin(ReadOnlyAdmin):
    list_display = ("decision", "official", "reason", "recorded_at")
    list_filter = ("reason",)
    list_select_related = ("decision", "official")


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdmin):
    list_display = ("decision", "kind", "status", "filed_on", "due_on", "outcome", "decided_on")
    list_filter = ("kind", "status", "outcome")
    list_select_related = ("decision",)
    exclude = ("letter",)


@admin.register(ExecutionRecord)
class ExecutionRecordAdmin(ReadOnlyAdmin):
    list_display = ("decision", "action", "carried_out_on", "document_number", "recorded_at")
    list_filter = ("action",)
    list_select_related = ("decision",)
