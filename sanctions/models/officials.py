"""Who decides for an agency: its staffing authority (PPK) and stand-ins, and officials' conflicts of interest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, CivilServant
from core.models import TimeStampedModel


class StaffingAuthority(TimeStampedModel):
    """The staffing authority (PPK) of an agency and who stands in, in order, when the one above is recused.

    `order` 1 is the PPK itself (the Bupati); 2, 3… are the officials who decide in its place (e.g. the Wakil
    Bupati as acting PPK). Decisions whose authority rule names the staffing authority are routed to the first
    official here who is not recused.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="staffing_authorities"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title on letters"), max_length=200, help_text=_("e.g. Bupati Lebong"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("staffing authority (PPK)")
        verbose_name_plural = _("staffing authorities (PPK)")
        ordering = ("agency", "order")
        constraints = [
            models.UniqueConstraint(fields=["agency", "order"], name="staffing_authority_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class ConflictOfInterest(TimeStampedModel):
    """An official recorded as conflicted (e.g. related to a candidate): recused from deciding while it holds."""

    official = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("official"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("description"), help_text=_("e.g. sibling of a candidate for Bupati"))
    # Empty: conflicted in every case; otherwise only for cases about this civil servant.
    accused = models.ForeignKey(
        CivilServant,
        verbose_name=_("only for cases about"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ("-valid_from", "-id")

    def __str__(self) -> str:
        return f"{self.official_id}: {self.description[:60]}"
