"""The examination procedure of a case: the examination team (Tim Pemeriksa), summonses I and II, the examination
record (BAP) and the examination report (LHP)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import CivilServant
from casework.models.cases import Case
from core.models import TimeStampedModel
from violations.models import SanctionLevel, ViolationType


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
