"""Objections (keberatan) and appeals (banding) against a decision, and their lifecycle."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.lifecycle import Lifecycle
from core.models import TimeStampedModel
from sanctions.models.decisions import Decision


class Objection(TimeStampedModel):
    """An objection (keberatan, to the PPK or the official's superior) or appeal (banding, against dismissal).

    Only sanctions.services assigns `status`, through OBJECTION_LIFECYCLE below.
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


_O = Objection.Status
# An objection filed in time is pending until the staffing authority decides it; one filed after its window is
# recorded inadmissible from the start (its status when it is created, never reached from pending).
OBJECTION_TRANSITIONS: dict[str, frozenset[str]] = {
    _O.PENDING: frozenset({_O.DECIDED}),
    _O.INADMISSIBLE: frozenset(),
    _O.DECIDED: frozenset(),
}
# No version of its own: a change of an objection is a change of its decision (whose version it bumps), and its
# audit events are recorded, with the decision's statuses, through DECISION_LIFECYCLE. `full_clean` runs before each
# save (the constraint that a decided objection has an outcome and a date).
OBJECTION_LIFECYCLE: Lifecycle[Objection] = Lifecycle(
    name="objection",
    model=Objection,
    transitions=OBJECTION_TRANSITIONS,
    version_field=None,
    clean_exclude=("decision", "decided_by", "new_decision", "letter", "recorded_by"),
)
