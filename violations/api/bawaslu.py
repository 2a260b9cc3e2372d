"""Bawaslu offices' endpoints: forward a finding or report, list and follow one's own forwardings.

Token authentication only (`Authorization: Token <key>`, one account per office, see the bawaslu_office_create
command). An office never sees another office's forwardings: they are simply not found.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts.actors import Actor, is_account
from accounts.api_authentication import HashedTokenAuthentication
from accounts.models import BawasluOffice
from core.api.errors import ErrorDetailSerializer, FieldErrorsSerializer, invalid_body_response
from core.api.pagination import NewestFirstCursorPagination
from violations.api.serializers import (
    ForwardingCreateJsonSerializer,
    ForwardingCreateSerializer,
    ForwardingDetailSerializer,
    ForwardingListQuerySerializer,
    ForwardingSerializer,
)
from violations.models import PUBLIC_STATUSES, BawasluForwarding
from violations.permissions import is_bawaslu_office
from violations.selectors import forwarding_get_for_office, forwarding_list_for_office
from violations.services import forwarding_fingerprint, forwarding_submit

REFERENCE_NUMBER_MAX_LENGTH = 120


def is_possible_reference(number: str) -> bool:
    """Whether a path's number could be a stored one: a number none can have (control characters, overlong) is
    simply not found, without a query."""
    return number.isprintable() and len(number) <= REFERENCE_NUMBER_MAX_LENGTH


class IsBawasluOffice(BasePermission):
    message = _("Only a Bawaslu office's account may use this endpoint.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_bawaslu_office(request.user)


class ForwardingCursorPagination(NewestFirstCursorPagination):
    # A forwarding is created with its report, so its creation time is the report's reception time.
    ordering = ("-created_at", "-id")


_UNAUTHENTICATED = OpenApiResponse(ErrorDetailSerializer, description=_("No token or an invalid token."))
_FORBIDDEN = OpenApiResponse(ErrorDetailSerializer, description=_("The account is not a Bawaslu office's."))


class BawasluAPIView(APIView):
    authentication_classes: Sequence[type[BaseAuthentication]] = (HashedTokenAuthentication,)
    permission_classes: Sequence[type[BasePermission]] = (IsBawasluOffice,)
    throttle_classes: Sequence[type[BaseThrottle]] = ()

    def account(self) -> Actor:
        """The requesting office's account (IsBawasluOffice has let only such accounts through)."""
        user = self.request.user
        if not is_account(user):
            raise PermissionDenied(IsBawasluOffice.message)
        return user

    def office(self) -> BawasluOffice:
        """The requesting account's office (IsBawasluOffice has already required one)."""
        office = self.account().bawaslu_office
        if office is None:
            raise PermissionDenied(IsBawasluOffice.message)
        return office


@extend_schema_view(
    get=extend_schema(
        tags=["bawaslu"],
        operation_id="bawaslu_forwardings_list",
        summary=_("The office's own forwardings, newest first"),
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=list(PUBLIC_STATUSES),
                description=_("Only forwardings in this status."),
            )
        ],
        responses={
            200: ForwardingSerializer(many=True),
            400: OpenApiResponse(FieldErrorsSerializer, description=_("Unknown status.")),
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("The cursor is not one this list gave out.")),
        },
    ),
    post=extend_schema(
        tags=["bawaslu"],
        operation_id="bawaslu_forwardings_create",
        summary=_("Forward a finding or report about a civil servant"),
        description=_(
            "Idempotent on the office's reference number: the same content again answers 200 with the stored "
            "forwarding; other content under the same number is refused with 409 and changes nothing."
        ),
        request={
            "application/json": ForwardingCreateJsonSerializer,
            "multipart/form-data": ForwardingCreateSerializer,
        },
        responses={
            201: OpenApiResponse(ForwardingSerializer, description=_("Forwarding recorded.")),
            200: OpenApiResponse(ForwardingSerializer, description=_("Identical repeat: the stored forwarding.")),
            400: invalid_body_response(_("A field is invalid; nothing was stored.")),
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            409: OpenApiResponse(
                ErrorDetailSerializer, description=_("The reference number exists with other content.")
            ),
        },
    ),
)
class ForwardingListCreateView(BawasluAPIView, generics.ListCreateAPIView):
    serializer_class = ForwardingSerializer
    pagination_class = ForwardingCursorPagination
    parser_classes = (JSONParser, MultiPartParser)
    filter_backends = ()

    def get_queryset(self) -> QuerySet[BawasluForwarding]:
        if getattr(self, "swagger_fake_view", False):
            return BawasluForwarding.objects.none()
        return ForwardingListQuerySerializer.filtered(
            forwarding_list_for_office(office=self.office()), self.request.query_params
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ForwardingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = forwarding_submit(
            office=self.office(),
            reference_number=data["reference_number"],
            origin=data["origin"],
            data=serializer.report_input(),
            recommendation=data["recommendation"],
            letter_number=data["letter_number"],
            evidence=data["evidence"],
            fingerprint=forwarding_fingerprint(payload=serializer.fingerprint_payload(), evidence=data["evidence"]),
            submitted_by=self.account(),
        )
        return Response(
            ForwardingSerializer(result.forwarding).data,
            status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
        )


@extend_schema_view(
    get=extend_schema(
        tags=["bawaslu"],
        operation_id="bawaslu_forwardings_retrieve",
        summary=_("One of the office's forwardings, with its timeline and outcome"),
        parameters=[
            OpenApiParameter(
                "reference_number",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=_("The register number, percent-encoded (a slash is %2F)."),
            )
        ],
        responses={
            200: ForwardingDetailSerializer,
            401: _UNAUTHENTICATED,
            403: _FORBIDDEN,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("No such forwarding of this office.")),
        },
    )
)
class ForwardingDetailView(BawasluAPIView, generics.RetrieveAPIView):
    serializer_class = ForwardingDetailSerializer
    queryset = BawasluForwarding.objects.none()

    def get_object(self) -> BawasluForwarding:
        reference_number: str = self.kwargs["reference_number"]
        forwarding = (
            forwarding_get_for_office(office=self.office(), reference_number=reference_number)
            if is_possible_reference(reference_number)
            else None
        )
        if forwarding is None:
            raise NotFound(_("No forwarding of your office has this reference number."))
        return forwarding
