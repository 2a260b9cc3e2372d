"""A recommendation received (rekomendasi) from BKN or a Bawaslu office, on its report of channel BKN or Bawaslu.

The report carries what every channel carries (the accused, the facts, the document as its evidence, the case it
joins); this row what a recommendation adds: the body that sent it, its letter and the sanction it recommends. It is
idempotent on (agency, body, office, letter number), as forwardings are on (office, reference number).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, BawasluOffice
from core.models import TimeStampedModel


class Recommendation(TimeStampedModel):
    class Body(models.TextChoices):
        BKN = "bkn", _("BKN (Badan Kepegawaian Negara)")
        BAWASLU = "bawaslu", _("Bawaslu office")

    report = models.OneToOneField("violations.Report", on_delete=models.CASCADE, related_name="recommendation")
    # The agency it was sent to (its report's): the body's letter numbers are unique within it.
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    body = models.CharField(_("recommending body"), max_length=10, choices=Body.choices)
    bawaslu_office = models.ForeignKey(
        BawasluOffice,
        verbose_name=_("Bawaslu office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    # The body's account that sent it through the API; empty when an intake officer recorded a letter.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    letter_number = models.CharField(_("letter number"), max_length=120)
    letter_date = models.DateField(_("letter date"))
    # A code of the sanctions catalogue (checked against it when recorded: violations.recommendations.catalogue).
    recommended_sanction = models.CharField(_("recommended sanction"), max_length=10, blank=True)
    # SHA-256 of the canonical content: a repeat with other content is a conflict.
    content_fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body="bkn", bawaslu_office__isnull=True)
                | models.Q(body="bawaslu", bawaslu_office__isnull=False),
                name="recommendation_office_only_for_bawaslu",
            ),
            # One letter number per body and agency (a Bawaslu office's per office). Two partial constraints rather
            # than one with NULLS NOT DISTINCT, which SQLite (`make run`) cannot enforce.
            models.UniqueConstraint(
                fields=["agency", "body", "letter_number"],
                condition=models.Q(bawaslu_office__isnull=True),
                name="recommendation_unique_per_body",
            ),
            models.UniqueConstraint(
                fields=["agency", "body", "bawaslu_office", "letter_number"],
                condition=models.Q(bawaslu_office__isnull=False),
                name="recommendation_unique_per_office",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.letter_number}"

    @property
    def body_name(self) -> str:
        """Who sent it, as the register and the letters name it."""
        return self.bawaslu_office.name if self.bawaslu_office is not None else "BKN"
