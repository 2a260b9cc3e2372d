"""Sanctions imposed before, outside Netra: entered from the civil servant's record (an SIASN extract or a paper
decision, with its number and date) so that a repeat counts them like a decision made in Netra."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import CivilServant
from core.models import TimeStampedModel
from sanctions.models.catalogue import SanctionType
from violations.models import ViolationKind, ViolationType


class PriorSanction(TimeStampedModel):
    """A sanction on the register entry decided outside Netra. Written only by sanctions.services.prior_sanctions
    (audited on the civil servant); a wrong entry is withdrawn with a reason, never deleted."""

    class Source(models.TextChoices):
        SIASN = "siasn", _("SIASN extract")
        PAPER = "paper", _("Paper decision")

    civil_servant = models.ForeignKey(
        CivilServant, verbose_name=_("civil servant"), on_delete=models.PROTECT, related_name="prior_sanctions"
    )
    # The catalogue type the sanction corresponds to (its severity decides what a repeat must exceed).
    sanction_type = models.ForeignKey(
        SanctionType, verbose_name=_("sanction"), on_delete=models.PROTECT, related_name="+"
    )
    violation_kind = models.ForeignKey(
        ViolationKind,
        verbose_name=_("kind of violation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty when it was for another kind of violation: it then counts for no repeat."),
    )
    violation_types = models.ManyToManyField(
        ViolationType, verbose_name=_("forms of violation"), blank=True, related_name="+"
    )
    decision_number = models.CharField(_("decision number"), max_length=200)
    decision_date = models.DateField(_("decision date"))
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for the withdrawal"), blank=True)

    class Meta:
        verbose_name = _("prior sanction")
        verbose_name_plural = _("prior sanctions")
        ordering = ("civil_servant", "-decision_date", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["civil_servant", "decision_number", "decision_date"], name="prior_sanction_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | ~models.Q(withdrawal_reason=""),
                name="prior_sanction_withdrawal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} ({self.decision_date})"

    @property
    def counts(self) -> bool:
        return self.withdrawn_at is None
