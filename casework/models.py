"""A case over one or more reports and its legal lifecycle: review, examination team, summons, examination (BAP),
examination report (LHP), forwarding for decision; tracks, assignment and evidence with its chain of custody.

Only casework.services assigns `Case.status`; CASE_TRANSITIONS (below the models) says which status may follow which.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Agency, CivilServant
from core.models import TimeStampedModel
from violations.models import Report, SanctionLevel, ViolationType


class ProbableLevel(models.TextChoices):
    """The level the review (telaah) expects; heavy makes an examination team mandatory."""

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
        return status in CASE_TRANSITIONS.get(self.status, frozenset())

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


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
    """One of the three tracks a case may follow (DOMAIN.md), each with its own outcome.

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


class ExaminationTeam(TimeStampedModel):
    """The Tim Pemeriksa of a case and the decision (surat keputusan) forming it."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination_team")
    decision_number = models.CharField(_("decision number"), max_length=120)
    decision_date = models.DateField(_("decision date"))
    formed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("examination team")
        verbose_name_plural = _("examination teams")

    def __str__(self) -> str:
        return self.decision_number


class ExaminationTeamMember(models.Model):
    class Role(models.TextChoices):
        DIRECT_SUPERIOR = "direct_superior", _("Direct superior")
        INSPECTORATE = "inspectorate", _("Inspectorate")
        BKPSDM = "bkpsdm", _("BKPSDM")

    team = models.ForeignKey(ExaminationTeam, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("role in the team"), max_length=20, choices=Role.choices)
    # A member with an account sees the case; the name, NIP and position are kept as they were on the decision.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="examination_teams"
    )
    civil_servant = models.ForeignKey(CivilServant, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    position_title = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("examination team member")
        verbose_name_plural = _("examination team members")
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class Summons(TimeStampedModel):
    """A summons (surat panggilan) I or II for an examination, and what came of it."""

    class Delivery(models.TextChoices):
        IN_PERSON = "in_person", _("Delivered in person")
        POST = "post", _("By post")
        EMAIL = "email", _("By e-mail")
        MESSENGER = "messenger", _("By official messenger")

    class Attendance(models.TextChoices):
        PENDING = "pending", _("Pending")
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Absent")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="summonses")
    number = models.PositiveSmallIntegerField(_("summons number"), choices=[(1, "I"), (2, "II")])
    scheduled_at = models.DateTimeField(_("examination scheduled at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    virtual_link = models.URLField(_("virtual meeting link"), max_length=500, blank=True)
    sent_on = models.DateField(_("sent on"))
    delivery_method = models.CharField(_("delivery method"), max_length=20, choices=Delivery.choices)
    delivery_record = models.TextField(_("delivery record"), blank=True)
    attendance = models.CharField(_("attendance"), max_length=20, choices=Attendance.choices, default="pending")
    # Set when a supervisor allowed less notice than rule D6 requires.
    notice_override_reason = models.TextField(_("reason for the short notice"), blank=True)
    notice_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("summons")
        verbose_name_plural = _("summonses")
        ordering = ("case", "number")
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="summons_number_unique_per_case"),
            models.CheckConstraint(
                condition=~models.Q(place="") | ~models.Q(virtual_link=""), name="summons_has_place_or_link"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_number_display()}"


class Examination(TimeStampedModel):
    """The examination record (BAP): a closed examination, in person or virtual."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination")
    summons = models.ForeignKey(Summons, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    virtual_link = models.URLField(_("virtual meeting link"), max_length=500, blank=True)
    examiners = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("examiners"), related_name="+")
    # [{"question": "...", "answer": "..."}, ...] in the order asked.
    questions_answers = models.JSONField(_("questions and answers"), default=list)
    examinee_signed = models.BooleanField(_("signed by the examinee"))
    # The record stays valid when the examinee refuses to sign; the refusal is noted.
    refusal_note = models.TextField(_("refusal to sign"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("examination record (BAP)")
        verbose_name_plural = _("examination records (BAP)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(examinee_signed=True) | ~models.Q(refusal_note=""),
                name="examination_unsigned_has_refusal_note",
            )
        ]

    def __str__(self) -> str:
        return f"BAP {self.case_id}"


class ExaminationReport(TimeStampedModel):
    """The examination report (LHP) with the recommended sanction; the sanctions app decides on it."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination_report")
    violation_types = models.ManyToManyField(ViolationType, verbose_name=_("forms of violation"), related_name="+")
    act_time = models.CharField(_("time of the act"), max_length=200)
    act_place = models.CharField(_("place of the act"), max_length=300)
    aggravating = models.TextField(_("aggravating factors"), blank=True)
    mitigating = models.TextField(_("mitigating factors"), blank=True)
    impact = models.TextField(_("impact"), blank=True)
    proven = models.BooleanField(_("proven"))
    # A code of the sanctions catalogue (casework does not depend on the sanctions app).
    recommended_sanction_code = models.CharField(_("recommended sanction"), max_length=10, blank=True)
    recommended_sanction_level = models.CharField(
        _("recommended level"), max_length=20, choices=SanctionLevel.choices, blank=True, default=""
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("examination report (LHP)")
        verbose_name_plural = _("examination reports (LHP)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(proven=False) | ~models.Q(recommended_sanction_code=""),
                name="examination_report_proven_has_sanction",
            )
        ]

    def __str__(self) -> str:
        return f"LHP {self.case_id}"


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
    source_url = models.URLField(_("source URL"), max_length=2000, blank=True)
    captured_at = models.DateTimeField(_("captured at"), null=True, blank=True)
    witness_name = models.CharField(_("witness"), max_length=200, blank=True)
    statement = models.TextField(_("statement"), blank=True)
    added_at = models.DateTimeField(_("added at"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
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
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.original_name or self.witness_name or self.kind}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


_C = Case.Status
# Statuses in which a case is still being handled (handover, reminders and visibility depend on them).
OPEN_STATUSES: frozenset[str] = frozenset(
    {_C.REGISTERED, _C.UNDER_REVIEW, _C.TEAM_FORMED, _C.SUMMONED, _C.EXAMINED, _C.ABSENT_TWICE, _C.REPORTED}
)
_EXITS_BEFORE_EXAMINATION = frozenset({_C.DISMISSED, _C.MERGED, _C.WITHDRAWN})
# The case lifecycle: which status may follow which. Only casework.services assigns `status`.
# A second summons keeps the case `summoned`; a heavy probable level additionally forbids under_review → summoned
# (the examination team is mandatory then; see services.summons_issue).
CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    _C.REGISTERED: frozenset({_C.UNDER_REVIEW}) | _EXITS_BEFORE_EXAMINATION,
    _C.UNDER_REVIEW: frozenset({_C.TEAM_FORMED, _C.SUMMONED}) | _EXITS_BEFORE_EXAMINATION,
    _C.TEAM_FORMED: frozenset({_C.SUMMONED}) | _EXITS_BEFORE_EXAMINATION,
    _C.SUMMONED: frozenset({_C.EXAMINED, _C.ABSENT_TWICE, _C.MERGED, _C.WITHDRAWN}),
    _C.EXAMINED: frozenset({_C.REPORTED, _C.WITHDRAWN}),
    # Absent twice: the case goes on on the evidence, with or without an LHP.
    _C.ABSENT_TWICE: frozenset({_C.REPORTED, _C.FORWARDED_FOR_DECISION, _C.WITHDRAWN}),
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

from casework.letter_models import LETTER_KINDS, Letter, LetterKind, LetterNumberSequence, register_letter_kind  # noqa: E402,F401
