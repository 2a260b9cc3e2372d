"""Administration: the sanction catalogue, editable by administrators with its legal basis and validity."""

from django.contrib import admin

from sanctions.models import AuthorityRule, SanctionType


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
