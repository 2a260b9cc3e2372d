"""Citizens' endpoints (no account): the violation catalogue, filing a report, its status, additions.

No session authentication here, so apps and browsers post without CSRF tokens; every endpoint that takes a
report or a PIN is throttled per client address (core.api.throttling).
"""

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from core.api.errors import ErrorDetailSerializer, invalid_body_response
from core.api.throttling import AddressThrottledMixin, PinFailuresThrottle, PublicReportsThrottle
from violations.api.serializers import (
    ReportAdditionJsonSerializer,
    ReportAdditionSerializer,
    ReportCreateJsonSerializer,
    ReportCreateSerializer,
    ReportReceiptSerializer,
    ReportStatusSerializer,
    ViolationTypeSerializer,
)
from violations.models import Report
from violations.selectors import report_get_by_tracking_code, violation_types_in_force
from violations.services import report_add_information, report_submit

PIN_HEADER = "X-Access-Pin"
TRACKING_CODE_MAX_LENGTH = 20

_RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    OpenApiParameter.HEADER,
    response=[429],
    description=_("Seconds to wait before trying again."),
)
_ACCESS_PIN = OpenApiParameter(
    PIN_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description=_("The PIN given with the tracking code when the report was filed."),
)
_THROTTLED = OpenApiResponse(
    ErrorDetailSerializer,
    description=_("Too many requests from this address (see Retry-After)."),
)
_INVALID = invalid_body_response(_("A field is invalid; nothing was stored."))
_NOT_FOUND = OpenApiResponse(
    ErrorDetailSerializer,
    description=_("Wrong tracking code, wrong PIN or no PIN: the answer is the same."),
)


class PublicAPIView(AddressThrottledMixin, APIView):
    authentication_classes: Sequence[type[BaseAuthentication]] = ()
    permission_classes = (AllowAny,)
    throttle_classes: Sequence[type[BaseThrottle]] = ()


def _own_report(request: Request, tracking_code: str) -> Report:
    """The reporter's report by code and PIN; a failure of any kind counts against the address and is a 404."""
    pin = request.headers.get(PIN_HEADER, "").strip()
    # A code no report can have (control characters, overlong) is answered like any other unknown code.
    plausible = tracking_code.isprintable() and len(tracking_code) <= TRACKING_CODE_MAX_LENGTH
    report = report_get_by_tracking_code(tracking_code=tracking_code, pin=pin) if plausible else None
    if report is None:
        PinFailuresThrottle.record_failure(request)
        raise NotFound(_("No report matches this tracking code and PIN."))
    return report


def _status_response(report: Report, code: int = status.HTTP_200_OK) -> Response:
    return Response(ReportStatusSerializer(report).data, status=code)


class ViolationTypeListView(PublicAPIView):
    @extend_schema(
        tags=["public"],
        operation_id="public_violation_types_list",
        summary=_("Violation types a reporter can pick"),
        responses={200: ViolationTypeSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        return Response(ViolationTypeSerializer(violation_types_in_force(), many=True).data)


class ReportCreateView(PublicAPIView):
    parser_classes = (JSONParser, MultiPartParser)
    throttle_classes = (PublicReportsThrottle,)

    @extend_schema(
        tags=["public"],
        operation_id="public_reports_create",
        summary=_("File a report"),
        request={
            "application/json": ReportCreateJsonSerializer,
            "multipart/form-data": ReportCreateSerializer,
        },
        parameters=[_RETRY_AFTER],
        responses={201: ReportReceiptSerializer, 400: _INVALID, 429: _THROTTLED},
    )
    def post(self, request: Request) -> Response:
        serializer = ReportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        submitted = report_submit(
            data=serializer.report_input(),
            reporter=serializer.reporter_input(),
            evidence=serializer.validated_data["evidence"],
            source=Report.Source.API,
        )
        receipt: dict[str, Any] = {
            "tracking_code": submitted.report.tracking_code,
            "access_pin": submitted.access_pin,
            "status": submitted.report.public_status,
            "received_at": submitted.report.received_at,
        }
        return Response(ReportReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)


class ReportStatusView(PublicAPIView):
    throttle_classes = (PinFailuresThrottle,)

    @extend_schema(
        tags=["public"],
        operation_id="public_reports_retrieve",
        summary=_("A report's status, for its reporter"),
        parameters=[_ACCESS_PIN, _RETRY_AFTER],
        responses={200: ReportStatusSerializer, 404: _NOT_FOUND, 429: _THROTTLED},
    )
    def get(self, request: Request, tracking_code: str) -> Response:
        return _status_response(_own_report(request, tracking_code))


class ReportAdditionCreateView(PublicAPIView):
    parser_classes = (JSONParser, MultiPartParser)
    # A blocked address is refused before it is counted against the report allowance.
    throttle_classes = (PinFailuresThrottle, PublicReportsThrottle)

    @extend_schema(
        tags=["public"],
        operation_id="public_reports_additions_create",
        summary=_("Add information or evidence to one's own report"),
        request={
            "application/json": ReportAdditionJsonSerializer,
            "multipart/form-data": ReportAdditionSerializer,
        },
        parameters=[_ACCESS_PIN, _RETRY_AFTER],
        responses={
            201: ReportStatusSerializer,
            400: _INVALID,
            404: _NOT_FOUND,
            409: OpenApiResponse(ErrorDetailSerializer, description=_("The report is closed or rejected.")),
            429: _THROTTLED,
        },
    )
    def post(self, request: Request, tracking_code: str) -> Response:
        report = _own_report(request, tracking_code)
        serializer = ReportAdditionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report_add_information(
            report=report,
            description=serializer.validated_data["description"],
            links=serializer.validated_data["links"],
            evidence=serializer.validated_data["evidence"],
        )
        report.refresh_from_db(fields=["status"])
        return _status_response(report, status.HTTP_201_CREATED)
