"""Decisions and their versions, the officials passed over for them, the execution of their sanction, and the two
lifecycles every change of a decision goes through (core.lifecycle): its status and its execution."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import CivilServant, Unit
from core.lifecycle import Lifecycle
from core.models import TimeStampedModel
from sanctions.models.catalogue import AuthorityRule, SanctionType
from violations.models import ViolationType

# The accused's register data a decision keeps from its drafting on (sanctions.services.decision_requirements).
DECISION_ACCUSED_FIELDS: tuple[str, ...] = (
    "accused_nip",
    "accused_name",
    "accused_rank",
    "accused_position",
    "accused_unit",
    "accused_employee_type",
)


class Decision(TimeStampedModel):
    """A decision (Keputusan) on one track of a case: a sanction, or a dismissal when the violation is not proven.

    Only sanctions.services assigns `status` and `execution_status`, through DECISION_LIFECYCLE and
    EXECUTION_LIFECYCLE below. A correction or a changed objection outcome issues a new version (`previous` → the
    version it replaces, which becomes superseded); every version keeps its own letter, so old ones stay retrievable
    and verifiable.
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
    # The accused as the register said when the decision was drafted (sanctions.services.drafting): the letters
    # print these, never the register's later values. Empty only on decisions drafted before they were kept.
    accused_nip = models.CharField(_("accused's NIP"), max_length=18, blank=True)
    accused_name = models.CharField(_("accused's name"), max_length=200, blank=True)
    accused_rank = models.CharField(_("accused's rank (pangkat/golongan)"), max_length=80, blank=True)
    accused_position = models.CharField(_("accused's position"), max_length=200, blank=True)
    accused_unit = models.CharField(_("accused's unit"), max_length=200, blank=True)
    accused_employee_type = models.CharField(
        _("accused's employee type"), max_length=10, choices=CivilServant.EmployeeType.choices, blank=True
    )
    # The terms a sanction's catalogue row asks for: the position after a demotion or release (B1, B2), the date
    # from which a dismissal or contract termination takes effect (TMT: B3, PTDH).
    new_position = models.CharField(_("new position"), max_length=300, blank=True)
    dismissal_date = models.DateField(_("dismissed as of (TMT)"), null=True, blank=True)
    # Why the sanction differs from the one the examination report (LHP) recommended; shown to the reviewer.
    sanction_change_reason = models.TextField(_("reason for departing from the LHP"), blank=True)
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
    # The legal anchor of D10, D11 and D13: the day the accused received the decision. For a decision sent by post it
    # is taken from the delivery proof (`receipt_proof`); until then it is empty and the decision waits.
    received_on = models.DateField(_("received on"), null=True, blank=True)
    receipt_proof = models.CharField(_("delivery proof"), max_length=300, blank=True)
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
        return DECISION_LIFECYCLE.can_transition(self, status)

    @property
    def has_frozen_accused(self) -> bool:
        """The register data of the accused were kept at drafting (decisions drafted before that kept none)."""
        return bool(self.accused_nip)

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def number(self) -> str:
        return self.letter.number if self.letter_id and self.letter else ""

    @property
    def letters_track(self) -> str:
        """The track its letters' copies and norms follow: the sanction's (a PTDH is statutory), else its own."""
        return self.sanction_type.track if self.sanction_type else self.track


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
_E = Decision.Execution
# Decisions still on their way to taking effect (reminders and the follow-through register depend on them).
PENDING_DECISION_STATUSES: frozenset[str] = frozenset(
    {_D.DRAFT, _D.IN_REVIEW, _D.AWAITING_SIGNATURE, _D.SIGNED, _D.DELIVERED, _D.OBJECTED}
)
# Decisions that no longer count: a cancelled draft, a replaced version, an annulled decision. A second live decision
# on the same case and track is refused (a new version replaces the old one instead).
DEAD_DECISION_STATUSES: frozenset[str] = frozenset({_D.CANCELLED, _D.SUPERSEDED, _D.ANNULLED})
# A signed decision (in any later status) may be corrected by a new version.
CORRECTABLE_STATUSES: frozenset[str] = frozenset({_D.SIGNED, _D.DELIVERED, _D.OBJECTED, _D.EFFECTIVE})

# The decision lifecycle: which status may follow which.
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
# The execution of the sanction: a decision taking effect starts serving a sanction with a duration (or waits for
# the record that carries out one without); either ends completed. A dismissal (not proven) has nothing to execute.
EXECUTION_TRANSITIONS: dict[str, frozenset[str]] = {
    _E.NOT_STARTED: frozenset({_E.SERVING, _E.COMPLETED, _E.NOT_APPLICABLE}),
    _E.SERVING: frozenset({_E.COMPLETED}),
    _E.COMPLETED: frozenset(),
    _E.NOT_APPLICABLE: frozenset(),
}


def decision_event_data(decision: Decision) -> dict[str, Any]:
    """What every audit event about a decision carries: which decision, on which track."""
    return {"decision": decision.pk, "track": decision.track}


def _case_of(decision: Decision) -> models.Model:
    # Every event about a decision is recorded on its case, so the case timeline tells the whole story.
    return decision.case


def _decision_changed(decision: Decision) -> str:
    return gettext(
        "The decision was changed by someone else while you were working on it (it is now “%(status)s”). "
        "Reload it and try again; nothing was saved."
    ) % {"status": decision.get_status_display()}


def _decision_not_allowed(decision: Decision, to: str) -> str:
    return gettext("A decision in status “%(from)s” cannot become “%(to)s”.") % {
        "from": decision.get_status_display(),
        "to": Decision.Status(to).label,
    }


DECISION_LIFECYCLE: Lifecycle[Decision] = Lifecycle(
    name="decision",
    model=Decision,
    transitions=DECISION_TRANSITIONS,
    audit_on=_case_of,
    audit_data=decision_event_data,
    changed_message=_decision_changed,
    not_allowed_message=_decision_not_allowed,
    select_related=("case", "sanction_type"),
)
# The execution shares the decision's version counter; its events, like every event about the decision, carry the
# decision's status (the execution statuses go in their data), so services check its table here and record the
# change through DECISION_LIFECYCLE.
EXECUTION_LIFECYCLE: Lifecycle[Decision] = Lifecycle(
    name="execution",
    model=Decision,
    transitions=EXECUTION_TRANSITIONS,
    status_field="execution_status",
    audit_on=_case_of,
    audit_data=decision_event_data,
    changed_message=_decision_changed,
    select_related=("case", "sanction_type"),
)
