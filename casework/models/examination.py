"""The examination procedure of a case: the examination team (Tim Pemeriksa), summonses I and II, the examination
record (BAP) and the examination report (LHP).

A summons or an examination that may no longer serve as a basis is set aside, never deleted (`SetAside`): it stays on
record as evidence, and a new one may be held in its place (at most one current summons of each number and one
current examination per case). Two things set a step aside: the probable level raised to heavy on a case examined
without a team (the team holds them again), and an absence after a summons that did not respect the notice rules
(docs/legal-basis.md §4.3, §5.2).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import CivilServant
from casework.models.cases import Case
from casework.models.letters import Letter
from casework.models.signatories import SignatorySnapshot
from core.models import TimeStampedModel
from violations.models import SanctionLevel, ViolationType


class ExaminationTeam(SignatorySnapshot, TimeStampedModel):
    """The Tim Pemeriksa of a case and the decree (surat keputusan) forming it.

    Netra's register numbers the decree it issues (`letter`; `decision_number` and `decision_date` are that letter's);
    a decree issued on paper before is recorded with its own number and date (`decree_is_external`). The signatory
    fields name who signed the decree (the PPK or the designated official; blank for an external decree).
    """

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination_team")
    decision_number = models.CharField(_("decision number"), max_length=120)
    decision_date = models.DateField(_("decision date"))
    letter = models.ForeignKey(
        Letter, verbose_name=_("decree letter"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decree_is_external = models.BooleanField(
        _("decree issued outside Netra"),
        default=False,
        help_text=_("The decree was issued on paper: its number and date were recorded, not given by Netra."),
    )
    formed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("examination team")
        verbose_name_plural = _("examination teams")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decree_is_external=True) | models.Q(letter__isnull=False),
                name="examination_team_decree_numbered_or_external",
            )
        ]

    def __str__(self) -> str:
        return self.decision_number

    @property
    def chair(self) -> "ExaminationTeamMember | None":
        return self.members.filter(is_chair=True).first()


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
    # Chosen when the team is formed; signs the team's summonses and its LHP (docs/legal-basis.md §5.2, §7.3).
    is_chair = models.BooleanField(_("chair of the team"), default=False)

    class Meta:
        verbose_name = _("examination team member")
        verbose_name_plural = _("examination team members")
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=models.Q(is_chair=True), name="examination_team_one_chair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class SetAsideQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def current(self) -> "SetAsideQuerySet":
        """The steps that still serve as a basis (not set aside)."""
        return self.filter(set_aside_at__isnull=True)


class SetAside(models.Model):
    """A step kept on record as evidence that no longer serves as a basis of the procedure."""

    class Why(models.TextChoices):
        HEAVY_WITHOUT_TEAM = "heavy_without_team", _("Held without the examination team a heavy sanction requires")
        NOTICE_NOT_RESPECTED = (
            "notice_not_respected",
            _("Absence after a summons that did not respect the notice rules"),
        )
        SECOND_SUMMONS_TOO_LATE = (
            "second_summons_too_late",
            _("Summons II could no longer follow it within the notice rules"),
        )

    set_aside_at = models.DateTimeField(_("set aside at"), null=True, blank=True)
    set_aside_why = models.CharField(_("set aside because"), max_length=30, choices=Why.choices, blank=True)
    set_aside_reason = models.TextField(_("reason for setting it aside"), blank=True)

    objects = SetAsideQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_set_aside(self) -> bool:
        return self.set_aside_at is not None


class Summons(SetAside, SignatorySnapshot, TimeStampedModel):
    """A summons (surat panggilan) I or II for an examination, and what came of it.

    `notice_respected` is False when a supervisor allowed a shorter notice than rule D6, or (summons II) a later
    summons than rule D7, to reschedule: an absence after such a summons never counts toward "absent twice" (the
    summons is set aside and a new, valid one is due). The signatory is the direct superior or the team's chair.
    """

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
    notice_respected = models.BooleanField(
        _("notice rules respected"),
        default=True,
        help_text=_("Rule D6 (and, for summons II, rule D7). Otherwise the summons only reschedules the examination."),
    )
    # Set when a supervisor allowed a summons outside rule D6 or D7 to reschedule the examination.
    notice_override_reason = models.TextField(_("reason for the short notice"), blank=True)
    notice_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The team the summons was issued under (the examination is then the team's).
    examination_team = models.ForeignKey(
        ExaminationTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="summonses"
    )
    # The account that recorded it in Netra (the signatory is in the SignatorySnapshot fields).
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("summons")
        verbose_name_plural = _("summonses")
        ordering = ("case", "number", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "number"],
                condition=models.Q(set_aside_at__isnull=True),
                name="summons_number_unique_per_case",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="") | ~models.Q(virtual_link=""), name="summons_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=models.Q(notice_respected=True) | ~models.Q(notice_override_reason=""),
                name="summons_short_notice_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_number_display()}"


class Examination(SetAside, TimeStampedModel):
    """The examination record (BAP): a closed examination, in person or virtual, signed by the examiners (the team's
    members when there is a team) and the examinee, or with the examinee's refusal noted."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="examinations")
    summons = models.ForeignKey(Summons, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # The team the examination was held under (a heavy sanction requires one: casework.selectors).
    examination_team = models.ForeignKey(
        ExaminationTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="examinations"
    )
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
            ),
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(set_aside_at__isnull=True), name="examination_one_current_per_case"
            ),
        ]

    def __str__(self) -> str:
        return f"BAP {self.case_id}"


class ExaminationReport(SignatorySnapshot, TimeStampedModel):
    """The examination report (LHP) with the recommended sanction; the sanctions app decides on it.

    The recommended sanction is one the catalogue's guidance allows for the proven violations
    (casework.sanction_options); its level follows from it. Signed by the direct superior or the team's chair.
    """

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination_report")
    violation_types = models.ManyToManyField(ViolationType, verbose_name=_("forms of violation"), related_name="+")
    act_time = models.CharField(_("time of the act"), max_length=200)
    act_place = models.CharField(_("place of the act"), max_length=300)
    aggravating = models.TextField(_("aggravating factors"), blank=True)
    mitigating = models.TextField(_("mitigating factors"), blank=True)
    impact = models.TextField(_("impact"), blank=True)
    proven = models.BooleanField(_("proven"))
    # A code of the sanctions catalogue (casework does not depend on the sanctions app) and its Indonesian name then.
    recommended_sanction_code = models.CharField(_("recommended sanction"), max_length=10, blank=True)
    recommended_sanction_label = models.CharField(_("recommended sanction (name)"), max_length=300, blank=True)
    recommended_sanction_level = models.CharField(
        _("recommended level"), max_length=20, choices=SanctionLevel.choices, blank=True, default=""
    )
    # The account that recorded it in Netra (the signatory is in the SignatorySnapshot fields).
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The date the LHP carries: on or after the examination it reports on; a decision comes on or after it.
    reported_on = models.DateField(_("date of the report"), null=True, blank=True)

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


def current_examination(case: Case) -> Examination | None:
    """The case's examination record (BAP) that serves as a basis: the one not set aside, if any."""
    return Examination.objects.filter(case=case, set_aside_at__isnull=True).first()
