"""The API error shape of docs/api-contract.md, from core.api.errors.exception_handler for every kind of failure."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils import translation
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from core.api.errors import exception_handler, flatten_errors
from core.errors import ConflictError, DomainError, NotFound, PermissionDenied, TransitionNotAllowed


class ReporterSerializer(serializers.Serializer):
    name = serializers.CharField()


class ReportSerializer(serializers.Serializer):
    accused_name = serializers.CharField()
    links = serializers.ListField(child=serializers.URLField(), required=False)
    reporter = ReporterSerializer(required=False)


def raising_view(exc: Exception) -> Callable[..., Any]:
    class View(APIView):
        authentication_classes: list = []
        permission_classes = [AllowAny]

        def post(self, request):
            raise exc

    return View.as_view()


class ValidatingView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def post(self, request):
        serializer = ReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data)


def post(view, data=None):
    return view(APIRequestFactory().post("/", data or {}, format="json"))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# --- flatten_errors ------------------------------------------------------------------------------------


def test_flatten_keeps_plain_field_errors():
    assert flatten_errors({"accused_name": ["This field is required."]}) == {
        "accused_name": ["This field is required."]
    }


def test_flatten_keys_list_items_by_index_from_a_dict():
    detail = {"links": {0: ["Enter a valid URL."], 2: ["Enter a valid URL."]}}

    assert flatten_errors(detail) == {"links.0": ["Enter a valid URL."], "links.2": ["Enter a valid URL."]}


def test_flatten_keys_list_items_by_index_from_a_list_and_skips_valid_items():
    detail = {"links": [{}, ["Enter a valid URL."]], "evidence": [[], ["Empty file."]]}

    assert flatten_errors(detail) == {"links.1": ["Enter a valid URL."], "evidence.1": ["Empty file."]}


def test_flatten_joins_nested_serializer_fields_with_a_dot():
    detail = {"reporter": {"name": ["This field is required."]}, "items": [{"url": ["Bad."]}]}

    assert flatten_errors(detail) == {"reporter.name": ["This field is required."], "items.0.url": ["Bad."]}


def test_flatten_puts_bare_messages_under_non_field_errors():
    assert flatten_errors(["Give your name or report anonymously."]) == {
        "non_field_errors": ["Give your name or report anonymously."]
    }
    assert flatten_errors("Something is wrong.") == {"non_field_errors": ["Something is wrong."]}


# --- the exception handler -----------------------------------------------------------------------------


def test_validation_error_of_a_list_item_is_keyed_field_dot_index():
    response = post(ValidatingView.as_view(), {"accused_name": "Rahmat", "links": ["https://fb.com/x", "not a url"]})

    assert response.status_code == 400
    assert response.data == {"errors": {"links.1": ["Enter a valid URL."]}}


def test_validation_errors_of_several_fields_and_a_nested_serializer():
    response = post(ValidatingView.as_view(), {"links": ["nope"], "reporter": {}})

    assert response.status_code == 400
    assert response.data == {
        "errors": {
            "accused_name": ["This field is required."],
            "links.0": ["Enter a valid URL."],
            "reporter.name": ["This field is required."],
        }
    }


def test_domain_error_with_a_field_is_a_field_error():
    error = DomainError("reason_required", "Give the reason for the rejection.", field="reason")

    response = post(raising_view(error))

    assert response.status_code == 400
    assert response.data == {"errors": {"reason": ["Give the reason for the rejection."]}}


def test_domain_error_without_a_field_is_a_detail_with_its_code():
    response = post(raising_view(DomainError("no_agency", "No agency is configured.")))

    assert response.status_code == 400
    assert response.data == {"detail": "No agency is configured.", "code": "no_agency"}


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (ConflictError("forwarding_conflict", "Exists with other content."), 409),
        (TransitionNotAllowed("report_transition_not_allowed", "Not allowed."), 409),
        (NotFound("report_not_found", "Not found."), 404),
        (PermissionDenied("not_intake_officer", "Only intake officers."), 403),
    ],
    ids=["conflict", "transition", "not-found", "permission"],
)
def test_domain_error_subclasses_carry_their_http_status(error, status):
    response = post(raising_view(error))

    assert response.status_code == status
    assert response.data == {"detail": error.message, "code": error.code}


def test_http404_is_a_detail_not_found():
    response = post(raising_view(Http404("No Report matches the given query.")))

    assert response.status_code == 404
    assert response.data == {"detail": "Not found."}


def test_http404_detail_is_indonesian_by_default():
    with translation.override("id"):
        response = post(raising_view(Http404()))

    assert response.status_code == 404
    assert response.data == {"detail": "Data tidak ditemukan."}


def test_django_permission_denied_is_a_403_detail():
    response = post(raising_view(DjangoPermissionDenied()))

    assert response.status_code == 403
    assert response.data == {"detail": "You do not have permission to perform this action."}


def test_drf_not_authenticated_is_a_401_detail_without_code():
    response = post(raising_view(exceptions.NotAuthenticated()))

    assert response.status_code in (401, 403)
    assert response.data == {"detail": "Authentication credentials were not provided."}


def test_throttled_is_a_429_with_retry_after():
    response = post(raising_view(exceptions.Throttled(wait=42)))

    assert response.status_code == 429
    assert response["Retry-After"] == "42"
    assert list(response.data) == ["detail"]
    assert "42" in response.data["detail"]


def test_a_non_field_validation_error_is_under_non_field_errors():
    response = post(raising_view(exceptions.ValidationError("Give your name or report anonymously.")))

    assert response.status_code == 400
    assert response.data == {"errors": {"non_field_errors": ["Give your name or report anonymously."]}}


def test_unexpected_exceptions_are_left_to_django():
    assert exception_handler(RuntimeError("boom"), {}) is None
