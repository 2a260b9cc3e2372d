"""A case over one or more reports. This issue opens cases; the legal lifecycle grows here (see docs)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Agency, CivilServant
from core.models import TimeStampedModel
from violations.models import Report


class Case(TimeStampedModel):
    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("case status", "Registered")

    number = models.CharField(_("case number"), max_length=40, unique=True)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.REGISTERED)
    accused = models.ForeignKey(
        CivilServant,
        verbose_name=_("accused"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    accused_name = models.CharField(_("accused's name"), max_length=200)
    accused_nip = models.CharField(_("accused's NIP"), max_length=18, blank=True, db_index=True)
    summary = models.TextField(_("summary"), blank=True)
    registered_at = models.DateTimeField(_("registered at"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="registered_cases",
    )
    reports = models.ManyToManyField(Report, through="CaseReport", related_name="cases")

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ("-registered_at", "-id")
        indexes = [models.Index(fields=["agency", "status", "-registered_at"], name="case_list_idx")]

    def __str__(self) -> str:
        return self.number


class CaseReport(models.Model):
    """A report belongs to at most one case."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="case_reports")
    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="case_report")
    linked_at = models.DateTimeField(_("linked at"))

    class Meta:
        verbose_name = _("report of a case")
        verbose_name_plural = _("reports of a case")

    def __str__(self) -> str:
        return f"{self.case_id}:{self.report_id}"


class CaseNumberSequence(models.Model):
    """Per-agency, per-year counter for case numbers: locked row, so no gaps and no duplicates."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="case_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"
