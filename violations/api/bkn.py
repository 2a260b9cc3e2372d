"""BKN's endpoints: send a recommendation about a civil servant, list and follow its own recommendations.

The same mechanism as a Bawaslu office's (violations.api.bawaslu): token authentication (`Authorization: Token
<key>`, one account per agency, see the bkn_account_create command), idempotency on the letter number with a
conflict on other content (violations.services.idempotency), and isolation: another body's recommendations, or
another agency's, are simply not found.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.errors import ErrorDetailSerializer, FieldErrorsSerializer, invalid_body_response
from violations.api.bawaslu import BawasluAPIView, ForwardingCursorPagination, is_possible_reference
from violations.api.recommendation_serializers import (
    RecommendationCreateJsonSerializer,
    RecommendationCreateSerializer,
    RecommendationDetailSerializer,
    RecommendationSerializer,
)
from violations.api.serializers import ForwardingListQuerySerializer
from violations.models import PUBLIC_STATUSES, Recommendation, Report
from violations.permissions import is_bkn_account
from violations.selectors import recommendation_get_for_bkn, recommendation_list_for_bkn
from violations.services import recommendation_fingerprint, recommendation_submit


class IsBknAccount(BasePermission):
    message = _("Only BKN's account may use this endpoint.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_bkn_account(request.user)


class BknAPIView(BawasluAPIView):
    """A Bawaslu office's API view (token, no throttle, the requesting account) for BKN's account."""

    permission_classes = (IsBknAccount,)


_UNAUTHENTICATED = OpenApiResponse(ErrorDetailSerializer, description=_("No token or an invalid token."))
_FORBIDDEN = OpenApiResponse(ErrorDetailSerializer, description=_("The account is not BKN's."))


@extend_schema_view(
    get=extend_schema(
        tags=["bkn"],
        operation_id="bkn_recommendations_list",
        summary=_("BKN's own recommendations to the agency, newest first"),
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=list(PUBLIC_STATUSES),
                description=_("Only recommendations in this status."),
            )
        ],
        responses={
            200: RecommendationSerializer(many=True),
            400: OpenApiResponse(FieldErrorsSerializer, description=_("Unknown status.")),
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("The cursor is not one this list gave out.")),
        },
    ),
    post=extend_schema(
        tags=["bkn"],
        operation_id="bkn_recommendations_create",
        summary=_("Send a recommendation about a civil servant"),
        description=_(
            "Idempotent on BKN's letter number: the same content again answers 200 with the stored recommendation; "
            "other content under the same number is refused with 409 and changes nothing. The letter itself goes "
            "under `evidence` (multipart/form-data)."
        ),
        request={
            "application/json": RecommendationCreateJsonSerializer,
            "multipart/form-data": RecommendationCreateSerializer,
        },
        responses={
            201: OpenApiResponse(RecommendationSerializer, description=_("Recommendation recorded.")),
            200: OpenApiResponse(RecommendationSerializer, description=_("Identical repeat: the stored one.")),
            400: invalid_body_response(_("A field is invalid; nothing was stored.")),
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            409: OpenApiResponse(ErrorDetailSerializer, description=_("The letter number exists with other content.")),
        },
    ),
)
class RecommendationListCreateView(BknAPIView, generics.ListCreateAPIView):
    serializer_class = RecommendationSerializer
    pagination_class = ForwardingCursorPagination
    parser_classes = (JSONParser, MultiPartParser)
    filter_backends = ()

    def get_queryset(self) -> QuerySet[Recommendation]:
        if getattr(self, "swagger_fake_view", False):
            return Recommendation.objects.none()
        return ForwardingListQuerySerializer.filtered(
            recommendation_list_for_bkn(account=self.account()), self.request.query_params
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = RecommendationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account, letter, data = self.account(), serializer.letter(), serializer.report_input()
        document = serializer.validated_data["evidence"]
        if account.agency is None:  # IsBknAccount let only accounts of an agency through
            raise PermissionDenied(IsBknAccount.message)
        result = recommendation_submit(
            agency=account.agency,
            letter=letter,
            data=data,
            document=document,
            fingerprint=recommendation_fingerprint(letter=letter, data=data, document=document),
            source=Report.Source.API,
            submitted_by=account,
            sent_by=account,
        )
        return Response(
            RecommendationSerializer(result.recommendation).data,
            status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
        )


@extend_schema_view(
    get=extend_schema(
        tags=["bkn"],
        operation_id="bkn_recommendations_retrieve",
        summary=_("One of BKN's recommendations, with its timeline and outcome"),
        parameters=[
            OpenApiParameter(
                "letter_number",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=_("The letter number, percent-encoded (a slash is %2F)."),
            )
        ],
        responses={
            200: RecommendationDetailSerializer,
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("No such recommendation of BKN.")),
        },
    )
)
class RecommendationDetailView(BknAPIView, generics.RetrieveAPIView):
    serializer_class = RecommendationDetailSerializer
    queryset = Recommendation.objects.none()

    def get_object(self) -> Recommendation:
        letter_number: str = self.kwargs["letter_number"]
        recommendation = (
            recommendation_get_for_bkn(account=self.account(), letter_number=letter_number)
            if is_possible_reference(letter_number)
            else None
        )
        if recommendation is None:
            raise NotFound(_("No recommendation of BKN has this letter number."))
        return recommendation
