"""The violation catalogue: what a neutrality violation is (N01–N13), the kind of violation a repeat counts, and the
levels they lead to, each row with its legal basis (RegulatedModel: regulation, article, validity).

Part of the violations app's models (re-exported by violations.models, which Django loads); loaded by data
migrations from the modules beside this one and edited by administrators afterwards.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from core import clock
from core.models import TimeStampedModel


class RegulatedQuerySet(models.QuerySet["RegulatedModel"]):
    def in_force(self, on: datetime.date | None = None) -> "RegulatedQuerySet":
        on = on or clock.today()
        return self.filter(models.Q(valid_from__lte=on), models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on))


class RegulatedModel(TimeStampedModel):
    """Catalogue data carrying the regulation, article and validity period it comes from."""

    regulation = models.CharField(_("regulation"), max_length=200)
    article = models.CharField(_("article"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = RegulatedQuerySet.as_manager()

    class Meta:
        abstract = True


class SanctionLevel(models.TextChoices):
    """Levels a violation leads to; the sanction types themselves are in the sanctions catalogue."""

    NONE = "", _("none")
    LIGHT = "light", _("light")
    MODERATE = "moderate", _("moderate")
    HEAVY = "heavy", _("heavy")
    DISMISSAL = "dismissal", _("dismissal not with honour (PTDH)")


class ViolationKind(RegulatedModel):
    """What counts as "the same kind of violation" for a repeat (a repeat gets a heavier sanction, docs/legal-basis.md
    §3.5): violation types of one kind are repeats of one another. The grouping and its basis are data; an
    administrator regroups the types (or gives a type a kind of its own) when the reading changes."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("kind of violation (repeats)")
        verbose_name_plural = _("kinds of violation (repeats)")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name

    def localized_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name


class ViolationType(RegulatedModel):
    """A form of neutrality violation (N01–N13) from the SKB 2022 and PP 94/2021 Pasal 5 huruf n.

    The discipline level is the reading Netra applies (with `level_basis`); where the sources disagree the other
    reading is recorded beside it (`alternative_level`, `alternative_level_basis`), shown, never applied."""

    class Category(models.TextChoices):
        SOCIAL_MEDIA = "social_media", _("Social media")
        CAMPAIGN_ACTIVITY = "campaign_activity", _("Campaign activity")
        CANDIDACY = "candidacy", _("Candidacy and party")
        OFFICIAL_ACT = "official_act", _("Use of office")

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    is_social_media = models.BooleanField(_("social-media act"), default=False)
    # Ethics track (PP 42/2004): whether a sanksi moral applies.
    ethics_moral_sanction = models.BooleanField(_("sanksi moral (ethics track)"), default=False)
    # Discipline track (PP 94/2021): the level it leads to, if any.
    discipline_level = models.CharField(
        _("discipline level"), max_length=20, choices=SanctionLevel.choices, blank=True, default=""
    )
    level_basis = models.CharField(_("basis of the discipline level"), max_length=300, blank=True)
    alternative_level = models.CharField(
        _("alternative reading: level"),
        max_length=20,
        choices=SanctionLevel.choices,
        blank=True,
        default="",
        help_text=_("Another source's level, recorded and shown beside the one applied; never applied."),
    )
    alternative_level_basis = models.CharField(_("alternative reading: basis"), max_length=300, blank=True)
    # Ethics track: the provision of PP 42/2004 the act breaches (cited by the ethics decision and the statement).
    ethics_article = models.CharField(_("ethics provision (PP 42/2004)"), max_length=200, blank=True)
    repeat_kind = models.ForeignKey(
        ViolationKind,
        verbose_name=_("kind (for repeats)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="violation_types",
        help_text=_("Violations of the same kind are repeats of one another; without a kind, only the same type."),
    )
    needs_verification = models.BooleanField(
        _("legal basis uncertain"), default=False, help_text=_("The sources disagree; see the note.")
    )
    note = models.TextField(_("note"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("violation type")
        verbose_name_plural = _("violation types")
        ordering = ("sort_order", "code")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def localized_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name

    def localized_description(self, language: str) -> str:
        return self.description_en if language.startswith("en") and self.description_en else self.description
