"""Errors Django raises before a view runs still answer in the API's shape on API paths, and as pages elsewhere."""

import json

import pytest

from violations.models import Report

pytestmark = pytest.mark.django_db


def test_an_api_body_over_the_upload_limit_is_a_json_400_and_stores_nothing(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client.post(
        "/api/v1/public/reports/", json.dumps({"description": "x" * 20_000}), content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Permintaan terlalu besar atau tidak berbentuk dengan benar."}
    assert Report.objects.count() == 0


def test_an_api_body_over_the_limit_is_explained_in_english_on_request(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client.post(
        "/api/v1/public/reports/",
        json.dumps({"description": "x" * 20_000}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.json() == {"detail": "The request is too large or malformed."}


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/no-such-endpoint/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Data tidak ditemukan."}


def test_an_unknown_page_is_an_indonesian_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Halaman yang Anda minta tidak ada" in response.content.decode()
