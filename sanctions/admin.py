"""Administration: the sanction catalogue, the remedy rules and the staffing authorities, editable by
administrators; conflicts of interest and prior sanctions recorded through the services (a prior sanction withdrawn,
never deleted; the register entry lists them); decisions, recusals, objections and execution records read-only."""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.actors import Actor
from accounts.admin import CivilServantAdmin
from accounts.models import CivilServant
from core import clock
from sanctions.models import (
    AuthorityRule,
    ConflictOfInterest,
    Decision,
    DecisionRecusal,
    ExecutionRecord,
    Objection,
    PriorSanction,
    RemedyRule,
    SanctionType,
    StaffingAuthority,
)
from sanctions.services import conflict_of_interest_record, prior_sanction_record, prior_sanction_withdraw


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
    list_filter = ("track", "level", "remedy", "requires_examination_team", "needs_verification")
    # The PNS rows, then the PPPK rows, each lightest first.
    ordering = ("employee_types", "severity", "code", "valid_from")
    search_fields = ("code", "name", "name_en", "regulation", "article", "applied_provisions")
    fieldsets = (
        (None, {"fields": ("code", "name", "name_en", "track", "level", "severity")}),
        (None, {"fields": ("duration_months", "is_permanent", "allowance_cut_percent", "employee_types")}),
        (
            _("What a decision on it needs and says"),
            {
                "fields": (
                    "remedy",
                    "requires_examination_team",
                    "position_effect",
                    "excluded_position_kinds",
                    "operative_wording",
                    "rights_clause",
                )
            },
        ),
        (
            None,
            {
                "fields": (
                    "regulation",
                    "article",
                    "applied_provisions",
                    "valid_from",
                    "valid_to",
                    "needs_verification",
                    "note",
                )
            },
        ),
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


@admin.register(RemedyRule)
class RemedyRuleAdmin(admin.ModelAdmin):
    """Who decides an objection or appeal, its deadline rules and what a late filing gets (PP 79/2021). A changed rule
    gets a new row with its validity (end the old one with `valid_to`), so earlier objections keep theirs."""

    list_display = (
        "remedy",
        "decided_by",
        "decider",
        "window_rule",
        "decision_rule",
        "late_filing",
        "regulation",
        "valid_from",
        "valid_to",
        "needs_verification",
    )
    list_filter = ("remedy", "decider", "needs_verification")
    search_fields = ("regulation", "article", "note")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # objections point at the rule they were filed under


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


class PriorSanctionForm(forms.ModelForm):
    class Meta:
        model = PriorSanction
        fields = (
            "civil_servant",
            "sanction_type",
            "violation_kind",
            "violation_types",
            "decision_number",
            "decision_date",
            "decided_by",
            "source",
            "note",
            "withdrawal_reason",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "sanction_type" in self.fields:
            field = cast(forms.ModelChoiceField, self.fields["sanction_type"])
            field.queryset = SanctionType.objects.exclude(track=SanctionType.Track.ETHICS)

    def clean(self) -> dict[str, Any]:
        # The service checks again; here the officer gets the message on the form instead of an error page.
        data = super().clean() or {}
        day = data.get("decision_date")
        if day is not None and day > clock.today():
            self.add_error("decision_date", _("The date cannot be in the future."))
        return data


@admin.register(PriorSanction)
class PriorSanctionAdmin(admin.ModelAdmin):
    """Sanctions entered from a civil servant's record (SIASN extract or paper), through the audited service. An entry
    is never changed or deleted: a wrong one is withdrawn with a reason (it then no longer counts)."""

    form = PriorSanctionForm
    list_display = ("civil_servant", "sanction_type", "decision_number", "decision_date", "source", "withdrawn_at")
    list_filter = ("source", "sanction_type__level")
    list_select_related = ("civil_servant", "sanction_type")
    search_fields = ("civil_servant__nip", "civil_servant__name", "decision_number")
    raw_id_fields = ("civil_servant",)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(PriorSanctionForm.Meta.fields)
        return fields if obj is not None else [name for name in fields if name != "withdrawal_reason"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        entered = tuple(name for name in PriorSanctionForm.Meta.fields if name != "withdrawal_reason")
        return (*entered, "recorded_by", "recorded_at", "withdrawn_at") + (
            ("withdrawal_reason",) if obj.withdrawn_at else ()
        )

    def save_model(self, request: HttpRequest, obj: PriorSanction, form: Any, change: bool) -> None:
        actor = cast(Actor, request.user)  # the admin site lets in staff accounts only
        if change:
            if obj.withdrawal_reason.strip() and obj.withdrawn_at is None:
                prior_sanction_withdraw(actor=actor, prior=obj, reason=obj.withdrawal_reason)
            return
        recorded = prior_sanction_record(
            actor=actor,
            civil_servant=obj.civil_servant,
            sanction_type=obj.sanction_type,
            decision_number=obj.decision_number,
            decision_date=obj.decision_date,
            source=obj.source,
            violation_kind=obj.violation_kind,
            violation_types=list(form.cleaned_data.get("violation_types") or []),
            decided_by=obj.decided_by,
            note=obj.note,
        )
        obj.pk = recorded.pk

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        return None  # the service set the violation types; nothing else relates to an entry

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PriorSanctionInline(admin.TabularInline):
    """The register entry's prior sanctions (entered and withdrawn on their own admin page, through the service)."""

    model = PriorSanction
    fields = ("sanction_type", "decision_number", "decision_date", "source", "withdrawn_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# The register entry shows its prior sanctions: accounts cannot import sanctions (the layers point down), so the
# sanctions app extends the register's admin page with its inline.
admin.site.unregister(CivilServant)


@admin.register(CivilServant)
class CivilServantWithPriorSanctionsAdmin(CivilServantAdmin):
    inlines = [*CivilServantAdmin.inlines, PriorSanctionInline]

    def get_inline_instances(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        # A register entry being added has no prior sanctions to show (they are entered on their own page).
        return super().get_inline_instances(request, obj) if obj is not None else []


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
    list_display = ("decision", "kind", "status", "filed_on", "due_on", "filed_late", "outcome", "decided_on")
    list_filter = ("kind", "status", "outcome", "filed_late")
    list_select_related = ("decision", "remedy_rule")
    exclude = ("letter", "response_letter", "ruling_document")


@admin.register(ExecutionRecord)
class ExecutionRecordAdmin(ReadOnlyAdmin):
    list_display = ("decision", "action", "carried_out_on", "document_number", "recorded_at")
    list_filter = ("action",)
    list_select_related = ("decision",)
