"""No page or download of Netra is kept by a browser or a proxy: `Cache-Control: no-store` unless a view chose."""

import pytest
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory

pytestmark = pytest.mark.django_db


def test_a_staff_page_is_never_stored(client):
    AgencyFactory()
    client.force_login(IntakeOfficerFactory())

    response = client.get(reverse("triage:queue"))

    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("name", ["home", "public:report-status", "public:report-create"])
def test_a_public_page_is_never_stored(client, name):
    AgencyFactory()

    assert client.get(reverse(name))["Cache-Control"] == "no-store"


def test_a_view_that_sets_its_own_cache_control_keeps_it(rf):
    from django.http import HttpResponse

    from core.middleware import NoStoreMiddleware

    def view(request):
        response = HttpResponse("ok")
        response["Cache-Control"] = "public, max-age=300"
        return response

    response = NoStoreMiddleware(view)(rf.get("/"))

    assert response["Cache-Control"] == "public, max-age=300"
