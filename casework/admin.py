"""Administration: cases, read-only. Cases change only through casework.services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from casework.models import Case, CaseReport


class CaseReportInline(admin.TabularInline):
    model = CaseReport
    fields = ("report", "linked_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("number", "registered_at", "status", "accused_name", "accused_nip", "agency")
    list_filter = ("status", "agency")
    list_select_related = ("agency",)
    search_fields = ("number", "accused_name", "accused_nip")
    date_hierarchy = "registered_at"
    fields = (
        "number",
        "agency",
        "status",
        "accused",
        "accused_name",
        "accused_nip",
        "summary",
        "registered_at",
        "registered_by",
    )
    readonly_fields = fields
    inlines = (CaseReportInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
