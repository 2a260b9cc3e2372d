"""Who signs the letters of a case: the snapshot every signed row keeps, and the agency's team-decree signatory.

A letter is signed by the official the law names, never by the account that clicked (docs/legal-basis.md §5.2,
§4.3, §7.3): a summons and the LHP by the accused's direct superior or, with an examination team, by its chair; the
decree forming the team by the PPK or the official the PPK designates (`TeamDecreeSignatory`, data per agency). The
account that records the step in Netra is audited as the recorder (the event's actor).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency
from core.models import TimeStampedModel


class SignatoryRole(models.TextChoices):
    DIRECT_SUPERIOR = "direct_superior", _("Direct superior of the accused")
    TEAM_CHAIR = "team_chair", _("Chair of the examination team")
    PPK = "ppk", _("Staffing authority (PPK)")
    DESIGNATED_OFFICIAL = "designated_official", _("Official designated by the PPK")


class SignatorySnapshot(models.Model):
    """The signatory as the letter names them, kept on the row the letter records (later changes to the register
    or to the team never change who signed)."""

    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_nip = models.CharField(_("signatory's NIP"), max_length=18, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=200, blank=True)
    signatory_role = models.CharField(
        _("signs as"), max_length=30, choices=SignatoryRole.choices, blank=True, default=""
    )

    class Meta:
        abstract = True


class TeamDecreeSignatoryQuerySet(models.QuerySet["TeamDecreeSignatory"]):
    def in_force(self, on: datetime.date) -> "TeamDecreeSignatoryQuerySet":
        return self.filter(models.Q(valid_from__lte=on), models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on))


class TeamDecreeSignatory(TimeStampedModel):
    """Who signs the decree forming an examination team in an agency, for a period: the PPK, or an official the PPK
    designated (with the designation's basis). Recorded by administrators through
    casework.services.team_decree_signatory_save (audited); periods of one agency never overlap."""

    class Kind(models.TextChoices):
        PPK = "ppk", _("The staffing authority (PPK) signs")
        DESIGNATED = "designated", _("An official designated by the PPK signs")

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="team_decree_signatories"
    )
    kind = models.CharField(_("who signs"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    position_title = models.CharField(
        _("position"), max_length=200, help_text=_("As the decree's title and signature name it, e.g. “Bupati Lebong”.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Netra account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    designation_basis = models.TextField(
        _("basis of the designation"),
        blank=True,
        help_text=_("The PPK's decision designating this official, e.g. “Keputusan Bupati Lebong Nomor …”."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    objects = TeamDecreeSignatoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("team-decree signatory")
        verbose_name_plural = _("team-decree signatories")
        ordering = ("agency", "-valid_from")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="designated") | ~models.Q(designation_basis=""),
                name="team_decree_signatory_designation_has_basis",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="team_decree_signatory_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position_title}: {self.name}"

    @property
    def signatory_role(self) -> str:
        return SignatoryRole.PPK if self.kind == self.Kind.PPK else SignatoryRole.DESIGNATED_OFFICIAL
