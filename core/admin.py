"""Administration: the audit trail, read-only for everyone (superusers included) and the site's titles."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.models import AuditEvent

admin.site.site_header = _("Netra administration")
admin.site.site_title = _("Netra")
admin.site.index_title = _("Registers, catalogues and oversight")


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
