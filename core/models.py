"""Shared kernel models: the base model, the append-only audit trail, the working-day calendar and deadline rules."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One thing that happened to one object, by whom, and why. Never updated, never deleted.

    Events form a hash chain (`hash` covers the event and `previous_hash`), keyed with a secret kept outside the
    database (core.audit_keys) and anchored outside it (core.audit_anchors), so a changed, removed or re-chained
    row is detectable.
    """

    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Who acted when there is no user: "citizen", "bawaslu:<office>", "system".
    actor_label = models.CharField(_("actor label"), max_length=200)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("target type"), max_length=64)
    target_id = models.BigIntegerField(_("target id"))
    from_status = models.CharField(_("from status"), max_length=40, blank=True)
    to_status = models.CharField(_("to status"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, unique=True)
    # The audit key the hash was made with (HMAC-SHA256); empty for events written before the chain was keyed.
    key_id = models.CharField(_("key id"), max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ("id",)
        indexes = [models.Index(fields=["target_type", "target_id", "id"], name="audit_target_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"


class DayOff(TimeStampedModel):
    """A change to the national working-day calendar decided for this agency.

    `day_off`: a weekday the agency does not work (a regional holiday, a late decree); `working_day`: a national
    holiday or cuti bersama the agency works after all. Written only through core.services (audited).
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off (not a working day)")
        WORKING_DAY = "working_day", _("Working day (national holiday worked)")

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DAY_OFF)
    legal_basis = models.CharField(
        _("legal basis"), max_length=300, help_text=_("The decree or letter, e.g. “Keputusan Bupati No. …”.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")
        ordering = ("date",)

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name} ({self.get_kind_display()})"


class DeadlineRule(TimeStampedModel):
    """One legal clock of the procedure (docs/domain.md D1–D16): how many days or months, counted how, from what.

    Counting: the anchor day is not counted, day 1 is the next (working) day; `before` counts backwards.
    `count` is empty when the caller gives it (D15: the months come from the imposed sanction).
    """

    class Unit(models.TextChoices):
        WORKING_DAYS = "working_days", _("working days")
        CALENDAR_DAYS = "calendar_days", _("calendar days")
        MONTHS = "months", _("months")

    class Direction(models.TextChoices):
        AFTER = "after", _("after the anchor date")
        BEFORE = "before", _("before the anchor date")

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    count = models.PositiveSmallIntegerField(
        _("count"),
        null=True,
        blank=True,
        help_text=_("Empty when the count is given by the case (e.g. the months of a sanction)."),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.AFTER)
    anchor = models.CharField(_("counted from (Indonesian)"), max_length=200)
    anchor_en = models.CharField(_("counted from (English)"), max_length=200)
    outcome = models.CharField(_("meaning of the date (Indonesian)"), max_length=200)
    outcome_en = models.CharField(_("meaning of the date (English)"), max_length=200)
    regulation = models.CharField(_("regulation"), max_length=300)
    article = models.CharField(_("article"), max_length=200, blank=True)
    needs_verification = models.BooleanField(
        _("legal basis uncertain"), default=False, help_text=_("The sources disagree; see the note.")
    )
    note = models.TextField(_("note"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ("code",)
        constraints = [
            models.CheckConstraint(condition=~models.Q(count=0), name="deadline_rule_count_not_zero"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="deadline_rule_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def localized_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name

    def localized_anchor(self, language: str) -> str:
        return self.anchor_en if language.startswith("en") and self.anchor_en else self.anchor

    def localized_outcome(self, language: str) -> str:
        return self.outcome_en if language.startswith("en") and self.outcome_en else self.outcome

    def is_in_force(self, on: datetime.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def legal_basis(self) -> str:
        return f"{self.regulation}, {self.article}" if self.article else self.regulation


class Notification(models.Model):
    """An in-app message to one user. The text is an English msgid plus params, translated when shown.

    `dedup_key` makes sending idempotent: at most one notification per user and key (e.g. one reminder per deadline,
    person and day). An empty key never deduplicates.

    A work item (a non-empty `work_key`, e.g. `decision:12:sign`) tells of work waiting for the user; it is resolved
    (`resolved_at`) when that work is done, by whoever does it, and from then on no inbox shows it. `emailed_at`
    records the e-mail sent beside it, so the mail task can run twice.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(_("message (msgid)"), max_length=500)
    params = models.JSONField(_("message parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    dedup_key = models.CharField(_("deduplication key"), max_length=200, blank=True)
    work_key = models.CharField(_("work item key"), max_length=200, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread_idx"),
            models.Index(
                fields=["work_key"], condition=models.Q(resolved_at__isnull=True), name="notification_open_work_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dedup_key"], condition=~models.Q(dedup_key=""), name="notification_dedup_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.message[:50]}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
