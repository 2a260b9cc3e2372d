"""Evidence is judged by its content: spoofed, oversized, pixel-bomb and surplus files are refused, nothing stored."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.tests.factories import AgencyFactory
from core.testing import jpeg_bytes, mp4_bytes, pdf_bytes, png_bytes
from violations.evidence import limits_description, validate_evidence_files
from violations.tests.api.support import REPORTS, report_payload, snapshot_writes

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def nothing_written(private_storage):
    return lambda: snapshot_writes(private_storage)


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto.jpg", jpeg_bytes())
    return buffer.getvalue()


SPOOFED = {
    "png_header_then_html": ("bukti.png", b"\x89PNG\r\n\x1a\n" + HTML),
    "html_named_jpg": ("foto.jpg", HTML),
    "svg": (
        "gambar.svg",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    "zip": ("bukti.zip", _zip()),
    "zip_named_png": ("bukti.png", _zip()),
    "elf_executable": ("foto.jpg", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200),
}


def upload(name: str, content: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    # The declared content type is what a client claims; Netra must not believe it.
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize("sample", sorted(SPOOFED))
def test_spoofed_file_is_refused_with_400_and_nothing_stored(api_client, agency, nothing_written, sample):
    name, content = SPOOFED[sample]
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS, report_payload(evidence=[upload(name, content)]), format="multipart", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["evidence.0"]
    assert errors["evidence.0"][0].startswith(("File type not accepted", "The image file is damaged"))
    unchanged()


def test_a_bad_file_after_a_good_one_is_keyed_by_its_position_and_the_good_one_is_not_stored(
    api_client, agency, nothing_written
):
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS,
        report_payload(evidence=[upload("ok.png", png_bytes()), upload("x.jpg", HTML)]),
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json() == {
        "errors": {"evidence.1": ["File type not accepted (text/html). Send an image, a PDF or a video."]}
    }
    unchanged()


def test_oversized_file_is_refused(api_client, agency, nothing_written, settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES = 20
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS,
        report_payload(evidence=[upload("besar.png", png_bytes())]),
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json()["errors"]["evidence.0"][0].startswith("The file is too large")
    unchanged()


def test_pixel_bomb_image_is_refused(api_client, agency, nothing_written, settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_PIXELS = 100
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS,
        report_payload(evidence=[upload("bom.png", png_bytes(64, 64))]),
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json() == {"errors": {"evidence.0": ["The image has too many pixels."]}}
    unchanged()


def test_too_many_files_are_refused(api_client, agency, nothing_written, settings):
    settings.NETRA_EVIDENCE_MAX_FILES = 2
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS,
        report_payload(evidence=[upload(f"{n}.png", png_bytes()) for n in range(3)]),
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json() == {"errors": {"evidence": ["At most 2 files per request."]}}
    unchanged()


def test_empty_file_is_refused(api_client, agency, nothing_written):
    unchanged = nothing_written()

    response = api_client.post(
        REPORTS, report_payload(evidence=[upload("kosong.png", b"")]), format="multipart", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["evidence.0"]
    unchanged()


def test_a_string_in_place_of_a_file_in_json_is_refused(api_client, agency, nothing_written):
    unchanged = nothing_written()

    response = api_client.post(REPORTS, report_payload(evidence=["iVBORw0KGgo="]), format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["evidence.0"]
    unchanged()


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("a.png", png_bytes(), "image", "image/png"),
        ("a.jpeg", jpeg_bytes(), "image", "image/jpeg"),
        ("a.pdf", pdf_bytes(), "pdf", "application/pdf"),
        ("a.mp4", mp4_bytes(), "video", "video/mp4"),
        ("renamed.txt", png_bytes(), "image", "image/png"),
    ],
)
def test_genuine_files_are_accepted_by_content_whatever_their_name(name, content, kind, content_type):
    [validated] = validate_evidence_files([(io.BytesIO(content), name)])

    stored = validated.file.read()
    assert (validated.kind, validated.content_type, validated.size) == (kind, content_type, len(stored))
    assert validated.sha256 == hashlib.sha256(content).hexdigest()


def test_limits_are_published_with_the_configured_values(settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES = 5 * 1024 * 1024
    settings.NETRA_EVIDENCE_MAX_FILES = 4

    with pytest.raises(ValidationError):
        validate_evidence_files([(io.BytesIO(png_bytes()), "a.png")] * 5)
    assert "5 MB" in limits_description() and " 4 " in limits_description()
