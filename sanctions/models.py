"""What was decided and what came of it: the sanction catalogue (PP 94/2021 Pasal 8, PP 42/2004, UU ASN), who may
decide (authority rules, the staffing authority, conflicts), decisions and their versions, objections and appeals,
and the execution of the sanction."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Agency, CivilServant, Unit
from core.models import TimeStampedModel
from violations.models import RegulatedModel, SanctionLevel, ViolationType


class SanctionType(RegulatedModel):
    """A sanction a decision may impose, with its legal basis; letters take their wording from here."""

    class Track(models.TextChoices):
        DISCIPLINE = "discipline", _("Discipline (PP 94/2021)")
        ETHICS = "ethics", _("Ethics (PP 42/2004)")
        STATUTORY = "statutory", _("ASN law")

    code = models.CharField(_("code"), max_length=10)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    level = models.CharField(_("level"), max_length=20, choices=SanctionLevel.choices, blank=True)
    # Higher is heavier; used to pick the heaviest of several and to require a heavier repeat.
    severity = models.PositiveSmallIntegerField(_("severity"))
    name = models.CharField(_("name (Indonesian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    is_permanent = models.BooleanField(_("permanent"), default=False)
    allowance_cut_percent = models.PositiveSmallIntegerField(_("allowance cut (%)"), null=True, blank=True)
    employee_types = models.JSONField(_("applies to employee types"), default=list, help_text=_('e.g. ["pns", "pppk"]'))
    needs_verification = models.BooleanField(_("legal basis uncertain"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("sanction type")
        verbose_name_plural = _("sanction types")
        ordering = ("severity", "code")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="sanction_type_code_validity_unique"),
            models.CheckConstraint(
                condition=~(models.Q(is_permanent=True) & models.Q(duration_months__isnull=False)),
                name="sanction_type_permanent_has_no_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def localized_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name


class AuthorityRule(RegulatedModel):
    """Who may impose a sanction of a level on an accused of a position kind (PP 94/2021 Pasal 18–19, regency).

    `authority` names the kind of official: the staffing authority (PPK, the Bupati in a regency), an official up
    the accused's line of superiors whose position kind is in `superior_kinds`, or the President.
    """

    class FunctionalScope(models.TextChoices):
        ANY = "any", _("any level")
        PRINCIPAL_EXPERT = "ahli_utama", _("Ahli Utama only")
        BELOW_PRINCIPAL_EXPERT = "below_ahli_utama", _("other than Ahli Utama")

    class Authority(models.TextChoices):
        STAFFING_AUTHORITY = "staffing_authority", _("Staffing authority (PPK, the Bupati)")
        SUPERIOR_IN_LINE = "superior_in_line", _("A superior up the line")
        PRESIDENT = "president", _("The President")

    position_kind = models.CharField(_("accused's position kind"), max_length=20)
    functional_scope = models.CharField(
        _("functional level"), max_length=20, choices=FunctionalScope.choices, default=FunctionalScope.ANY
    )
    level = models.CharField(_("sanction level"), max_length=20, choices=SanctionLevel.choices)
    # Dismissal (B3) can have its own authority, e.g. the President for Ahli Utama.
    sanction_code = models.CharField(_("only for sanction"), max_length=10, blank=True)
    authority = models.CharField(_("authority"), max_length=30, choices=Authority.choices)
    superior_kinds = models.JSONField(
        _("position kinds of superiors who may decide"), default=list, blank=True, help_text=_('e.g. ["jpt_pratama"]')
    )
    needs_verification = models.BooleanField(_("legal basis uncertain"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("sanctioning authority rule")
        verbose_name_plural = _("sanctioning authority rules")
        ordering = ("position_kind", "functional_scope", "level", "sanction_code")
        constraints = [
            models.UniqueConstraint(
                fields=["position_kind", "functional_scope", "level", "sanction_code", "valid_from"],
                name="authority_rule_unique",
            )
        ]

    def __str__(self) -> str:
        sanction = f" {self.sanction_code}" if self.sanction_code else ""
        return f"{self.position_kind}/{self.functional_scope} {self.level}{sanction}"


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


class Decision(TimeStampedModel):
    """A decision (Keputusan) on one track of a case: a sanction, or a dismissal when the violation is not proven.

    Only sanctions.services assigns `status` (DECISION_TRANSITIONS below) and `execution_status`. A correction or a
    changed objection outcome issues a new version (`previous` → the version it replaces, which becomes
    superseded); every version keeps its own letter, so old ones stay retrievable and verifiable.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("decision status", "Draft")
        IN_REVIEW = "in_review", pgettext_lazy("decision status", "In review")
        AWAITING_SIGNATURE = "awaiting_signature", pgettext_lazy("decision status", "Awaiting signature")
        SIGNED = "signed", pgettext_lazy("decision status", "Signed")
        DELIVERED = "delivered", pgettext_lazy("decision status", "Delivered")
        OBJECTED = "objected", pgettext_lazy("decision status", "Objection pending")
        EFFECTIVE = "effective", pgettext_lazy("decision status", "In effect")
        ANNULLED = "annulled", pgettext_lazy("decision status", "Annulled")
        SUPERSEDED = "superseded", pgettext_lazy("decision status", "Superseded")
        CANCELLED = "cancelled", pgettext_lazy("decision status", "Cancelled (draft)")

    class Track(models.TextChoices):
        DISCIPLINE = "discipline", _("Discipline (PP 94/2021)")
        ETHICS = "ethics", _("Ethics (PP 42/2004)")

    class Outcome(models.TextChoices):
        SANCTION = "sanction", _("Sanction imposed")
        DISMISSAL = "dismissal", _("Not proven: dismissed")

    class Delivery(models.TextChoices):
        IN_PERSON = "in_person", _("Handed over in person")
        SENT = "sent", _("Sent to the address (absent at delivery)")

    class Execution(models.TextChoices):
        NOT_STARTED = "not_started", pgettext_lazy("execution status", "Not started")
        SERVING = "serving", pgettext_lazy("execution status", "Serving")
        COMPLETED = "completed", pgettext_lazy("execution status", "Completed")
        NOT_APPLICABLE = "not_applicable", pgettext_lazy("execution status", "Nothing to execute")

    case = models.ForeignKey(
        "casework.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="decisions"
    )
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    # Optimistic concurrency, as on cases: a stale `expected_version` is a conflict.
    version = models.PositiveIntegerField(_("version"), default=1)
    version_number = models.PositiveSmallIntegerField(_("decision version"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_version",
    )
    correction_reason = models.TextField(_("reason for the new version"), blank=True)
    sanction_type = models.ForeignKey(
        SanctionType, verbose_name=_("sanction"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    violation_types = models.ManyToManyField(
        ViolationType, verbose_name=_("proven violations"), blank=True, related_name="+"
    )
    # Menimbang: the considerations particular to this case (the legal ones come from the catalogue).
    considerations = models.TextField(_("considerations"), blank=True)
    # Memperhatikan: [{"label": "Surat Bawaslu Kabupaten Lebong", "number": "...", "date": "YYYY-MM-DD"}, ...]
    references = models.JSONField(_("letters taken into account"), default=list, blank=True)
    # Tembusan: the offices that receive a copy, in order.
    copies = models.JSONField(_("copies to"), default=list, blank=True)
    authority_rule = models.ForeignKey(
        AuthorityRule,
        verbose_name=_("authority rule"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    competent_official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("competent official"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_to_sign",
    )
    competent_official_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted for review at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    letter = models.OneToOneField(
        "casework.Letter",
        verbose_name=_("decision letter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delivery_scheduled_on = models.DateField(_("delivery scheduled on"), null=True, blank=True)
    delivery_method = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices, blank=True)
    delivered_on = models.DateField(_("handed over or sent on"), null=True, blank=True)
    # The legal anchor of D10 and D11: the day the accused received the decision.
    received_on = models.DateField(_("received on"), null=True, blank=True)
    delivery_note = models.TextField(_("delivery record"), blank=True)
    effective_on = models.DateField(_("in effect from"), null=True, blank=True)
    execution_status = models.CharField(
        _("execution"), max_length=20, choices=Execution.choices, default=Execution.NOT_STARTED
    )
    sanction_starts_on = models.DateField(_("sanction starts on"), null=True, blank=True)
    sanction_ends_on = models.DateField(_("sanction ends on"), null=True, blank=True)
    completed_on = models.DateField(_("execution completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ("case", "track", "-version_number")
        indexes = [
            models.Index(fields=["status", "received_on"], name="decision_status_idx"),
            models.Index(fields=["execution_status", "sanction_ends_on"], name="decision_execution_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "track", "version_number"], name="decision_version_unique_per_track"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="dismissal") | models.Q(sanction_type__isnull=False),
                name="decision_sanction_has_type",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="sanction") | models.Q(sanction_type__isnull=True),
                name="decision_dismissal_has_no_type",
            ),
        ]

    def __str__(self) -> str:
        number = self.letter.number if self.letter_id and self.letter else f"#{self.pk}"
        return f"{number} (v{self.version_number})"

    def can_transition_to(self, status: str) -> bool:
        return status in DECISION_TRANSITIONS.get(self.status, frozenset())

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def number(self) -> str:
        return self.letter.number if self.letter_id and self.letter else ""


class DecisionRecusal(models.Model):
    """An official passed over for a decision, and why (a party to the case, or a recorded conflict)."""

    class Reason(models.TextChoices):
        PARTY = "party", _("A party to the case")
        CONFLICT = "conflict", _("Recorded conflict of interest")
        DECLARED = "declared", _("Declared own conflict")

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="recusals")
    official = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    detail = models.TextField(_("detail"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=["decision", "official"], name="decision_recusal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.official_id} ({self.reason})"


class Objection(TimeStampedModel):
    """An objection (keberatan, to the PPK or the official's superior) or appeal (banding, against dismissal)."""

    class Kind(models.TextChoices):
        OBJECTION = "objection", _("Objection (keberatan)")
        APPEAL = "appeal", _("Appeal (banding)")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("objection status", "Pending")
        INADMISSIBLE = "inadmissible", pgettext_lazy("objection status", "Inadmissible (late)")
        DECIDED = "decided", pgettext_lazy("objection status", "Decided")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("Decision upheld")
        CHANGED = "changed", _("Sanction changed")
        ANNULLED = "annulled", _("Decision annulled")

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="objections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    filed_on = models.DateField(_("received on"))
    filed_by_name = models.CharField(_("filed by"), max_length=200)
    grounds = models.TextField(_("grounds"))
    window_ends_on = models.DateField(_("filing window ends on"))
    due_on = models.DateField(_("to be decided by"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("reasons for the outcome"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    new_decision = models.OneToOneField(
        Decision,
        verbose_name=_("new decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objection_that_changed",
    )
    # The inadmissibility statement (late) or the decision on the objection.
    letter = models.OneToOneField(
        "casework.Letter",
        verbose_name=_("letter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("objection or appeal")
        verbose_name_plural = _("objections and appeals")
        ordering = ("-filed_on", "-id")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="decided") | (~models.Q(outcome="") & models.Q(decided_on__isnull=False)),
                name="objection_decided_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decision_id} ({self.filed_on})"


class ExecutionRecord(models.Model):
    """The responsible unit's record that a sanction was carried out (allowance cut, position change, …)."""

    class Action(models.TextChoices):
        REPRIMAND_DELIVERED = "reprimand_delivered", _("Reprimand delivered")
        ALLOWANCE_CUT = "allowance_cut", _("Allowance cut applied")
        ALLOWANCE_RESTORED = "allowance_restored", _("Allowance restored")
        POSITION_CHANGED = "position_changed", _("Position changed")
        POSITION_RESTORED = "position_restored", _("Eligible for position again")
        DISMISSED = "dismissed", _("Dismissal carried out")
        MORAL_STATEMENT_READ = "moral_statement_read", _("Moral statement read out")
        OTHER = "other", _("Other")

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="execution_records")
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    carried_out_on = models.DateField(_("carried out on"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    document_number = models.CharField(_("document number"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("execution record")
        verbose_name_plural = _("execution records")
        ordering = ("carried_out_on", "id")

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.action} {self.carried_out_on}"


_D = Decision.Status
# Decisions still on their way to taking effect (reminders and the follow-through register depend on them).
PENDING_DECISION_STATUSES: frozenset[str] = frozenset(
    {_D.DRAFT, _D.IN_REVIEW, _D.AWAITING_SIGNATURE, _D.SIGNED, _D.DELIVERED, _D.OBJECTED}
)
# The decision lifecycle: which status may follow which. Only sanctions.services assigns `status`.
DECISION_TRANSITIONS: dict[str, frozenset[str]] = {
    _D.DRAFT: frozenset({_D.IN_REVIEW, _D.CANCELLED}),
    _D.IN_REVIEW: frozenset({_D.DRAFT, _D.AWAITING_SIGNATURE}),
    # The official may send it back with a note instead of signing.
    _D.AWAITING_SIGNATURE: frozenset({_D.SIGNED, _D.DRAFT}),
    _D.SIGNED: frozenset({_D.DELIVERED, _D.SUPERSEDED}),
    _D.DELIVERED: frozenset({_D.EFFECTIVE, _D.OBJECTED, _D.SUPERSEDED}),
    _D.OBJECTED: frozenset({_D.EFFECTIVE, _D.SUPERSEDED, _D.ANNULLED}),
    _D.EFFECTIVE: frozenset({_D.SUPERSEDED, _D.ANNULLED}),
    _D.ANNULLED: frozenset(),
    _D.SUPERSEDED: frozenset(),
    _D.CANCELLED: frozenset(),
}
