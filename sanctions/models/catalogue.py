"""The sanction catalogue (PP 94/2021 Pasal 8, PP 42/2004, UU ASN) and the table of who may impose what."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from violations.models import RegulatedModel, SanctionLevel


class SanctionType(RegulatedModel):
    """A sanction a decision may impose on an employee type (PNS or PPPK), with its legal basis; letters take their
    wording from here, and the rules of what a decision on it needs are its data (docs/legal-basis.md §3.4, §6)."""

    class Track(models.TextChoices):
        DISCIPLINE = "discipline", _("Discipline (PP 94/2021)")
        ETHICS = "ethics", _("Ethics (PP 42/2004)")
        STATUTORY = "statutory", _("ASN law")

    class Remedy(models.TextChoices):
        OBJECTION = "objection", _("Objection (keberatan)")
        APPEAL = "appeal", _("Appeal (banding) to the BPASN")

    class PositionEffect(models.TextChoices):
        NONE = "", _("none")
        DEMOTION = "demotion", _("demotion to a lower position (names the new position)")
        RELEASE = "release", _("release to an executor position (names the new position)")
        DISMISSAL = "dismissal", _("dismissal or contract termination (names the date)")

    code = models.CharField(_("code"), max_length=10)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    level = models.CharField(_("level"), max_length=20, choices=SanctionLevel.choices, blank=True)
    # Higher is heavier; used to pick the heaviest of several and to require a heavier repeat.
    severity = models.PositiveSmallIntegerField(_("severity"))
    name = models.CharField(_("name (Indonesian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    is_permanent = models.BooleanField(_("permanent"), default=False)
    allowance_cut_percent = models.PositiveSmallIntegerField(_("allowance cut (%)"), null=True, blank=True)
    employee_types = models.JSONField(_("applies to employee types"), default=list, help_text=_('e.g. ["pns", "pppk"]'))
    # For a PPPK: the provisions of PP 94/2021 (or PP 42/2004) that PP 49/2018 applies, cited after the regulation.
    applied_provisions = models.CharField(_("provisions it applies"), max_length=300, blank=True)
    remedy = models.CharField(
        _("administrative remedy"), max_length=20, choices=Remedy.choices, default=Remedy.OBJECTION
    )
    position_effect = models.CharField(
        _("effect on the position"), max_length=20, choices=PositionEffect.choices, blank=True, default=""
    )
    excluded_position_kinds = models.JSONField(
        _("not offered for position kinds"),
        default=list,
        blank=True,
        help_text=_('Where the sanction is meaningless, e.g. ["executor"] for a release to an executor position.'),
    )
    requires_examination_team = models.BooleanField(_("requires an examination team"), default=False)
    # A statutory dismissal's operative words ("Memberhentikan tidak dengan hormat sebagai ...").
    operative_wording = models.CharField(_("operative wording"), max_length=300, blank=True)
    # What the decision states of the rights that follow (the pension rights of a dismissal).
    rights_clause = models.TextField(_("rights clause"), blank=True)
    needs_verification = models.BooleanField(_("legal basis uncertain"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("sanction type")
        verbose_name_plural = _("sanction types")
        ordering = ("severity", "code")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="sanction_type_code_validity_unique"),
            models.CheckConstraint(
                condition=~(models.Q(is_permanent=True) & models.Q(duration_months__isnull=False)),
                name="sanction_type_permanent_has_no_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def localized_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name

    def applies_to(self, employee_type: str) -> bool:
        return employee_type in self.employee_types

    def offered_to(self, position_kind: str) -> bool:
        return position_kind not in self.excluded_position_kinds

    @property
    def names_new_position(self) -> bool:
        return self.position_effect in (self.PositionEffect.DEMOTION, self.PositionEffect.RELEASE)

    @property
    def names_dismissal_date(self) -> bool:
        return self.position_effect == self.PositionEffect.DISMISSAL


class AuthorityRule(RegulatedModel):
    """Who may impose a sanction of a level on an accused of a position kind (PP 94/2021 Pasal 18–19, regency).

    `authority` names the kind of official: the staffing authority (PPK, the Bupati in a regency), an official up
    the accused's line of superiors whose position kind is in `superior_kinds`, or the President.
    """

    class FunctionalScope(models.TextChoices):
        ANY = "any", _("any level")
        PRINCIPAL_EXPERT = "ahli_utama", _("Ahli Utama only")
        BELOW_PRINCIPAL_EXPERT = "below_ahli_utama", _("other than Ahli Utama")

    class Authority(models.TextChoices):
        STAFFING_AUTHORITY = "staffing_authority", _("Staffing authority (PPK, the Bupati)")
        SUPERIOR_IN_LINE = "superior_in_line", _("A superior up the line")
        PRESIDENT = "president", _("The President")

    position_kind = models.CharField(_("accused's position kind"), max_length=20)
    functional_scope = models.CharField(
        _("functional level"), max_length=20, choices=FunctionalScope.choices, default=FunctionalScope.ANY
    )
    level = models.CharField(_("sanction level"), max_length=20, choices=SanctionLevel.choices)
    # Dismissal (B3) can have its own authority, e.g. the President for Ahli Utama.
    sanction_code = models.CharField(_("only for sanction"), max_length=10, blank=True)
    authority = models.CharField(_("authority"), max_length=30, choices=Authority.choices)
    superior_kinds = models.JSONField(
        _("position kinds of superiors who may decide"), default=list, blank=True, help_text=_('e.g. ["jpt_pratama"]')
    )
    needs_verification = models.BooleanField(_("legal basis uncertain"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("sanctioning authority rule")
        verbose_name_plural = _("sanctioning authority rules")
        ordering = ("position_kind", "functional_scope", "level", "sanction_code")
        constraints = [
            models.UniqueConstraint(
                fields=["position_kind", "functional_scope", "level", "sanction_code", "valid_from"],
                name="authority_rule_unique",
            )
        ]

    def __str__(self) -> str:
        sanction = f" {self.sanction_code}" if self.sanction_code else ""
        return f"{self.position_kind}/{self.functional_scope} {self.level}{sanction}"
