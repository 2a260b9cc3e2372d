"""Cursor pagination of the forwarding list: a tampered cursor is a documented 404 in the client's language."""

import pytest

pytestmark = pytest.mark.django_db

FORWARDINGS = "/api/v1/bawaslu/forwardings/"


def test_a_cursor_the_list_did_not_give_out_is_a_404_in_indonesian(office_client):
    response = office_client.get(FORWARDINGS, {"cursor": "not-a-cursor"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Kursor tidak valid"}


def test_a_tampered_cursor_is_explained_in_english_on_request(office_client):
    response = office_client.get(FORWARDINGS, {"cursor": "not-a-cursor"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json() == {"detail": "Invalid cursor"}


def test_the_schema_documents_the_404_of_the_forwarding_list(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    responses = schema["paths"]["/api/v1/bawaslu/forwardings/"]["get"]["responses"]

    assert sorted(responses) == ["200", "400", "401", "403", "404"]
