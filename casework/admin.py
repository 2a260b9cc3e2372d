"""Administration: cases and everything recorded on them, read-only. They change only through casework.services.

Files (evidence, letter PDFs) are not linked here: their downloads go through the audited case pages.
"""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from casework.models import (
    Case,
    CaseEvidence,
    CaseReport,
    CaseTrack,
    Examination,
    ExaminationReport,
    ExaminationTeam,
    ExaminationTeamMember,
    Letter,
    LetterNumberSequence,
    Summons,
)


class ReadOnlyMixin:
    """Viewable by those with the view permission; never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    # The (read-only) form is still built; say how to read scheme-less URLs, as Django 6 will.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class CaseReportInline(ReadOnlyMixin, admin.TabularInline):
    model = CaseReport
    fields = ("report", "linked_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


class CaseTrackInline(ReadOnlyMixin, admin.TabularInline):
    model = CaseTrack
    fields = ("track", "status", "outcome", "referred_to", "referred_on")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "registered_at", "status", "accused_name", "accused_nip", "agency", "version")
    list_filter = ("status", "agency")
    list_select_related = ("agency",)
    search_fields = ("number", "accused_name", "accused_nip")
    date_hierarchy = "registered_at"
    fields = (
        "number",
        "agency",
        "status",
        "version",
        "status_changed_at",
        "accused",
        "accused_name",
        "accused_nip",
        "summary",
        "probable_level",
        "review_note",
        "closure_reason",
        "merged_into",
        "assigned_examiners",
        "registered_at",
        "registered_by",
    )
    readonly_fields = fields
    inlines = (CaseReportInline, CaseTrackInline)


@admin.register(CaseTrack)
class CaseTrackAdmin(ReadOnlyAdmin):
    list_display = ("case", "track", "status", "referred_to", "referred_on")
    list_filter = ("track", "status")
    list_select_related = ("case",)
    search_fields = ("case__number",)


class ExaminationTeamMemberInline(ReadOnlyMixin, admin.TabularInline):
    model = ExaminationTeamMember
    fields = ("role", "name", "nip", "position_title", "user")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ExaminationTeam)
class ExaminationTeamAdmin(ReadOnlyAdmin):
    list_display = ("decision_number", "decision_date", "case", "formed_by")
    list_select_related = ("case", "formed_by")
    search_fields = ("decision_number", "case__number")
    inlines = (ExaminationTeamMemberInline,)


@admin.register(Summons)
class SummonsAdmin(ReadOnlyAdmin):
    list_display = ("case", "number", "scheduled_at", "sent_on", "delivery_method", "attendance")
    list_filter = ("number", "attendance", "delivery_method")
    list_select_related = ("case",)
    search_fields = ("case__number",)


@admin.register(Examination)
class ExaminationAdmin(ReadOnlyAdmin):
    list_display = ("case", "held_at", "examinee_signed", "recorded_by")
    list_select_related = ("case", "recorded_by")
    search_fields = ("case__number",)


@admin.register(ExaminationReport)
class ExaminationReportAdmin(ReadOnlyAdmin):
    list_display = ("case", "proven", "recommended_sanction_code", "recommended_sanction_level", "submitted_by")
    list_filter = ("proven", "recommended_sanction_level")
    list_select_related = ("case", "submitted_by")
    search_fields = ("case__number",)


@admin.register(CaseEvidence)
class CaseEvidenceAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "title", "original_name", "sha256", "added_at", "withdrawn_at")
    list_filter = ("kind",)
    list_select_related = ("case",)
    search_fields = ("case__number", "sha256", "original_name", "witness_name")
    exclude = ("file",)


@admin.register(Letter)
class LetterAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "case", "status", "requested_at", "issued_at", "attempts")
    list_filter = ("status", "kind", "year")
    list_select_related = ("case",)
    search_fields = ("number", "verification_code", "case__number", "sha256")
    exclude = ("pdf",)


@admin.register(LetterNumberSequence)
class LetterNumberSequenceAdmin(ReadOnlyAdmin):
    list_display = ("agency", "year", "register", "last_number")
    list_filter = ("year", "register")
