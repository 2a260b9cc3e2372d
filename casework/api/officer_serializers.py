"""Serializers of the officers' case API (/api/v1/cases/): output shapes and one input serializer per action."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casework.deadlines import CaseDeadline
from casework.models import Case, CaseTrack, ExaminationTeamMember, ProbableLevel, Summons

# Ids and versions beyond PostgreSQL's integer would be a database error, not a 400.
MAX_ID = 2**31 - 1


def _id(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(help_text=_("Machine-readable reason, e.g. case_changed for a stale version."))


class CaseListItemSerializer(serializers.ModelSerializer[Case]):
    # Plain strings: the schema lists the case statuses once, on the list's `status` filter.
    status = serializers.CharField(help_text=_("The case status code; see the list's status filter."))
    status_label = serializers.CharField(source="get_status_display")
    unit = serializers.SerializerMethodField()
    reports_count = serializers.IntegerField(help_text=_("Reports the case covers."))

    class Meta:
        model = Case
        fields: tuple[str, ...] = (
            "id",
            "number",
            "status",
            "status_label",
            "version",
            "accused_name",
            "accused_nip",
            "unit",
            "registered_at",
            "reports_count",
        )

    @extend_schema_field(serializers.CharField())
    def get_unit(self, case: Case) -> str:
        return case.accused.unit.name if case.accused and case.accused.unit else ""


class DeadlineSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text=_("Deadline rule code, e.g. D6."))
    # The metaclass moves declared fields out of the class, so this does not shadow Field.label at run time.
    label = serializers.CharField()  # type: ignore[assignment]
    due = serializers.DateField()
    status = serializers.CharField(help_text=_("due, overdue or met."))
    legal_basis = serializers.CharField()
    responsible = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_responsible(self, deadline: CaseDeadline) -> list[str]:
        return [person.name for person in deadline.responsible]


class TrackSerializer(serializers.ModelSerializer[CaseTrack]):
    status = serializers.CharField(help_text=_("open, proven, not_proven, referred or closed."))

    class Meta:
        model = CaseTrack
        fields = ("track", "status", "outcome", "referred_to", "referred_on")


class SummonsSerializer(serializers.ModelSerializer[Summons]):
    notice_respected = serializers.BooleanField(
        help_text=_("False: allowed outside rule D6 (or D7) to reschedule; an absence after it does not count.")
    )
    set_aside = serializers.BooleanField(
        source="is_set_aside", help_text=_("Kept on record but no longer a basis (a new summons took its place).")
    )

    class Meta:
        model = Summons
        fields = (
            "id",
            "number",
            "scheduled_at",
            "sent_on",
            "place",
            "virtual_link",
            "delivery_method",
            "attendance",
            "notice_respected",
            "set_aside",
            "signatory_name",
            "signatory_role",
        )


class CaseDetailSerializer(CaseListItemSerializer):
    merged_into: "serializers.SlugRelatedField[Case]" = serializers.SlugRelatedField(
        slug_field="number", read_only=True, allow_null=True
    )
    assigned_examiners: "serializers.SlugRelatedField[Any]" = serializers.SlugRelatedField(
        slug_field="username", many=True, read_only=True
    )
    tracks = TrackSerializer(many=True, read_only=True)
    summonses = serializers.SerializerMethodField()
    deadlines = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta(CaseListItemSerializer.Meta):
        fields = (
            *CaseListItemSerializer.Meta.fields,
            "summary",
            "probable_level",
            "review_note",
            "closure_reason",
            "merged_into",
            "status_changed_at",
            "assigned_examiners",
            "tracks",
            "summonses",
            "deadlines",
            "allowed_actions",
        )

    @extend_schema_field(SummonsSerializer(many=True))
    def get_summonses(self, case: Case) -> Any:
        return SummonsSerializer(case.summonses.order_by("number", "id"), many=True).data

    @extend_schema_field(DeadlineSerializer(many=True))
    def get_deadlines(self, case: Case) -> Any:
        return DeadlineSerializer(self.context["deadlines"], many=True).data

    @extend_schema_field(
        serializers.ListField(
            child=serializers.CharField(),
            help_text=_("The actions (paths under the case's actions/) this user may take now."),
        )
    )
    def get_allowed_actions(self, case: Case) -> list[str]:
        return list(self.context["allowed_actions"])


# --- input: every action names the version of the case the officer acted on -------------------------------------


class VersionedSerializer(serializers.Serializer):
    expected_version = _id(help_text=_("The case's `version` as the officer saw it; another value answers 409."))


class StartReviewSerializer(VersionedSerializer):
    probable_level = serializers.ChoiceField(choices=ProbableLevel.choices)
    tracks = serializers.ListField(
        child=serializers.ChoiceField(choices=[CaseTrack.Track.ETHICS, CaseTrack.Track.DISCIPLINE]), min_length=1
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class RaiseLevelSerializer(VersionedSerializer):
    probable_level = serializers.ChoiceField(choices=ProbableLevel.choices)
    reason = serializers.CharField(max_length=5000)


class TeamMemberSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ExaminationTeamMember.Role.choices)
    name = serializers.CharField(max_length=200)
    nip = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")
    position_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    user = _id(required=False, allow_null=True, default=None, help_text=_("The member's account."))
    is_chair = serializers.BooleanField(required=False, default=False, help_text=_("Exactly one member chairs."))


class ExternalDecreeSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=120)
    date = serializers.DateField()


class TeamFormSerializer(VersionedSerializer):
    members = TeamMemberSerializer(many=True)
    external_decree = ExternalDecreeSerializer(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A decree already issued on paper; without it Netra numbers and issues the decree."),
    )


class AssignSerializer(VersionedSerializer):
    examiners = serializers.ListField(child=_id(), help_text=_("User ids of the examiners."))


class SummonsIssueSerializer(VersionedSerializer):
    number = serializers.ChoiceField(choices=[1, 2])
    scheduled_at = serializers.DateTimeField()
    sent_on = serializers.DateField()
    delivery_method = serializers.ChoiceField(choices=Summons.Delivery.choices)
    place = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    virtual_link = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    delivery_record = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    override_reason = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("A supervisor's reason for allowing a shorter notice than rule D6 or a later summons II (D7)."),
    )


class SummonsAttendanceSerializer(VersionedSerializer):
    summons = _id(help_text=_("The summons' id."))


class SummonsAbsenceSerializer(SummonsAttendanceSerializer):
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class QuestionAnswerSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=5000)
    answer = serializers.CharField(max_length=20000, allow_blank=True)


class ExaminationSerializer(VersionedSerializer):
    held_at = serializers.DateTimeField()
    examiners = serializers.ListField(child=_id(), min_length=1)
    questions_answers = QuestionAnswerSerializer(many=True)
    examinee_signed = serializers.BooleanField()
    refusal_note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    place = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    virtual_link = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")


class ExaminationReportSerializer(VersionedSerializer):
    violation_types = serializers.ListField(child=serializers.CharField(max_length=10), min_length=1)
    act_time = serializers.CharField(max_length=200)
    act_place = serializers.CharField(max_length=300)
    proven = serializers.BooleanField()
    aggravating = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    mitigating = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    impact = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    recommended_sanction_code = serializers.CharField(
        max_length=10,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("A sanction the catalogue's guidance allows for these violations; its level follows from it."),
    )
    reported_on = serializers.DateField(
        required=False, default=None, help_text=_("The report's date; today if absent.")
    )


class ReasonSerializer(VersionedSerializer):
    reason = serializers.CharField(max_length=5000)


class MergeSerializer(VersionedSerializer):
    into = _id(help_text=_("Id of the open case of the same agency to merge into."))
