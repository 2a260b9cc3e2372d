"""Answers for what a request cannot do while a shared service is down: never a 500.

A view that must count something in the shared cache before acting (the public form's throttle, PIN look-ups,
letter verification) raises core.shared_cache.CacheUnavailable when the cache does not answer; this middleware turns
that into a 503 with Retry-After — the API's error shape on API paths, a page elsewhere. (The API's own views answer
through core.api.throttling before it gets here.)
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.shared_cache import CacheUnavailable
from core.throttling import UNAVAILABLE_RETRY_AFTER


class SharedServiceUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, CacheUnavailable):
            return None
        message = _("The service cannot take this request right now. Please try again in a minute.")
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page and download Netra answers, unless a view chose otherwise: staff
    pages, a reporter's status page and every evidence or letter file must never be kept by a browser or a proxy.
    (Static files are served by WhiteNoise before this, with their own long-lived headers.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response
