"""Administration of agencies, units, Bawaslu offices, staff accounts and the civil-servant register."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, BawasluOffice, CivilServant, LetterCopyRecipient, Unit, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region_name", "seat", "is_default")
    search_fields = ("code", "name", "region_name")
    readonly_fields = ("emblem_preview",)
    fieldsets = (
        (None, {"fields": ("code", "name", "region_name", "seat", "address", "is_default")}),
        (
            _("Decrees"),
            {
                "fields": ("decree_heading", "emblem", "emblem_preview", "regional_statutes"),
                "description": _(
                    "What the staffing authority's decrees carry: the heading and emblem above the title, and the "
                    "regional rules cited under Mengingat. Letters of the personnel office keep its own letterhead."
                ),
            },
        ),
    )

    @admin.display(description=_("emblem as printed"))
    def emblem_preview(self, agency: Agency) -> str:
        # The emblem lives in the private storage (no public URL): shown inline, as the decrees embed it.
        uri = agency.emblem_data_uri()
        return format_html('<img src="{}" alt="" height="96">', uri) if uri else "—"


@admin.register(LetterCopyRecipient)
class LetterCopyRecipientAdmin(admin.ModelAdmin):
    """The tembusan of each letter kind and track (docs/letters.md); the defaults are loaded by a data migration."""

    list_display = ("letter_kind", "track", "order", "recipient", "basis")
    list_filter = ("letter_kind", "track")
    list_editable = ("order", "recipient")
    search_fields = ("letter_kind", "recipient")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "agency", "parent")
    list_filter = ("agency",)
    list_select_related = ("agency", "parent")
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)


@admin.register(BawasluOffice)
class BawasluOfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "agency", "email")
    list_filter = ("level", "agency")
    list_select_related = ("agency",)
    search_fields = ("name",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Organisation"), {"fields": ("agency", "units", "bawaslu_office", "position_title", "nip")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Organisation"), {"fields": ("agency", "bawaslu_office", "position_title", "nip")}),
    )
    list_display = ("username", "first_name", "last_name", "agency", "bawaslu_office", "is_staff", "is_active")
    list_filter = ("groups", "agency", "bawaslu_office", "is_staff", "is_superuser", "is_active")
    list_select_related = ("agency", "bawaslu_office")
    search_fields = ("username", "first_name", "last_name", "email", "nip")
    filter_horizontal = ("groups", "user_permissions", "units")
    autocomplete_fields = ("agency", "bawaslu_office")

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        # Administrators assign roles (groups); only a superuser grants superuser status or single permissions.
        readonly = tuple(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ("is_superuser", "user_permissions")
        return readonly

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # An administrator who is not a superuser cannot take over a superuser's account (e.g. reset its password).
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


@admin.register(CivilServant)
class CivilServantAdmin(admin.ModelAdmin):
    list_display = ("nip", "name", "employee_type", "position_title", "position_kind", "rank", "unit", "is_active")
    list_filter = ("employee_type", "position_kind", "functional_level", "is_active", "unit__agency", "unit")
    list_select_related = ("unit",)
    search_fields = ("nip", "name", "position_title")
    autocomplete_fields = ("unit", "direct_superior")
    fields = (
        "nip",
        "name",
        "employee_type",
        "position_title",
        "position_kind",
        "functional_level",
        "rank",
        "unit",
        "direct_superior",
        "is_active",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[CivilServant]:
        return super().get_queryset(request).select_related("unit", "direct_superior")
