"""Web forms through which officers take a case through its lifecycle (one form per service of casework.services).

Every form that changes the case carries the version the officer saw (`expected_version`, hidden): a service
refuses a stale one, so two officers acting at once cannot overwrite each other.
"""

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.forms import AccusedLinkForm
from accounts.models import User
from accounts.roles import Role
from casework.models import Case, CaseTrack, ExaminationTeamMember, ProbableLevel, Summons
from casework.sanction_options import sanction_options_for
from core import clock
from violations.models import SanctionLevel, ViolationType

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_INPUT)


def _datetime_field(label: str | Any) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, widget=DateTimeInput(), input_formats=[DATETIME_INPUT, "%Y-%m-%d %H:%M"])


def _examiners_of(case: Case) -> Any:
    return (
        User.objects.filter(agency_id=case.agency_id, is_active=True, groups__name=Role.EXAMINER)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ExaminerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class VersionedForm(forms.Form):
    """The version of the case the officer saw when the page was drawn."""

    expected_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        self.case = case
        kwargs.setdefault("initial", {}).setdefault("expected_version", case.version)
        super().__init__(*args, **kwargs)


class CaseAccusedLinkForm(VersionedForm, AccusedLinkForm):
    """Link the case's accused to the register (the entry from the suggestion's button)."""


class ConfirmForm(VersionedForm):
    """Actions without fields: forwarding for decision, attendance."""


class StartReviewForm(VersionedForm):
    probable_level = forms.ChoiceField(label=_("Probable level"), choices=ProbableLevel.choices)
    tracks = forms.MultipleChoiceField(
        label=_("Tracks"),
        choices=[
            (CaseTrack.Track.ETHICS, CaseTrack.Track.ETHICS.label),
            (CaseTrack.Track.DISCIPLINE, CaseTrack.Track.DISCIPLINE.label),
        ],
        widget=forms.CheckboxSelectMultiple,
        initial=[CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE],
    )
    note = forms.CharField(label=_("Review note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RaiseLevelForm(VersionedForm):
    """Raising the probable level during the examination (never lowering it), with the reason."""

    probable_level = forms.ChoiceField(label=_("New probable level"), choices=ProbableLevel.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        levels = list(ProbableLevel)
        current = levels.index(ProbableLevel(case.probable_level)) if case.probable_level else -1
        field: Any = self.fields["probable_level"]
        field.choices = [(level.value, level.label) for level in levels[current + 1 :]]


TEAM_ROLES = list(ExaminationTeamMember.Role)


class TeamForm(VersionedForm):
    """The Tim Pemeriksa: its three members (direct superior, Inspectorate, BKPSDM) and its chair. Netra numbers
    and issues the decree forming it; a decree already issued on paper is recorded with its own number and date."""

    chair = forms.ChoiceField(
        label=_("Chair of the team"),
        choices=[(role.value, role.label) for role in TEAM_ROLES],
        initial=ExaminationTeamMember.Role.DIRECT_SUPERIOR.value,
        widget=forms.RadioSelect,
        help_text=_("The chair signs the team's summonses and its examination report."),
    )
    external_decree = forms.BooleanField(
        label=_("The decree forming the team was already issued on paper"),
        required=False,
        help_text=_("Otherwise Netra numbers the decree and prepares it for the agency's team-decree signatory."),
    )
    decision_number = forms.CharField(label=_("Number of the decree issued on paper"), max_length=120, required=False)
    decision_date = forms.DateField(label=_("Date of the decree issued on paper"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        users = User.objects.filter(agency_id=case.agency_id, is_active=True).order_by("first_name", "username")
        for role in TEAM_ROLES:
            self.fields[f"{role.value}_name"] = forms.CharField(label=_("Name"), max_length=200)
            self.fields[f"{role.value}_nip"] = forms.CharField(label=_("NIP"), max_length=18, required=False)
            self.fields[f"{role.value}_position"] = forms.CharField(label=_("Position"), max_length=200, required=False)
            self.fields[f"{role.value}_user"] = forms.ModelChoiceField(
                label=_("Netra account (sees the case)"), queryset=users, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("external_decree"):
            if not (data.get("decision_number") or "").strip():
                self.add_error("decision_number", _("Give the number of the decree issued on paper."))
            if not data.get("decision_date"):
                self.add_error("decision_date", _("Give the date of the decree issued on paper."))
        return data

    def member_groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (role.label, [self[f"{role.value}_{part}"] for part in ("name", "nip", "position", "user")])
            for role in TEAM_ROLES
        ]

    def members(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        return [
            {
                "role": role.value,
                "name": data[f"{role.value}_name"],
                "nip": data[f"{role.value}_nip"],
                "position_title": data[f"{role.value}_position"],
                "user": data[f"{role.value}_user"],
                "is_chair": data["chair"] == role.value,
            }
            for role in TEAM_ROLES
        ]

    def external(self) -> tuple[str, Any] | None:
        """The number and date of a decree issued on paper, when the officer records one."""
        data = self.cleaned_data
        return (data["decision_number"], data["decision_date"]) if data.get("external_decree") else None


class AssignForm(VersionedForm):
    examiners = ExaminerChoiceField(
        label=_("Examiners"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("examiners", list(case.assigned_examiners.all()))
        super().__init__(*args, case=case, **kwargs)
        self.fields["examiners"].queryset = _examiners_of(case)  # type: ignore[attr-defined]


class SummonsForm(VersionedForm):
    number = forms.TypedChoiceField(label=_("Summons"), choices=[(1, "I"), (2, "II")], coerce=int)
    scheduled_at = _datetime_field(_("Examination date and time"))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    virtual_link = forms.URLField(
        label=_("Virtual meeting link"), max_length=500, required=False, assume_scheme="https"
    )
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput())
    delivery_method = forms.ChoiceField(label=_("Delivery method"), choices=Summons.Delivery.choices)
    delivery_record = forms.CharField(
        label=_("Delivery record"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    override = forms.BooleanField(
        label=_("Reschedule with a shorter notice than rule D6 (or a later summons II than rule D7)"),
        required=False,
        help_text=_(
            "The summons then does not respect the notice rules: the accused may attend, but an absence does not "
            "count and a new, valid summons is due."
        ),
    )
    override_reason = forms.CharField(
        label=_("Reason for the shorter notice"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, case: Case, can_override: bool, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        if not can_override:
            del self.fields["override"]
            del self.fields["override_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override") and not (data.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Give the reason for the shorter notice."))
        return data

    @property
    def notice_override_reason(self) -> str:
        return self.cleaned_data.get("override_reason", "") if self.cleaned_data.get("override") else ""


class AbsenceForm(VersionedForm):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ExaminationForm(VersionedForm):
    """The BAP; the questions and answers are a formset (QuestionAnswerForm)."""

    held_at = _datetime_field(_("Held at"))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    virtual_link = forms.URLField(
        label=_("Virtual meeting link"), max_length=500, required=False, assume_scheme="https"
    )
    examiners = ExaminerChoiceField(
        label=_("Examiners"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    examinee_signed = forms.BooleanField(label=_("The examinee signed the record"), required=False)
    refusal_note = forms.CharField(
        label=_("Refusal to sign (if the examinee did not sign)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        self.fields["examiners"].queryset = _examiners_of(case)  # type: ignore[attr-defined]


class QuestionAnswerForm(forms.Form):
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


MAX_QUESTIONS = 100
QuestionAnswerFormSet = forms.formset_factory(
    QuestionAnswerForm, extra=5, max_num=MAX_QUESTIONS, absolute_max=MAX_QUESTIONS
)


class ViolationTypeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.localized_name(translation.get_language() or "id"))


class ExaminationReportForm(VersionedForm):
    """The LHP; the recommended sanction is one the catalogue's guidance allows for the chosen violations
    (casework.sanction_options), its level following from it; the report's date defaults to today."""

    violation_types = ViolationTypeChoiceField(
        label=_("Forms of violation"),
        queryset=ViolationType.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
    )
    act_time = forms.CharField(label=_("Time of the act"), max_length=200)
    act_place = forms.CharField(label=_("Place of the act"), max_length=300)
    aggravating = forms.CharField(
        label=_("Aggravating factors"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    mitigating = forms.CharField(
        label=_("Mitigating factors"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    impact = forms.CharField(label=_("Impact"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    proven = forms.TypedChoiceField(
        label=_("Finding"),
        choices=[("yes", _("Proven")), ("no", _("Not proven"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    recommended_sanction_code = forms.ChoiceField(
        label=_("Recommended sanction"),
        required=False,
        help_text=_("The sanctions the catalogue's guidance allows for the forms of violation chosen above."),
    )
    reported_on = forms.DateField(label=_("Date of the report"), widget=DateInput())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("reported_on", clock.today())
        super().__init__(*args, case=case, **kwargs)
        field: Any = self.fields["recommended_sanction_code"]
        field.choices = [("", "—")] + [
            (option.code, f"{option.label} ({SanctionLevel(option.level).label})")
            for option in sanction_options_for(case, self._violation_codes())
        ]

    def _violation_codes(self) -> list[str]:
        """The violations the choices follow: those ticked (a submitted form), else those proposed."""
        if self.is_bound:
            getlist = getattr(self.data, "getlist", None)
            values = getlist(self.add_prefix("violation_types")) if getlist else []
            ids = [value for value in values if str(value).isdigit()]
            return sorted(ViolationType.objects.filter(pk__in=ids).values_list("code", flat=True))
        return sorted(v.code for v in self.initial.get("violation_types", []))


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class MergeForm(VersionedForm):
    into = forms.CharField(label=_("Number of the case to merge into"), max_length=40)


class CriminalReferralForm(VersionedForm):
    referred_to = forms.CharField(label=_("Referred to"), max_length=200)
    referred_on = forms.DateField(label=_("Referred on"), widget=DateInput())
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class EvidenceFilesForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    evidence = MultipleFileField(label=_("Files"))


class EvidenceCaptureForm(VersionedForm):
    screenshot = forms.FileField(label=_("Screenshot"))
    source_url = forms.URLField(label=_("Address of the post"), max_length=2000, assume_scheme="https")
    captured_at = _datetime_field(_("Captured at"))


class EvidenceStatementForm(VersionedForm):
    witness_name = forms.CharField(label=_("Witness"), max_length=200)
    statement = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 4}))


class EvidenceWithdrawForm(VersionedForm):
    reason = forms.CharField(label=_("Reason for withdrawal"), widget=forms.Textarea(attrs={"rows": 2}))
