"""Administration: cases and everything recorded on them, read-only. They change only through casework.services.
The agency's team-decree signatories are edited here, through their audited service.

Files (evidence, letter PDFs) are not linked here: their downloads go through the audited case pages.
"""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from accounts.actors import Actor
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
    TeamDecreeSignatory,
)
from casework.services import team_decree_signatory_check, team_decree_signatory_save
from core.errors import DomainError


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
    fields = ("role", "is_chair", "name", "nip", "position_title", "user")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ExaminationTeam)
class ExaminationTeamAdmin(ReadOnlyAdmin):
    list_display = ("decision_number", "decision_date", "decree_is_external", "signatory_name", "case", "formed_by")
    list_filter = ("decree_is_external",)
    list_select_related = ("case", "formed_by")
    search_fields = ("decision_number", "case__number")
    exclude = ("letter",)
    inlines = (ExaminationTeamMemberInline,)


@admin.register(Summons)
class SummonsAdmin(ReadOnlyAdmin):
    list_display = (
        "case",
        "number",
        "scheduled_at",
        "sent_on",
        "notice_respected",
        "signatory_name",
        "attendance",
        "set_aside_at",
    )
    list_filter = ("number", "attendance", "notice_respected", "delivery_method")
    list_select_related = ("case",)
    search_fields = ("case__number",)


@admin.register(Examination)
class ExaminationAdmin(ReadOnlyAdmin):
    list_display = ("case", "held_at", "examination_team", "examinee_signed", "recorded_by", "set_aside_at")
    list_select_related = ("case", "recorded_by", "examination_team")
    search_fields = ("case__number",)


@admin.register(ExaminationReport)
class ExaminationReportAdmin(ReadOnlyAdmin):
    list_display = ("case", "proven", "recommended_sanction_label", "recommended_sanction_level", "signatory_name")
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


class TeamDecreeSignatoryForm(forms.ModelForm):
    class Meta:
        model = TeamDecreeSignatory
        fields = (
            "agency",
            "kind",
            "name",
            "nip",
            "position_title",
            "user",
            "designation_basis",
            "valid_from",
            "valid_to",
        )

    def clean(self) -> dict[str, Any]:
        """The service's rules (a designated official's basis, no overlapping period) on the form, before saving."""
        data = super().clean() or {}
        if self.errors or not data.get("agency"):
            return data
        candidate = TeamDecreeSignatory(pk=self.instance.pk, **{name: data.get(name) for name in self.Meta.fields})
        for name in ("nip", "designation_basis"):
            setattr(candidate, name, getattr(candidate, name) or "")
        try:
            team_decree_signatory_check(candidate)
        except DomainError as refused:
            self.add_error(refused.field if refused.field in self.fields else None, str(refused.message))
        return data


@admin.register(TeamDecreeSignatory)
class TeamDecreeSignatoryAdmin(admin.ModelAdmin):
    """Who signs the decrees forming examination teams (docs/legal-basis.md §4.3): recorded and changed through
    casework.services.team_decree_signatory_save (audited); never deleted, a period is ended instead."""

    form = TeamDecreeSignatoryForm
    list_display = ("agency", "position_title", "name", "kind", "valid_from", "valid_to", "recorded_by")
    list_filter = ("agency", "kind")
    list_select_related = ("agency", "recorded_by")
    search_fields = ("name", "nip", "position_title", "designation_basis")
    raw_id_fields = ("user",)
    readonly_fields = ("recorded_by",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: TeamDecreeSignatory, form: Any, change: bool) -> None:
        team_decree_signatory_save(
            actor=cast(Actor, request.user),  # the admin site lets in staff accounts only
            signatory=obj,
            changed_fields=list(form.changed_data),
        )
