"""Objections (keberatan) and appeals (banding) against a decision, who decides them (RemedyRule: data with its legal
basis), and their lifecycle."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import DomainError
from core.lifecycle import Lifecycle
from core.models import TimeStampedModel
from sanctions.models.catalogue import SanctionType
from sanctions.models.decisions import Decision
from violations.models import RegulatedModel


class RemedyRule(RegulatedModel):
    """Who decides an objection or appeal, by the remedy and by who made the decision challenged (PP 79/2021,
    docs/legal-basis.md §5.4), the deadline rules of its filing window and of its decision (or the PPK's response),
    and what a late filing gets. Loaded from sanctions.catalogue.remedy_rules; administrators edit the rows."""

    class DecidedBy(models.TextChoices):
        ANY = "", _("any decision")
        STAFFING_AUTHORITY = "staffing_authority", _("a decision of the staffing authority (PPK)")
        OFFICIAL = "official", _("a decision of another official (Keputusan Pejabat)")

    class Decider(models.TextChoices):
        STAFFING_AUTHORITY = "staffing_authority", _("the staffing authority (PPK)")
        SUPERIOR_OF_OFFICIAL = "superior_of_official", _("the superior of the official who decided")
        BPASN = "bpasn", _("the Badan Pertimbangan ASN (BPASN)")

    class LateFiling(models.TextChoices):
        INADMISSIBLE = "inadmissible", _("answered with a statement that it is inadmissible")
        RECORDED = "recorded", _("recorded with a warning; the deciding body rules on it")

    remedy = models.CharField(_("remedy"), max_length=20, choices=SanctionType.Remedy.choices)
    decided_by = models.CharField(
        _("against"), max_length=30, choices=DecidedBy.choices, blank=True, default=DecidedBy.ANY
    )
    decider = models.CharField(_("decided by"), max_length=30, choices=Decider.choices)
    window_rule = models.CharField(_("filing window rule"), max_length=10, help_text=_("e.g. D11"))
    decision_rule = models.CharField(
        _("decision (or response) rule"), max_length=10, help_text=_("e.g. D12; for an appeal the PPK's response, D14")
    )
    late_filing = models.CharField(_("a late filing is"), max_length=20, choices=LateFiling.choices)
    needs_verification = models.BooleanField(_("legal basis uncertain"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("administrative remedy rule")
        verbose_name_plural = _("administrative remedy rules")
        ordering = ("remedy", "decided_by", "valid_from")
        constraints = [
            models.UniqueConstraint(fields=["remedy", "decided_by", "valid_from"], name="remedy_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_remedy_display()} · {self.get_decided_by_display()} → {self.get_decider_display()}"


def _ruling_path(instance: "Objection", filename: str) -> str:
    # Storage names never derive from the uploaded name (no traversal, no overwrite).
    return f"appeal-rulings/{instance.decision_id}/{uuid.uuid4().hex}"


# The rule of the due date when an objection has no remedy rule (rows recorded before the rules were data).
DEFAULT_DUE_RULES: dict[str, str] = {"objection": DeadlineCode.OBJECTION_DUE, "appeal": DeadlineCode.APPEAL_RESPONSE}


class Objection(TimeStampedModel):
    """An objection (keberatan, to the PPK or the official's superior) or appeal (banding, to the BPASN, against a
    dismissal).

    Its due date (D12: decided; D14: the PPK's response to an appeal) is not stored: `due_on` computes it from the
    calendar whenever it is read, counted from the filing, so a day off added since moves it. An appeal keeps the
    PPK's response (its letter to the BPASN) and the BPASN's ruling (number, date, the document). Only
    sanctions.services assigns `status`, through OBJECTION_LIFECYCLE below.
    """

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
    # An objection: the day the deciding official received it; an appeal: the day it was filed with the BPASN.
    filed_on = models.DateField(_("received on"))
    filed_by_name = models.CharField(_("filed by"), max_length=200)
    grounds = models.TextField(_("grounds"))
    # The end of the filing window (D11, D13) as it was when the filing was recorded: the lateness found then.
    window_ends_on = models.DateField(_("filing window ends on"))
    filed_late = models.BooleanField(_("filed after its window"), default=False)
    remedy_rule = models.ForeignKey(
        RemedyRule, verbose_name=_("rule"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who the rule named when it was filed (none when the BPASN decides).
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("to be decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decider_title = models.CharField(_("title of who decides"), max_length=200, blank=True)
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
    # An appeal: the PPK's response to the BPASN (D14), its letter issued by Netra.
    responded_on = models.DateField(_("responded on"), null=True, blank=True)
    response_summary = models.TextField(_("response"), blank=True)
    response_letter = models.OneToOneField(
        "casework.Letter",
        verbose_name=_("response letter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # An appeal: the BPASN's ruling, its number and the document as received (stored like evidence).
    ruling_number = models.CharField(_("BPASN decision number"), max_length=200, blank=True)
    ruling_document = models.FileField(_("BPASN decision"), upload_to=_ruling_path, max_length=300, blank=True)
    ruling_document_name = models.CharField(_("original file name"), max_length=255, blank=True)
    ruling_document_type = models.CharField(_("content type"), max_length=100, blank=True)
    ruling_document_size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    ruling_document_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    ruling_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ruling recorded by"),
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
            # A late appeal is recorded, never refused: BPASN rules on it.
            models.CheckConstraint(
                condition=~(models.Q(kind="appeal") & models.Q(status="inadmissible")),
                name="objection_appeal_never_inadmissible",
            ),
            models.CheckConstraint(
                condition=~(models.Q(kind="appeal") & models.Q(status="decided"))
                | (~models.Q(ruling_number="") & ~models.Q(ruling_document="")),
                name="objection_appeal_ruling_documented",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decision_id} ({self.filed_on})"

    @property
    def is_appeal(self) -> bool:
        return self.kind == self.Kind.APPEAL

    @property
    def due_rule(self) -> str:
        """D12 (objection decided) or D14 (the PPK's response to an appeal), as the remedy rule says."""
        if self.remedy_rule_id is not None and self.remedy_rule is not None:
            return self.remedy_rule.decision_rule
        return DEFAULT_DUE_RULES.get(self.kind, DeadlineCode.OBJECTION_DUE)

    @property
    def due_on(self) -> datetime.date | None:
        """The due date, computed from the calendar now (never stored) from the filing; None when recorded
        inadmissible or when the rule is not in force on that date."""
        if self.status == self.Status.INADMISSIBLE:
            return None
        try:
            return deadline_for(self.due_rule, self.filed_on)
        except DomainError:
            return None

    @property
    def awaits_response(self) -> bool:
        """A pending appeal the PPK has not yet answered to the BPASN."""
        return self.is_appeal and self.status == self.Status.PENDING and self.responded_on is None


_O = Objection.Status
# An objection filed in time is pending until its official decides it (an appeal until the BPASN's ruling is
# recorded); an objection filed after its window is recorded inadmissible from the start (its status when it is
# created, never reached from pending). A late appeal is pending like one in time.
OBJECTION_TRANSITIONS: dict[str, frozenset[str]] = {
    _O.PENDING: frozenset({_O.DECIDED}),
    _O.INADMISSIBLE: frozenset(),
    _O.DECIDED: frozenset(),
}
# No version of its own: a change of an objection is a change of its decision (whose version it bumps), and its
# audit events are recorded, with the decision's statuses, through DECISION_LIFECYCLE. `full_clean` runs before each
# save (the constraints on a decided objection and an appeal).
OBJECTION_LIFECYCLE: Lifecycle[Objection] = Lifecycle(
    name="objection",
    model=Objection,
    transitions=OBJECTION_TRANSITIONS,
    version_field=None,
    clean_exclude=(
        "decision",
        "decided_by",
        "new_decision",
        "letter",
        "recorded_by",
        "remedy_rule",
        "decider",
        "response_letter",
        "responded_by",
        "ruling_recorded_by",
    ),
)
