"""What happened: the violation catalogue (its models in violations.catalogue.models), elections, reports from every
channel, reporters and evidence."""

import uuid

from django.conf import settings
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, BawasluOffice, CivilServant
from core.field_encryption import EncryptedTextField, KeyedHashField, normalize_digits, normalize_email
from core.lifecycle import Lifecycle
from core.models import TimeStampedModel

# The catalogue's models live beside its data (violations.catalogue); every app imports them from here.
from violations.catalogue.models import RegulatedModel as RegulatedModel
from violations.catalogue.models import RegulatedQuerySet as RegulatedQuerySet
from violations.catalogue.models import SanctionLevel as SanctionLevel
from violations.catalogue.models import ViolationKind as ViolationKind
from violations.catalogue.models import ViolationType as ViolationType
from violations.recommendations.models import Recommendation as Recommendation


class Election(TimeStampedModel):
    """An election whose campaign gives the context of a violation (Pemilu or Pilkada)."""

    class Kind(models.TextChoices):
        PEMILU = "pemilu", _("Pemilu (general election)")
        PILKADA = "pilkada", _("Pilkada (regional election)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    campaign_start = models.DateField(_("campaign starts"), null=True, blank=True)
    campaign_end = models.DateField(_("campaign ends"), null=True, blank=True)
    voting_day = models.DateField(_("voting day"), null=True, blank=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ("-year", "name")

    def __str__(self) -> str:
        return self.name


class ElectionStage(models.TextChoices):
    UNKNOWN = "", _("unknown")
    BEFORE_CAMPAIGN = "before_campaign", _("before the campaign")
    CAMPAIGN = "campaign", _("campaign period")
    QUIET_PERIOD = "quiet_period", _("quiet period")
    VOTING = "voting", _("voting and counting")
    AFTER = "after", _("after voting")


class Channel(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    BAWASLU = "bawaslu", _("Bawaslu forwarding")
    BKN = "bkn", _("BKN recommendation")
    DISKOMINFO = "diskominfo", _("Diskominfo social-media monitoring")
    INSPECTORATE = "inspectorate", _("Inspektorat finding")
    SUPERIOR = "superior", _("Direct superior's finding")


class Report(TimeStampedModel):
    """A report of a possible violation, from any channel, before and while it becomes a case."""

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("report status", "Received")
        IN_REVIEW = "in_review", pgettext_lazy("report status", "In review")
        AWAITING_INFORMATION = "awaiting_information", pgettext_lazy("report status", "Awaiting information")
        REJECTED = "rejected", pgettext_lazy("report status", "Rejected")
        MERGED = "merged", pgettext_lazy("report status", "Merged with another report")
        IN_PROCESS = "in_process", pgettext_lazy("report status", "In process")
        DECIDED = "decided", pgettext_lazy("report status", "Decided")
        CLOSED = "closed", pgettext_lazy("report status", "Closed")

    class Source(models.TextChoices):
        WEB = "web", _("Web form")
        API = "api", _("API")
        STAFF = "staff", _("Entered by staff")

    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    access_pin_hash = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="reports")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    source = models.CharField(_("submitted through"), max_length=10, choices=Source.choices)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(_("received at"), db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submitted_reports",
    )

    # The accused (terlapor), as reported; `accused` is the register entry once matched.
    accused_name = models.CharField(_("accused's name"), max_length=200)
    accused_nip = models.CharField(_("accused's NIP"), max_length=18, blank=True, db_index=True)
    accused_position = models.CharField(_("accused's position"), max_length=200, blank=True)
    accused_agency = models.CharField(_("accused's agency or unit"), max_length=200, blank=True)
    accused = models.ForeignKey(
        CivilServant,
        verbose_name=_("civil servant (register)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )

    incident_date = models.DateField(_("incident date"))
    incident_time = models.TimeField(_("incident time"), null=True, blank=True)
    incident_place = models.CharField(_("incident place"), max_length=300, blank=True)
    platform = models.CharField(_("platform"), max_length=60, blank=True)
    description = models.TextField(_("what happened"))
    witnesses = models.TextField(_("witnesses"), blank=True)
    violation_type = models.ForeignKey(
        ViolationType,
        verbose_name=_("violation type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    election = models.ForeignKey(
        Election, verbose_name=_("election"), null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    election_text = models.CharField(_("election (as reported)"), max_length=200, blank=True)
    election_stage = models.CharField(
        _("election stage"), max_length=20, choices=ElectionStage.choices, blank=True, default=""
    )
    date_known = models.DateField(_("date the act became known"), null=True, blank=True)

    # Triage outcome.
    rejection_reason = models.TextField(_("rejection reason"), blank=True)
    information_request = models.TextField(_("information requested"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("-received_at", "-id")
        indexes = [
            models.Index(fields=["agency", "status", "-received_at"], name="report_queue_idx"),
            models.Index(fields=["agency", "-received_at", "-id"], name="report_agency_newest_idx"),
            models.Index(fields=["accused_name"], name="report_accused_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="merged") | models.Q(merged_into__isnull=False),
                name="report_merged_has_target",
            ),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")), name="report_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    def can_transition_to(self, status: str) -> bool:
        return REPORT_LIFECYCLE.can_transition(self, status)

    @property
    def public_status(self) -> str:
        """The status as the published API names it (docs/api-contract.md lists seven)."""
        return PUBLIC_STATUS.get(self.status, self.status)

    @property
    def is_open_for_additions(self) -> bool:
        return self.status not in (self.Status.REJECTED, self.Status.CLOSED)


class Reporter(TimeStampedModel):
    """Who filed a report. Confidential: shown to intake officers only, every view audited."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="reporter")
    anonymous = models.BooleanField(_("anonymous"), default=False)
    # The identity is encrypted at rest, bound to the report (core.field_encryption); look-ups use the keyed hashes.
    name = EncryptedTextField(_("name"), max_length=200, bind_to="report_id")
    email = EncryptedTextField(_("e-mail"), max_length=254, bind_to="report_id", validators=[validate_email])
    phone = EncryptedTextField(_("phone"), max_length=30, bind_to="report_id")
    address = EncryptedTextField(_("address"), bind_to="report_id")
    id_number = EncryptedTextField(_("ID number (NIK)"), max_length=16, bind_to="report_id")
    email_hash = KeyedHashField(source="email", normalize=normalize_email)
    phone_hash = KeyedHashField(source="phone", normalize=normalize_digits)
    id_number_hash = KeyedHashField(source="id_number", normalize=normalize_digits)
    # For internal findings and forwardings: the unit or office that reported.
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(anonymous=True) | ~models.Q(name="") | ~models.Q(organisation=""),
                name="reporter_named_unless_anonymous",
            )
        ]

    def __str__(self) -> str:
        return str(_("anonymous")) if self.anonymous else self.name or self.organisation


class ReportLink(models.Model):
    """A link given with a report, e.g. the social-media post; normalised for duplicate detection."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("link"), max_length=2000)
    normalized_url = models.CharField(max_length=2000, db_index=True)
    added_at = models.DateTimeField(_("added at"))

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ("id",)

    def __str__(self) -> str:
        return self.url


class ReportAddition(models.Model):
    """Information a reporter (or forwarding office) added after filing."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="additions")
    description = models.TextField(_("information added"), blank=True)
    added_at = models.DateTimeField(_("added at"))

    class Meta:
        verbose_name = _("addition")
        verbose_name_plural = _("additions")
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.report_id}@{self.added_at:%Y-%m-%d}"


def _evidence_path(instance: "Evidence", filename: str) -> str:
    # Storage names never derive from the uploaded name (no traversal, no overwrite).
    return f"evidence/{instance.uploaded_at:%Y/%m}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A file submitted as evidence with a report, with its SHA-256 taken at upload."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("image")
        PDF = "pdf", _("PDF document")
        VIDEO = "video", _("video")

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="evidence")
    addition = models.ForeignKey(
        ReportAddition, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=_evidence_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    # The SHA-256 of the file as stored, when it differs from the one received (`sha256`): a re-encoded image.
    stored_sha256 = models.CharField(_("SHA-256 of the stored file"), max_length=64, blank=True)
    source_url = models.URLField(_("source URL"), max_length=2000, blank=True)
    captured_at = models.DateTimeField(_("captured at"), null=True, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"


class TimelineEntry(models.Model):
    """A public-safe entry of a report's timeline, as the reporter and the forwarding office see it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="timeline")
    status = models.CharField(_("status"), max_length=30)
    at = models.DateTimeField(_("at"))
    # Public-safe text only: never a name, never internal reasoning beyond what the reporter may know.
    # `note` is an untranslated msgid (services.public_timeline.NOTE_*); `note_params` fill its placeholders when
    # it is shown, so the reporter reads it in their own language.
    note = models.TextField(_("note"), blank=True)
    note_params = models.JSONField(_("note parameters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ("at", "id")

    def __str__(self) -> str:
        return f"{self.status} {self.at:%Y-%m-%d %H:%M}"

    @property
    def public_status(self) -> str:
        return PUBLIC_STATUS.get(self.status, self.status)

    @property
    def translated_note(self) -> str:
        """The note in the active language, its placeholders filled (an unknown msgid is shown as stored)."""
        if not self.note:
            return ""
        params = self.note_params or {}
        for template in (gettext(self.note), self.note):
            try:
                return template % params if params else template
            except (KeyError, ValueError, TypeError):
                continue
        return self.note


class BawasluForwarding(TimeStampedModel):
    """The Bawaslu-specific record of a forwarded finding or report; idempotent on (office, reference number)."""

    class Origin(models.TextChoices):
        FINDING = "finding", _("Finding (temuan)")
        REPORT = "report", _("Report (laporan)")

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="forwarding")
    office = models.ForeignKey(
        BawasluOffice, verbose_name=_("Bawaslu office"), on_delete=models.PROTECT, related_name="forwardings"
    )
    reference_number = models.CharField(_("register number"), max_length=120)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    recommendation = models.TextField(_("Bawaslu's recommendation"), blank=True)
    letter_number = models.CharField(_("letter number"), max_length=120, blank=True)
    # SHA-256 of the canonical request content: a repeat with other content is a conflict.
    content_fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("Bawaslu forwarding")
        verbose_name_plural = _("Bawaslu forwardings")
        constraints = [
            models.UniqueConstraint(fields=["office", "reference_number"], name="forwarding_unique_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.reference_number}"


class ReportOutcome(TimeStampedModel):
    """What a report led to, recorded by the sanctions side once a decision takes effect (public-safe)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="outcome")
    proven = models.BooleanField(_("proven"))
    sanction_type = models.CharField(_("sanction type"), max_length=10, blank=True)
    sanction_label = models.CharField(_("sanction"), max_length=300, blank=True)
    decided_at = models.DateField(_("decided on"))
    decision_number = models.CharField(_("decision number"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


_S = Report.Status
# The report lifecycle: which status may follow which. Only violations.services assigns `status`.
REPORT_TRANSITIONS: dict[str, frozenset[str]] = {
    _S.RECEIVED: frozenset({_S.IN_REVIEW, _S.AWAITING_INFORMATION, _S.REJECTED, _S.MERGED, _S.IN_PROCESS}),
    _S.IN_REVIEW: frozenset({_S.AWAITING_INFORMATION, _S.REJECTED, _S.MERGED, _S.IN_PROCESS}),
    _S.AWAITING_INFORMATION: frozenset({_S.IN_REVIEW, _S.REJECTED, _S.MERGED, _S.IN_PROCESS}),
    _S.MERGED: frozenset({_S.IN_PROCESS}),
    _S.IN_PROCESS: frozenset({_S.DECIDED, _S.CLOSED}),
    _S.DECIDED: frozenset({_S.CLOSED}),
    _S.REJECTED: frozenset(),
    _S.CLOSED: frozenset(),
}


def _transition_refused(report: Report, to: str) -> str:
    return gettext("A report in status “%(from)s” cannot become “%(to)s”.") % {
        "from": report.get_status_display(),
        "to": Report.Status(to).label,
    }


# Every status change of a report goes through this kernel (violations.services.report_transitions). Reports
# carry no version: triage actions are idempotent and a refused one says why.
REPORT_LIFECYCLE: Lifecycle[Report] = Lifecycle(
    name="report",
    model=Report,
    transitions=REPORT_TRANSITIONS,
    version_field=None,
    clean_exclude=("access_pin_hash",),
    not_allowed_message=_transition_refused,
)

# Internal statuses the public contract does not know are shown as their nearest public status.
PUBLIC_STATUS: dict[str, str] = {_S.AWAITING_INFORMATION: _S.IN_REVIEW}
PUBLIC_STATUSES: tuple[str, ...] = (
    _S.RECEIVED,
    _S.IN_REVIEW,
    _S.REJECTED,
    _S.MERGED,
    _S.IN_PROCESS,
    _S.DECIDED,
    _S.CLOSED,
)
