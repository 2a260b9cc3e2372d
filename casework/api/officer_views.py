"""The officers' case API under /api/v1/cases/: the scoped list, a case's detail, one POST per lifecycle service.

Session (with CSRF) or token authentication. Every case is fetched through casework.selectors, so a case the user
may not see (another agency's, or one an examiner is not on) is a 404. Each action parses its own input, calls
exactly one service with the version the officer saw and answers the case as it now stands; the services' errors
are mapped in core.api.errors.exception_handler: a stale version or a refused move is a 409 `{"detail", "code"}`, a bad
field a 400, a refused permission a 403.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts.actors import Actor, Viewer
from accounts.api_authentication import HashedTokenAuthentication
from accounts.models import User
from casework import selectors, services
from casework.api import officer_serializers as s
from casework.case_actions import case_actions_for
from casework.deadlines import case_deadlines
from casework.forms import CaseFilterForm
from casework.models import Case, Summons
from casework.permissions import can_view_cases, sees_agency_cases
from casework.querysets import case_list_filtered
from core.api.errors import ErrorDetailSerializer, FieldErrorsSerializer, invalid_body_response
from core.api.pagination import NewestFirstCursorPagination
from violations.models import ViolationType


class IsCaseOfficer(BasePermission):
    message = _("Only intake officers, administrators and examiners of an agency may use the case API.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_view_cases(request.user)


class CaseCursorPagination(NewestFirstCursorPagination):
    ordering = ("-registered_at", "-id")


_AUTH = {
    401: OpenApiResponse(ErrorDetailSerializer, description=_("Not logged in and no valid token.")),
    403: OpenApiResponse(ErrorDetailSerializer, description=_("The account may not work on cases.")),
}
_NOT_FOUND = OpenApiResponse(ErrorDetailSerializer, description=_("No such case among those the user may see."))


class OfficerAPIView(APIView):
    # Token first: an anonymous request is then a 401 with `WWW-Authenticate: Token`, not a 403.
    authentication_classes: Sequence[type[BaseAuthentication]] = (HashedTokenAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, IsCaseOfficer)
    throttle_classes: Sequence[type[BaseThrottle]] = ()

    @property
    def actor(self) -> Actor:
        """The user, once IsAuthenticated and IsCaseOfficer let them through (an account)."""
        return cast(Actor, self.request.user)

    def case(self, case_id: int) -> Case:
        case = selectors.case_get_for_user(user=self.actor, case_id=case_id)
        if case is None:
            raise NotFound(_("No such case."))
        return case


_FILTERS = [
    OpenApiParameter("tab", OpenApiTypes.STR, enum=["mine", "all"], description=_("My cases, or the agency's.")),
    OpenApiParameter("nip", OpenApiTypes.STR, description=_("The accused's NIP starts with this.")),
    OpenApiParameter("name", OpenApiTypes.STR, description=_("The accused's name contains this.")),
    OpenApiParameter("unit", OpenApiTypes.INT, description=_("Unit id of the accused.")),
    OpenApiParameter("status", OpenApiTypes.STR, enum=list(Case.Status.values)),
    OpenApiParameter("violation", OpenApiTypes.STR, description=_("Violation code in a report or the LHP.")),
    OpenApiParameter("election", OpenApiTypes.INT, description=_("Election id.")),
    OpenApiParameter("overdue", OpenApiTypes.BOOL, description=_("Only cases with an overdue deadline.")),
]


@extend_schema_view(
    get=extend_schema(
        tags=["cases"],
        operation_id="cases_list",
        summary=_("Cases the user may see, newest first"),
        parameters=_FILTERS,
        responses={
            200: s.CaseListItemSerializer(many=True),
            400: OpenApiResponse(FieldErrorsSerializer, description=_("A filter value is invalid.")),
            **_AUTH,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("The cursor is not one this list gave out.")),
        },
    )
)
class CaseListView(OfficerAPIView, generics.ListAPIView):
    serializer_class = s.CaseListItemSerializer
    pagination_class = CaseCursorPagination
    filter_backends = ()

    def get_queryset(self) -> QuerySet[Case]:
        user = self.actor
        form = CaseFilterForm(self.request.query_params, agency_id=user.agency_id)
        if not form.is_valid():
            raise ValidationError({field: [str(error) for error in errors] for field, errors in form.errors.items()})
        data = form.cleaned_data
        if data.get("tab") == CaseFilterForm.TAB_MINE or not sees_agency_cases(user):
            cases = selectors.case_list_mine(user=user)
        else:
            cases = selectors.case_list_for_user(user=user)
        return case_list_filtered(cases, data).select_related("accused__unit")


def allowed_actions(case: Case, user: Viewer) -> list[str]:
    """The action paths this user may take on the case now (the same predicates as the case page's buttons)."""
    actions = case_actions_for(case, user)
    offered = {
        "start-review": actions.start_review,
        "raise-level": actions.raise_level,
        "form-team": actions.team_form,
        "assign": actions.assign,
        "summons": actions.summons_issue is not None,
        "attendance": actions.pending_summons is not None,
        "absence": actions.pending_summons is not None,
        "examination": actions.examination_record,
        "examination-report": actions.examination_report,
        "forward": actions.forward,
        "close-not-proven": actions.close_not_proven,
        "dismiss": actions.dismiss,
        "withdraw": actions.withdraw,
        "merge": actions.merge,
    }
    return [name for name, allowed in offered.items() if allowed]


def case_detail_response(case: Case, user: Actor) -> Response:
    case = (
        selectors.case_list_for_user(user=user)
        .select_related("accused__unit", "merged_into")
        .prefetch_related("tracks", "assigned_examiners")
        .get(pk=case.pk)
    )
    context = {"deadlines": case_deadlines(case), "allowed_actions": allowed_actions(case, user)}
    return Response(s.CaseDetailSerializer(case, context=context).data)


class CaseDetailView(OfficerAPIView):
    @extend_schema(
        tags=["cases"],
        operation_id="cases_retrieve",
        summary=_("A case: status, version, deadlines and the actions the user may take now"),
        responses={200: s.CaseDetailSerializer, **_AUTH, 404: _NOT_FOUND},
    )
    def get(self, request: Request, case_id: int) -> Response:
        return case_detail_response(self.case(case_id), self.actor)


# --- actions -------------------------------------------------------------------------------------------------------


def _users(case: Case, ids: Sequence[int], field: str) -> list[Actor]:
    users = list(User.objects.filter(pk__in=set(ids), agency_id=case.agency_id, is_active=True))
    if len(users) != len(set(ids)):
        raise ValidationError({field: [_("Unknown user of the case's agency.")]})
    return users


def _summons(case: Case, summons_id: int) -> Summons:
    summons = Summons.objects.current().filter(case=case, pk=summons_id).first()
    if summons is None:
        raise ValidationError({"summons": [_("No such summons of this case.")]})
    return summons


def _start_review(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_start_review(
        case=case,
        actor=user,
        probable_level=data["probable_level"],
        tracks=data["tracks"],
        note=data["note"],
        expected_version=version,
    )


def _form_team(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    accounts = {u.pk: u for u in _users(case, [m["user"] for m in data["members"] if m["user"]], "members")}
    members = [
        services.TeamMemberInput(
            role=m["role"],
            name=m["name"],
            nip=m["nip"],
            position_title=m["position_title"],
            user=accounts.get(m["user"]) if m["user"] else None,
            is_chair=m["is_chair"],
        )
        for m in data["members"]
    ]
    external = data["external_decree"]
    services.examination_team_form(
        case=case,
        actor=user,
        members=members,
        external_decree=services.ExternalDecree(number=external["number"], date=external["date"]) if external else None,
        expected_version=version,
    )


def _raise_level(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_raise_probable_level(case=case, actor=user, expected_version=version, **data)


def _assign(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    examiners = _users(case, data["examiners"], "examiners")
    services.case_assign(case=case, actor=user, examiners=examiners, expected_version=version)


def _summons_issue(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.summons_issue(case=case, actor=user, expected_version=version, **data)


def _attendance(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    summons = _summons(case, data["summons"])
    services.summons_record_attendance(summons=summons, actor=user, expected_version=version)


def _absence(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    summons = _summons(case, data["summons"])
    services.summons_record_absence(summons=summons, actor=user, note=data["note"], expected_version=version)


def _examination(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    examiners = _users(case, data.pop("examiners"), "examiners")
    services.examination_record(case=case, actor=user, examiners=examiners, expected_version=version, **data)


def _examination_report(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    codes = set(data.pop("violation_types"))
    violation_types = list(ViolationType.objects.filter(code__in=codes))
    if len(violation_types) != len(codes):
        raise ValidationError({"violation_types": [_("Unknown violation code.")]})
    services.examination_report_submit(
        case=case, actor=user, violation_types=violation_types, expected_version=version, **data
    )


def _forward(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_forward_for_decision(case=case, actor=user, expected_version=version)


def _close_not_proven(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_close_not_proven(case=case, actor=user, reason=data["reason"], expected_version=version)


def _dismiss(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_dismiss(case=case, actor=user, reason=data["reason"], expected_version=version)


def _withdraw(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    services.case_withdraw(case=case, actor=user, reason=data["reason"], expected_version=version)


def _merge(case: Case, user: Actor, data: dict[str, Any], version: int) -> None:
    into = selectors.case_get_for_user(user=user, case_id=data["into"])
    if into is None:
        raise ValidationError({"into": [_("No such case.")]})
    services.case_merge(case=case, into=into, actor=user, expected_version=version)


Perform = Callable[[Case, Actor, dict[str, Any], int], None]


@dataclass(frozen=True)
class Action:
    name: str
    serializer: type[serializers.Serializer]
    perform: Perform
    summary: Any


ACTIONS: tuple[Action, ...] = (
    Action("start-review", s.StartReviewSerializer, _start_review, _("Start the review (telaah)")),
    Action("raise-level", s.RaiseLevelSerializer, _raise_level, _("Raise the probable level during the examination")),
    Action("form-team", s.TeamFormSerializer, _form_team, _("Form the examination team")),
    Action("assign", s.AssignSerializer, _assign, _("Assign examiners")),
    Action("summons", s.SummonsIssueSerializer, _summons_issue, _("Issue summons I or II")),
    Action("attendance", s.SummonsAttendanceSerializer, _attendance, _("Record attendance at a summons")),
    Action("absence", s.SummonsAbsenceSerializer, _absence, _("Record absence from a summons")),
    Action("examination", s.ExaminationSerializer, _examination, _("Record the examination (BAP)")),
    Action(
        "examination-report", s.ExaminationReportSerializer, _examination_report, _("Submit the examination report")
    ),
    Action("forward", s.VersionedSerializer, _forward, _("Forward the case for decision")),
    Action("close-not-proven", s.ReasonSerializer, _close_not_proven, _("Close the case as not proven")),
    Action("dismiss", s.ReasonSerializer, _dismiss, _("Dismiss the case")),
    Action("withdraw", s.ReasonSerializer, _withdraw, _("Withdraw the case")),
    Action("merge", s.MergeSerializer, _merge, _("Merge the case into another case")),
)


class CaseActionView(OfficerAPIView):
    action_spec: Action

    def perform_action(self, request: Request, case_id: int) -> Response:
        case = self.case(case_id)
        serializer = self.action_spec.serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("expected_version")
        self.action_spec.perform(case, self.actor, data, version)
        return case_detail_response(case, self.actor)


def _action_view(spec: Action) -> Callable[..., Any]:
    operation = spec.name.replace("-", "_")
    responses = {
        200: OpenApiResponse(s.CaseDetailSerializer, description=_("Done (or already done): the case now.")),
        400: invalid_body_response(_("A field is invalid; nothing was written.")),
        **_AUTH,
        404: _NOT_FOUND,
        409: OpenApiResponse(
            s.ConflictSerializer,
            description=_(
                "The case changed since `expected_version` (code case_changed) or its status does not allow "
                "this action; nothing was written."
            ),
        ),
    }

    def post(self: CaseActionView, request: Request, case_id: int) -> Response:
        return self.perform_action(request, case_id)

    view = type(
        f"Case{operation.title().replace('_', '')}View",
        (CaseActionView,),
        {
            "action_spec": spec,
            "post": extend_schema(
                tags=["cases"],
                operation_id=f"cases_{operation}",
                summary=spec.summary,
                request=spec.serializer,
                responses=responses,
            )(post),
        },
    )
    return cast(type[CaseActionView], view).as_view()


ACTION_VIEWS: dict[str, Callable[..., Any]] = {spec.name: _action_view(spec) for spec in ACTIONS}
