"""A body over the limit is refused as it arrives: nothing read past the limit, nothing written to disk."""

import io
import tempfile
from pathlib import Path

import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.tests.factories import AgencyFactory
from violations.models import Evidence, Report

pytestmark = pytest.mark.django_db


class CountingStream(io.RawIOBase):
    """A request body that says how much of it was read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        left = self.size - self.read_bytes
        count = min(len(buffer), left)
        buffer[:count] = b"x" * count
        self.read_bytes += count
        return count


def _temporary_files() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("*.upload*"))


def test_a_body_declared_over_the_limit_is_refused_before_it_is_read(settings):
    from django.core.handlers.wsgi import WSGIRequest

    settings.NETRA_MAX_REQUEST_BYTES = 1024
    stream = CountingStream(10 * 1024 * 1024)
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/v1/public/reports/",
            "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
            "CONTENT_LENGTH": str(stream.size),
            "wsgi.input": stream,
            "wsgi.url_scheme": "http",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
        }
    )

    with pytest.raises(RequestDataTooBig):
        request.FILES  # noqa: B018 - parsing the body is what is tested

    assert stream.read_bytes == 0


def test_a_file_over_the_limit_is_a_400_in_the_api_shape_and_leaves_nothing(client: Client, settings, private_storage):
    AgencyFactory()
    settings.NETRA_MAX_UPLOAD_FILE_BYTES = 64 * 1024
    before = _temporary_files()
    big = SimpleUploadedFile("video.mp4", b"\x00" * (256 * 1024), content_type="video/mp4")

    response = client.post(
        "/api/v1/public/reports/",
        {
            "anonymous": "true",
            "accused_name": "Drs. Rahmat Hidayat",
            "incident_date": "2024-10-07",
            "description": "Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
            "evidence": big,
        },
    )

    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert (Report.objects.count(), Evidence.objects.count()) == (0, 0)
    assert list(private_storage.rglob("*")) == []
    assert _temporary_files() == before


def test_a_body_over_the_limit_on_the_public_form_is_a_400_page_in_indonesian_and_leaves_nothing(
    client: Client, settings, private_storage
):
    from violations.tests.public_pages import CREATE_URL, report_data

    AgencyFactory()
    settings.NETRA_MAX_REQUEST_BYTES = 32 * 1024
    before = _temporary_files()
    big = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (64 * 1024), content_type="image/png")

    response = client.post(CREATE_URL, report_data(evidence=[big]), HTTP_ACCEPT_LANGUAGE="id")

    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in response.content.decode()
    assert (Report.objects.count(), Evidence.objects.count()) == (0, 0)
    assert list(private_storage.rglob("*")) == []
    assert _temporary_files() == before
