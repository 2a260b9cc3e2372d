"""Administration: the violation catalogue and elections (editable), reports (read-only oversight).

The reporter's identity never appears here: Reporter is not registered, no inline shows it, and the report's
`submitted_by` (the staff account that entered an internal finding) is left out too. Intake officers see the
reporter in the triage views, where each view is audited.
"""

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from violations.models import Election, Report, ReportLink, TimelineEntry, ViolationKind, ViolationType


class RegulatedAdmin(admin.ModelAdmin):
    """Catalogue rows carry their legal basis; a rule that changes gets a new validity period, not an edit."""

    list_display = ("code", "name", "regulation", "article", "valid_from", "valid_to", "needs_verification")
    search_fields = ("code", "name", "name_en", "regulation", "article")


@admin.register(ViolationType)
class ViolationTypeAdmin(RegulatedAdmin):
    list_filter = ("category", "is_social_media", "ethics_moral_sanction", "discipline_level", "needs_verification")
    fieldsets = (
        (None, {"fields": ("code", "sort_order", "name", "name_en", "description", "description_en", "category")}),
        (None, {"fields": ("is_social_media", "ethics_moral_sanction", "ethics_article", "repeat_kind")}),
        (None, {"fields": ("discipline_level", "level_basis", "alternative_level", "alternative_level_basis")}),
        (None, {"fields": ("regulation", "article", "valid_from", "valid_to", "needs_verification", "note")}),
    )


@admin.register(ViolationKind)
class ViolationKindAdmin(RegulatedAdmin):
    """What counts as the same kind of violation for a repeat; the types of a kind are set on each type."""

    list_display = ("code", "name", "regulation", "article", "valid_from", "valid_to", "note")


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "year", "region", "campaign_start", "campaign_end", "voting_day")
    list_filter = ("kind", "year")
    search_fields = ("name", "region")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False


class ReportLinkInline(ReadOnlyInline):
    model = ReportLink
    fields = ("url", "added_at")


class TimelineEntryInline(ReadOnlyInline):
    model = TimelineEntry
    fields = ("status", "at", "note")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only oversight list. Changes go through triage (violations.services), never through the admin."""

    list_display = ("tracking_code", "received_at", "channel", "status", "accused_name", "violation_type", "agency")
    list_filter = ("status", "channel", "source", "violation_type", "election", "agency")
    list_select_related = ("violation_type", "agency")
    search_fields = ("tracking_code", "accused_name", "accused_nip")
    date_hierarchy = "received_at"
    fields = (
        "tracking_code",
        "agency",
        "channel",
        "source",
        "status",
        "received_at",
        "accused_name",
        "accused_nip",
        "accused_position",
        "accused_agency",
        "accused",
        "incident_date",
        "incident_time",
        "incident_place",
        "platform",
        "description",
        "violation_type",
        "election",
        "election_text",
        "election_stage",
        "date_known",
        "rejection_reason",
        "information_request",
        "merged_into",
    )
    readonly_fields = fields
    inlines = (ReportLinkInline, TimelineEntryInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Report | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Report | None = None) -> bool:
        return False
