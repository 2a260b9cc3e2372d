from django.conf import settings
from django.http import HttpRequest


def netra(request: HttpRequest) -> dict[str, object]:
    return {"NETRA_SITE_URL": settings.NETRA_SITE_URL}
