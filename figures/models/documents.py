"""What figures hands out: export jobs (CSV/XLSX files kept for a while) and summary reports (numbered, verifiable
PDF documents of a period's figures)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def _export_path(instance: "ExportJob", filename: str) -> str:
    return f"figures/exports/{instance.pk}/{filename}"


def _report_path(instance: "SummaryReport", filename: str) -> str:
    return f"figures/reports/{instance.year}/{instance.pk}.pdf"


class ExportJob(models.Model):
    """One export a user asked for: streamed at once (small) or written by a Celery job (large).

    Only figures.exports.services changes it. Its file is deleted when it expires; the row stays as the record of
    who exported what (the audit events point at it)."""

    class Kind(models.TextChoices):
        CASES = "cases", pgettext_lazy("export kind", "Cases")
        DECISIONS = "decisions", pgettext_lazy("export kind", "Decisions")
        FOLLOW_THROUGH = "follow_through", pgettext_lazy("export kind", "Follow-through register")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        STREAMED = "streamed", pgettext_lazy("export status", "Downloaded at once")
        QUEUED = "queued", pgettext_lazy("export status", "Waiting")
        RUNNING = "running", pgettext_lazy("export status", "Being written")
        READY = "ready", pgettext_lazy("export status", "Ready")
        FAILED = "failed", pgettext_lazy("export status", "Failed")
        EXPIRED = "expired", pgettext_lazy("export status", "Expired")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # The dashboard filters as a query string (figures.filters.Filters), and the language of the headings.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(max_length=10, default="id")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to=_export_path, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    # Which run of the task owns the job: a second delivery of the message finds another claim and stops.
    claim = models.CharField(max_length=32, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ("-requested_at", "-id")
        indexes = [
            models.Index(fields=["user", "-requested_at"], name="export_user_idx"),
            models.Index(fields=["status", "expires_at"], name="export_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}.{self.format} #{self.pk}"

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 100 if self.status == self.Status.READY else 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def file_name(self) -> str:
        return f"netra-{self.kind}-{self.requested_at:%Y%m%d-%H%M}.{self.format}"


class SummaryReportSequence(models.Model):
    """Per-agency, per-year counter of summary report numbers (a locked row: no gap, no twin)."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="summary_report_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class SummaryReport(models.Model):
    """A PDF summary of the figures of one agency for a period: numbered in its own register, verifiable by code
    and SHA-256 like a letter. Rendered by Celery from `content`, the figures as they were when it was requested."""

    class Kind(models.TextChoices):
        ON_REQUEST = "on_request", pgettext_lazy("summary report kind", "On request")
        MONTHLY = "monthly", pgettext_lazy("summary report kind", "Monthly")

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("summary report status", "Requested")
        ISSUED = "issued", pgettext_lazy("summary report status", "Issued")
        FAILED = "failed", pgettext_lazy("summary report status", "Failed")

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    content = models.JSONField(_("content snapshot"), default=dict)
    year = models.PositiveSmallIntegerField(_("register year"))
    sequence = models.PositiveIntegerField(_("sequence in the register"))
    number = models.CharField(_("number"), max_length=100)
    verification_code = models.CharField(_("verification code"), max_length=12, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"))
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_report_path, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("summary report")
        verbose_name_plural = _("summary reports")
        ordering = ("-requested_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "sequence"], name="summary_report_number_unique"),
            # One monthly report per agency and month, however often the beat job runs.
            models.UniqueConstraint(
                fields=["agency", "period_start"], condition=models.Q(kind="monthly"), name="summary_report_monthly"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="issued")
                | (~models.Q(pdf="") & ~models.Q(sha256="") & models.Q(issued_at__isnull=False)),
                name="summary_report_issued_has_pdf",
            ),
        ]

    def __str__(self) -> str:
        return self.number
