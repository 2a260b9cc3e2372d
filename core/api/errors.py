"""The API error shape (docs/api-contract.md, "General rules") and the one mapping of errors to HTTP.

A field validation failure is `400 {"errors": {"field": [...]}}` (an item of a list field keyed `field.N`); every
other error is `{"detail": "message"}`, a domain error also with its stable `code`.
"""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import DomainError


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested error detail into `{"field": [...], "links.0": [...]}` as the contract states."""
    flat: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(flatten_errors(value, name))
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            flat[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for index, item in enumerate(detail):
                if item in ({}, []):
                    continue
                name = f"{prefix}.{index}" if prefix else str(index)
                flat.update(flatten_errors(item, name))
    else:
        flat[prefix or "non_field_errors"] = [str(detail)]
    return flat


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        if exc.field:
            return Response({"errors": {exc.field: [str(exc.message)]}}, status=exc.http_status)
        return Response({"detail": str(exc.message), "code": exc.code}, status=exc.http_status)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"errors": flatten_errors(exc.detail)}
        response.status_code = status.HTTP_400_BAD_REQUEST
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"])}
    return response


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class FieldErrorsSerializer(serializers.Serializer):
    # The metaclass moves declared fields out of the class, so this does not shadow Serializer.errors at run time.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text=gettext_lazy("Messages per field; an item of a list field is keyed `field.N`, e.g. `links.0`."),
    )


def invalid_body_response(description: Any) -> OpenApiResponse:
    """The `400` of an operation that takes a body: field errors, or `{"detail"}` when the body is not parseable
    (malformed JSON, a broken multipart body), as the contract's general rules state."""
    return OpenApiResponse(
        PolymorphicProxySerializer(
            component_name="InvalidBody",
            serializers=[FieldErrorsSerializer, ErrorDetailSerializer],
            resource_type_field_name=None,
        ),
        description=description,
    )
