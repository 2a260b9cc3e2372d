"""A case over one or more reports and its legal lifecycle (review, examination team, summons, examination (BAP),
examination report (LHP), forwarding for decision), its tracks, and the kernel every status change goes through.

Only casework.services assigns `Case.status`, through CASE_LIFECYCLE (below the models): CASE_TRANSITIONS says
which status may follow which.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, CivilServant
from core.errors import TransitionNotAllowed
from core.lifecycle import Lifecycle
from core.models import TimeStampedModel
from violations.models import Report


class ProbableLevel(models.TextChoices):
    """The level the review (telaah) expects; heavy makes an examination team mandatory. It may be raised during
    the examination (casework.services.case_raise_probable_level), never lowered; lightest first."""

    LIGHT = "light", _("light")
    MODERATE = "moderate", _("moderate")
    HEAVY = "heavy", _("heavy")


class Case(TimeStampedModel):
    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("case status", "Registered")
        UNDER_REVIEW = "under_review", pgettext_lazy("case status", "Under review")
        TEAM_FORMED = "team_formed", pgettext_lazy("case status", "Examination team formed")
        SUMMONED = "summoned", pgettext_lazy("case status", "Summoned")
        EXAMINED = "examined", pgettext_lazy("case status", "Examined")
        ABSENT_TWICE = "absent_twice", pgettext_lazy("case status", "Absent twice")
        REPORTED = "reported", pgettext_lazy("case status", "Examination report written")
        FORWARDED_FOR_DECISION = "forwarded_for_decision", pgettext_lazy("case status", "Forwarded for decision")
        DECIDED = "decided", pgettext_lazy("case status", "Decided")
        CLOSED = "closed", pgettext_lazy("case status", "Closed")
        NOT_PROVEN = "not_proven", pgettext_lazy("case status", "Not proven")
        DISMISSED = "dismissed", pgettext_lazy("case status", "Dismissed")
        MERGED = "merged", pgettext_lazy("case status", "Merged into another case")
        WITHDRAWN = "withdrawn", pgettext_lazy("case status", "Withdrawn")

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
    # Optimistic concurrency: every service write increments it; a stale `expected_version` is a conflict.
    version = models.PositiveIntegerField(_("version"), default=1)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    probable_level = models.CharField(
        _("probable level"), max_length=20, choices=ProbableLevel.choices, blank=True, default=""
    )
    review_note = models.TextField(_("review note"), blank=True)
    # Why the case ended: dismissed, withdrawn or not proven.
    closure_reason = models.TextField(_("reason for closing"), blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    assigned_examiners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned examiners"), blank=True, related_name="assigned_cases"
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ("-registered_at", "-id")
        indexes = [models.Index(fields=["agency", "status", "-registered_at"], name="case_list_idx")]
        permissions = [("override_summons_notice", _("Can override the summons notice rule (D6)"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="merged") | models.Q(merged_into__isnull=False),
                name="case_merged_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.number

    def can_transition_to(self, status: str) -> bool:
        return CASE_LIFECYCLE.can_transition(self, status)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def has_examination_team(self) -> bool:
        # A reverse one-to-one that does not exist raises an AttributeError subclass: hasattr is False then.
        return hasattr(self, "examination_team")


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


class CaseTrack(TimeStampedModel):
    """One of the three tracks a case may follow, each with its own outcome (docs/domain.md, “Three tracks on one
    case”).

    A criminal referral is only recorded: to whom, when, and a note; Netra does not follow it further.
    """

    class Track(models.TextChoices):
        ETHICS = "ethics", _("Ethics (PP 42/2004)")
        DISCIPLINE = "discipline", _("Discipline (PP 94/2021)")
        CRIMINAL_REFERRAL = "criminal_referral", _("Criminal referral (Gakkumdu/police)")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("track status", "Open")
        PROVEN = "proven", pgettext_lazy("track status", "Proven")
        NOT_PROVEN = "not_proven", pgettext_lazy("track status", "Not proven")
        REFERRED = "referred", pgettext_lazy("track status", "Referred")
        CLOSED = "closed", pgettext_lazy("track status", "Closed")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="tracks")
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(_("outcome"), blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ("case", "track")
        constraints = [models.UniqueConstraint(fields=["case", "track"], name="case_track_unique")]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.track}"


_C = Case.Status
# Statuses in which a case is still being handled (handover, reminders and visibility depend on them).
OPEN_STATUSES: frozenset[str] = frozenset(
    {_C.REGISTERED, _C.UNDER_REVIEW, _C.TEAM_FORMED, _C.SUMMONED, _C.EXAMINED, _C.ABSENT_TWICE, _C.REPORTED}
)
# Statuses in which the accused may still be linked to the register (and only until a decision is drafted:
# casework.services.case_identify_accused).
ACCUSED_IDENTIFIABLE_STATUSES: frozenset[str] = OPEN_STATUSES | {_C.FORWARDED_FOR_DECISION}
_EXITS_BEFORE_EXAMINATION = frozenset({_C.DISMISSED, _C.MERGED, _C.WITHDRAWN})
# The case lifecycle: which status may follow which. Only casework.services assigns `status`.
# A second summons keeps the case `summoned`; a heavy probable level additionally forbids under_review → summoned
# (the examination team is mandatory then; see services.summons_issue). Raising the probable level to heavy on a
# case summoned or examined without a team sets those steps aside and takes the case back to `under_review`, where
# the team is formed (services.case_raise_probable_level); the review itself starts only from `registered`.
CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    _C.REGISTERED: frozenset({_C.UNDER_REVIEW}) | _EXITS_BEFORE_EXAMINATION,
    _C.UNDER_REVIEW: frozenset({_C.TEAM_FORMED, _C.SUMMONED}) | _EXITS_BEFORE_EXAMINATION,
    _C.TEAM_FORMED: frozenset({_C.SUMMONED}) | _EXITS_BEFORE_EXAMINATION,
    _C.SUMMONED: frozenset({_C.EXAMINED, _C.ABSENT_TWICE, _C.UNDER_REVIEW, _C.MERGED, _C.WITHDRAWN}),
    _C.EXAMINED: frozenset({_C.REPORTED, _C.UNDER_REVIEW, _C.WITHDRAWN}),
    # Absent twice: the case goes on on the evidence, with or without an LHP.
    _C.ABSENT_TWICE: frozenset({_C.REPORTED, _C.FORWARDED_FOR_DECISION, _C.UNDER_REVIEW, _C.WITHDRAWN}),
    _C.REPORTED: frozenset({_C.FORWARDED_FOR_DECISION, _C.NOT_PROVEN, _C.WITHDRAWN}),
    # From here the sanctions app drives the case: a signed decision makes it decided; once every decision has
    # taken effect and been executed (or annulled) it is closed. A dismissal decision (not proven) also decides it.
    _C.FORWARDED_FOR_DECISION: frozenset({_C.DECIDED}),
    _C.DECIDED: frozenset({_C.CLOSED}),
    _C.CLOSED: frozenset(),
    _C.NOT_PROVEN: frozenset(),
    _C.DISMISSED: frozenset(),
    _C.MERGED: frozenset(),
    _C.WITHDRAWN: frozenset(),
}


def _case_changed_message(case: Case) -> str:
    return gettext(
        "Case %(number)s was changed by another officer while you were working on it "
        "(it is now “%(status)s”). Reload the case and try again; nothing was saved."
    ) % {"number": case.number, "status": case.get_status_display()}


def _case_not_allowed_message(case: Case, to: str) -> str:
    return gettext("A case in status “%(from)s” cannot become “%(to)s”.") % {
        "from": case.get_status_display(),
        "to": Case.Status(to).label,
    }


def case_transition_refused(case: Case, to: str) -> TransitionNotAllowed:
    """The kernel's refusal of a move, for a move the table allows from other paths only (the same code and
    message as CASE_LIFECYCLE.check_transition)."""
    return TransitionNotAllowed("case_transition_not_allowed", _case_not_allowed_message(case, to))


# Every status change of a case: lock, version check, CASE_TRANSITIONS, full_clean, save, one audit event.
CASE_LIFECYCLE: Lifecycle[Case] = Lifecycle(
    name="case",
    model=Case,
    transitions=CASE_TRANSITIONS,
    changed_at_field="status_changed_at",
    clean_exclude=("accused", "registered_by", "merged_into"),
    changed_message=_case_changed_message,
    not_allowed_message=_case_not_allowed_message,
)
