"""With the shared cache down or frozen, Netra degrades and never answers 500: deadlines read the database, the
public limits refuse cleanly (503, Retry-After) and count nothing uncounted, staff pages work, health says which
service is down."""

import datetime
import socket
import threading
from collections.abc import Iterator

import pytest
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from core import calendar
from core.deadline_catalogue import DeadlineCode
from violations.models import Report
from violations.tests.public_pages import CREATE_URL, report_data

pytestmark = pytest.mark.django_db


def _refusing_port() -> int:
    """A local port nothing listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def frozen_redis() -> Iterator[int]:
    """A server that accepts connections and never answers, like a Redis that froze."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def _cache_at(settings, port: int) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/1",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }


@pytest.fixture(params=["down", "frozen"])
def cache_unavailable(request, settings):
    port = _refusing_port() if request.param == "down" else request.getfixturevalue("frozen_redis")
    _cache_at(settings, port)
    return request.param


def test_a_deadline_is_computed_from_the_database(cache_unavailable):
    assert calendar.deadline_for(DeadlineCode.SUMMONS_NOTICE, datetime.date(2024, 10, 28)) == datetime.date(
        2024, 10, 17
    )


def test_the_public_api_refuses_a_report_it_cannot_count_with_503_and_stores_nothing(client, cache_unavailable):
    AgencyFactory()
    body = {
        "anonymous": True,
        "accused_name": "Drs. Rahmat Hidayat",
        "incident_date": "2024-10-07",
        "description": "Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
    }

    response = client.post("/api/v1/public/reports/", body, content_type="application/json")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert set(response.json()) == {"detail"}
    assert Report.objects.count() == 0


def test_the_public_form_refuses_a_report_it_cannot_count_with_a_503_page(client, cache_unavailable):
    AgencyFactory()

    response = client.post(CREATE_URL, report_data())

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Silakan coba lagi sebentar lagi" in response.content.decode()
    assert Report.objects.count() == 0


def test_a_status_look_up_it_cannot_count_is_refused_not_answered(client, cache_unavailable):
    response = client.get("/api/v1/public/reports/NTR-0000-0000/", HTTP_X_ACCESS_PIN="12345678")

    assert response.status_code == 503


def test_staff_pages_work_without_the_cache(client, cache_unavailable):
    client.force_login(IntakeOfficerFactory())

    response = client.get(reverse("triage:queue"))

    assert response.status_code == 200


def test_health_reports_the_cache_down_and_stays_ready(client, cache_unavailable):
    health = client.get("/healthz/")
    ready = client.get("/readyz/")

    assert (health.status_code, health.json()["status"], health.json()["cache"]) == (200, "degraded", "down")
    assert health.json()["database"] == "ok"
    assert (ready.status_code, ready.json()) == (200, {"ready": True})


def test_health_reports_every_service_ok_when_they_answer(client):
    response = client.get("/healthz/")

    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"},
    )
