"""The pages every app shares: the home page, the health check, and the error pages in the API's shape on API paths."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.health import database_ok, service_states


def healthz(request: HttpRequest) -> JsonResponse:
    """Each service's state; 200 while the database answers (the cache or the broker down is "degraded": Netra
    goes on without them), 503 without the database."""
    states = service_states()
    if states["database"] != "ok":
        overall, code = "down", 503
    else:
        overall, code = ("ok" if all(state == "ok" for state in states.values()) else "degraded"), 200
    return JsonResponse({"status": overall, **states}, status=code)


def readyz(request: HttpRequest) -> JsonResponse:
    """For load balancers: ready while the database answers."""
    ready = database_ok()
    return JsonResponse({"ready": ready}, status=200 if ready else 503)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400 (e.g. a body over the upload limits): the API's error shape for API paths, a page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": _("The request is too large or malformed.")}, status=400)
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("You do not have permission to perform this action.")}, status=403)
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(
            {"detail": _("Something went wrong on our side; nothing was saved. Try again later.")}, status=500
        )
    return render(request, "500.html", status=500)
