"""Evidence gathered for a case, with its chain of custody (added, withdrawn with a reason, never deleted)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.models.cases import Case
from violations.models import Evidence


def _case_evidence_path(instance: "CaseEvidence", filename: str) -> str:
    # Storage names never derive from the uploaded name (no traversal, no overwrite).
    return f"case-evidence/{instance.added_at:%Y/%m}/{uuid.uuid4().hex}"


class CaseEvidence(models.Model):
    """Evidence gathered for a case. Never deleted: a withdrawn item stays, with who withdrew it and why."""

    class Kind(models.TextChoices):
        FILE = "file", _("File")
        SOCIAL_MEDIA_CAPTURE = "social_media_capture", _("Social-media capture")
        WITNESS_STATEMENT = "witness_statement", _("Witness statement")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    # The file, or the screenshot of a social-media capture.
    file = models.FileField(_("file"), upload_to=_case_evidence_path, max_length=300, blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    # The SHA-256 of the file as stored, when it differs from the one received (`sha256`): a re-encoded image.
    stored_sha256 = models.CharField(_("SHA-256 of the stored file"), max_length=64, blank=True)
    source_url = models.URLField(_("source URL"), max_length=2000, blank=True)
    captured_at = models.DateTimeField(_("captured at"), null=True, blank=True)
    witness_name = models.CharField(_("witness"), max_length=200, blank=True)
    statement = models.TextField(_("statement"), blank=True)
    added_at = models.DateTimeField(_("added at"))
    # Empty only for evidence Netra received from a report on its own (a reporter's later addition).
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The report's evidence this item was received from: the same stored file (never copied) and the same SHA-256.
    report_evidence = models.ForeignKey(
        Evidence,
        verbose_name=_("evidence of the report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_evidence",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("case evidence")
        verbose_name_plural = _("case evidence")
        ordering = ("id",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="witness_statement") | ~models.Q(sha256=""), name="case_evidence_file_hashed"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="social_media_capture")
                | (~models.Q(source_url="") & models.Q(captured_at__isnull=False)),
                name="case_evidence_capture_has_url_and_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="witness_statement") | ~models.Q(statement=""),
                name="case_evidence_statement_has_text",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | ~models.Q(withdrawal_reason=""),
                name="case_evidence_withdrawal_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(added_by__isnull=False) | models.Q(report_evidence__isnull=False),
                name="case_evidence_added_by_someone",
            ),
            # A report's evidence reaches a case once, however often it is handed over.
            models.UniqueConstraint(
                fields=["case", "report_evidence"],
                condition=models.Q(report_evidence__isnull=False),
                name="case_evidence_received_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.original_name or self.witness_name or self.kind}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
