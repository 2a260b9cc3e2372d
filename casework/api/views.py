"""Public verification of issued letters: GET /api/v1/public/documents/{code}/ (docs/api-contract.md, "Anyone")."""

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from casework.api.serializers import LetterVerificationSerializer
from casework.letters import letter_verify
from core.api.errors import ErrorDetailSerializer
from core.api.throttling import AddressThrottledMixin, PinFailuresThrottle


class LetterVerificationView(AddressThrottledMixin, APIView):
    # Unknown codes count as failed look-ups (NETRA_THROTTLE_PIN_FAILURES per address), so codes cannot be guessed
    # by brute force; checking real letters costs nothing.
    authentication_classes: Sequence[type[BaseAuthentication]] = ()
    permission_classes = (AllowAny,)
    throttle_classes: Sequence[type[BaseThrottle]] = (PinFailuresThrottle,)

    @extend_schema(
        tags=["public"],
        operation_id="public_documents_verify",
        summary=_("Verify a letter issued by Netra"),
        responses={
            200: LetterVerificationSerializer,
            404: OpenApiResponse(ErrorDetailSerializer, description=_("No issued letter carries this code.")),
            429: OpenApiResponse(ErrorDetailSerializer, description=_("Too many failed look-ups from this address.")),
        },
    )
    def get(self, request: Request, code: str) -> Response:
        verification = letter_verify(code)
        if verification is None:
            PinFailuresThrottle.record_failure(request)
            raise NotFound(_("No letter issued by Netra carries this verification code."))
        return Response(LetterVerificationSerializer(verification).data)
