"""Evidence is checked by its structure: images re-encoded clean, active or cut-short PDFs and broken videos refused.

Each refusal is a 400 in the API's shape (and a message on the public form) with nothing stored; each acceptance
stores exactly the bytes promised and records the hash of the file as received.
"""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from rest_framework.test import APIClient

from accounts.tests.factories import AgencyFactory
from core.testing import jpeg_bytes, mp4_box, mp4_bytes, pdf_bytes, png_bytes, stored_files
from violations.evidence import validate_evidence_file
from violations.models import Evidence
from violations.tests.api.support import REPORTS, report_payload, snapshot_writes
from violations.tests.public_pages import CREATE_URL, report_data

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
DAMAGED_IMAGE = "The image file is damaged or not a real image."
ACTIVE_PDF = "The PDF contains scripts, automatic actions or embedded files; send a plain PDF (print it to PDF)."
DAMAGED_PDF = "The PDF file is damaged or incomplete."
DAMAGED_CONTAINER = "The file is damaged, incomplete or not a real video or photo of this type."


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _jpeg_with_gps_and_orientation() -> bytes:
    """A 40×20 JPEG, left half red, tagged 'rotate 90° clockwise to view' (orientation 6), with a GPS position."""
    image = Image.new("RGB", (40, 20), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "S", 2: (3.0, 47.0, 30.0), 3: "E", 4: (102.0, 15.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95, comment=b"Lebong, rumah Pak Rahmat")
    return buffer.getvalue()


def _pdf_with(catalog_extra: bytes, *objects: bytes) -> bytes:
    return pdf_bytes(catalog_extra, objects)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # the messages are asserted in the source language; the form test asks "id"
        yield


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def _post(api_client: APIClient, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return api_client.post(REPORTS, report_payload(evidence=[upload]), format="multipart", HTTP_ACCEPT_LANGUAGE="en")


# --- images ------------------------------------------------------------------------------------------


def test_a_png_with_html_appended_is_stored_without_it_and_recorded_with_the_received_hash(
    api_client, agency, private_storage
):
    original = png_bytes()
    received = original + HTML

    response = _post(api_client, "bukti.png", received)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    stored = evidence.file.read()
    assert HTML not in stored and stored.startswith(b"\x89PNG")
    assert stored.endswith(b"IEND\xaeB`\x82")
    assert (evidence.sha256, evidence.size) == (_sha256(received), len(stored))
    with Image.open(io.BytesIO(stored)) as image, Image.open(io.BytesIO(original)) as expected:
        assert image.tobytes() == expected.convert("RGB").tobytes()
    assert stored_files(private_storage) == [private_storage / evidence.file.name]


def test_a_jpeg_loses_its_gps_and_comment_and_keeps_its_orientation_in_the_pixels():
    received = _jpeg_with_gps_and_orientation()

    validated = validate_evidence_file(io.BytesIO(received), "foto.jpg")

    stored = validated.file.read()
    assert (validated.sha256, validated.stored_sha256, validated.size) == (
        _sha256(received),
        _sha256(stored),
        len(stored),
    )
    assert b"Exif" not in stored and b"Lebong" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif() and "comment" not in image.info
        assert image.size == (20, 40)  # turned upright
        top = image.getpixel((10, 5))
        assert top[0] > 200 and top[2] < 60  # the red half is on top once turned clockwise


def test_an_image_is_reencoded_the_same_way_each_time():
    first = validate_evidence_file(io.BytesIO(jpeg_bytes()), "a.jpg")
    second = validate_evidence_file(io.BytesIO(jpeg_bytes()), "b.jpg")

    assert first.stored_sha256 == second.stored_sha256 != ""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("potong.png", png_bytes(64, 64)[:-40]),
        ("potong.jpg", jpeg_bytes(64, 64)[: len(jpeg_bytes(64, 64)) // 2]),
        ("polyglot.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + HTML),
    ],
)
def test_a_truncated_or_fake_image_is_refused_and_nothing_stored(api_client, agency, private_storage, name, content):
    unchanged = snapshot_writes(private_storage)

    response = _post(api_client, name, content)

    assert response.status_code == 400
    [message] = response.json()["errors"]["evidence.0"]
    assert message == DAMAGED_IMAGE or message.startswith("File type not accepted")
    unchanged()


def test_a_truncated_png_is_refused_with_the_damaged_image_message():
    with pytest.raises(ValidationError) as refused:
        validate_evidence_file(io.BytesIO(png_bytes(64, 64)[:-40]), "potong.png")

    assert refused.value.messages == [DAMAGED_IMAGE]


def test_a_decompression_bomb_is_refused_before_decoding(settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_PIXELS = 1000

    with pytest.raises(ValidationError) as refused:
        validate_evidence_file(io.BytesIO(png_bytes(100, 100)), "bom.png")

    assert refused.value.messages == ["The image has too many pixels."]


def _gif(frames: int, size: int = 10) -> bytes:
    images = [Image.new("RGB", (size, size), (index * 80 % 256, 0, 0)) for index in range(frames)]
    buffer = io.BytesIO()
    images[0].save(
        buffer, format="GIF", save_all=True, append_images=images[1:], duration=[50, 60, 70][:frames], loop=0
    )
    return buffer.getvalue()


def test_an_animated_gif_keeps_its_frames_and_timing():
    validated = validate_evidence_file(io.BytesIO(_gif(3)), "animasi.gif")

    with Image.open(validated.file) as image:
        assert (image.n_frames, image.info["duration"], image.info["loop"]) == (3, 50, 0)


def test_frames_count_towards_the_pixel_limit(settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_PIXELS = 250  # one 10×10 frame passes, three do not

    validate_evidence_file(io.BytesIO(_gif(1)), "satu.gif")
    with pytest.raises(ValidationError) as refused:
        validate_evidence_file(io.BytesIO(_gif(3)), "animasi.gif")

    assert refused.value.messages == ["The image has too many pixels."]


# --- PDFs --------------------------------------------------------------------------------------------

JAVASCRIPT = b"<</S/JavaScript/JS(app.alert(1))>>"
ACTIVE_PDFS = {
    "open_action_javascript": _pdf_with(b"/OpenAction 4 0 R", JAVASCRIPT),
    "names_javascript": _pdf_with(b"/Names<</JavaScript 4 0 R>>", b"<</Names[(a) 5 0 R]>>", JAVASCRIPT),
    "launch": _pdf_with(b"/OpenAction<</S/Launch/F(cmd.exe)>>"),
    "embedded_files": _pdf_with(
        b"/Names<</EmbeddedFiles 4 0 R>>", b"<</Names[(a.exe) 5 0 R]>>", b"<</Type/Filespec/F(a.exe)/EF<<>>>>"
    ),
    "xfa_form": _pdf_with(b"/AcroForm<</Fields[]/XFA 4 0 R>>", b"<<>>"),
    "additional_actions": _pdf_with(b"/AA<</O 4 0 R>>", b"<</S/URI/URI(http://x.test/)>>"),
    "open_action_uri": _pdf_with(b"/OpenAction<</S/URI/URI(http://x.test/)>>"),
}


@pytest.mark.parametrize("sample", sorted(ACTIVE_PDFS))
def test_a_pdf_with_active_content_is_refused_and_nothing_stored(api_client, agency, private_storage, sample):
    unchanged = snapshot_writes(private_storage)

    response = _post(api_client, "surat.pdf", ACTIVE_PDFS[sample])

    assert response.status_code == 400
    assert response.json() == {"errors": {"evidence.0": [ACTIVE_PDF]}}
    unchanged()


@pytest.mark.parametrize(
    "content", [pdf_bytes()[:-30], pdf_bytes()[: len(pdf_bytes()) // 2], b"%PDF-1.4\n" + HTML + b"\n%%EOF\n"]
)
def test_a_truncated_or_unparseable_pdf_is_refused_and_nothing_stored(api_client, agency, private_storage, content):
    unchanged = snapshot_writes(private_storage)

    response = _post(api_client, "surat.pdf", content)

    assert response.status_code == 400
    assert response.json() == {"errors": {"evidence.0": [DAMAGED_PDF]}}
    unchanged()


def test_a_plain_pdf_opening_on_a_page_is_stored_byte_for_byte(api_client, agency, private_storage):
    received = _pdf_with(b"/OpenAction[3 0 R/Fit]")

    response = _post(api_client, "surat.pdf", received)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.file.read() == received
    assert (evidence.sha256, evidence.size) == (_sha256(received), len(received))


# --- videos and HEIC ---------------------------------------------------------------------------------

FTYP = mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom")
BROKEN_CONTAINERS = {
    "mp4_truncated": ("video.mp4", mp4_bytes()[:-10]),
    "mp4_html_appended": ("video.mp4", mp4_bytes() + HTML),
    "mp4_html_behind_ftyp": ("video.mp4", FTYP + HTML),
    "mp4_without_moov": ("video.mp4", FTYP + mp4_box(b"mdat", b"\x00" * 64)),
    "heic_html_behind_ftyp": ("foto.heic", mp4_box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic") + HTML),
    "webm_truncated": ("video.webm", bytes.fromhex("1a45dfa3 9f 4282 84 7765626d") + b"\x00" * 4),
}


@pytest.mark.parametrize("sample", sorted(BROKEN_CONTAINERS))
def test_a_broken_video_or_heic_container_is_refused_and_nothing_stored(api_client, agency, private_storage, sample):
    name, content = BROKEN_CONTAINERS[sample]
    unchanged = snapshot_writes(private_storage)

    response = _post(api_client, name, content)

    assert response.status_code == 400
    [message] = response.json()["errors"]["evidence.0"]
    assert message == DAMAGED_CONTAINER or message.startswith("File type not accepted")
    unchanged()


@pytest.mark.parametrize("sample", ["mp4_truncated", "mp4_html_appended", "mp4_html_behind_ftyp", "mp4_without_moov"])
def test_a_broken_mp4_is_refused_with_the_damaged_container_message(sample):
    name, content = BROKEN_CONTAINERS[sample]

    with pytest.raises(ValidationError) as refused:
        validate_evidence_file(io.BytesIO(content), name)

    assert refused.value.messages == [DAMAGED_CONTAINER]


def test_a_whole_mp4_is_stored_byte_for_byte(api_client, agency, private_storage):
    received = mp4_bytes()

    response = _post(api_client, "video.mp4", received)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert (evidence.file.read(), evidence.sha256, evidence.content_type) == (received, _sha256(received), "video/mp4")


# --- the public form ---------------------------------------------------------------------------------


def test_the_public_form_refuses_a_pdf_with_javascript_in_indonesian_and_stores_nothing(
    client, agency, private_storage
):
    unchanged = snapshot_writes(private_storage)
    upload = SimpleUploadedFile("surat.pdf", ACTIVE_PDFS["open_action_javascript"])

    response = client.post(CREATE_URL, report_data(evidence=[upload]), HTTP_ACCEPT_LANGUAGE="id")

    assert response.status_code == 200
    assert "surat.pdf: PDF berisi skrip, tindakan otomatis, atau berkas sisipan" in response.content.decode()
    unchanged()


def test_a_re_encoded_image_keeps_both_hashes_on_record(api_client, agency, private_storage):
    received = png_bytes() + b"<script>alert(1)</script>"
    response = _post(api_client, "layar.png", received)
    assert response.status_code == 201
    image = Evidence.objects.get()
    stored = image.file.read()

    assert (image.sha256, image.stored_sha256) == (_sha256(received), _sha256(stored))
    assert image.sha256 != image.stored_sha256


def test_a_file_stored_as_received_needs_no_second_hash(api_client, agency, private_storage):
    received = pdf_bytes()
    assert _post(api_client, "surat.pdf", received).status_code == 201
    document = Evidence.objects.get()

    assert (document.file.read(), document.sha256, document.stored_sha256) == (received, _sha256(received), "")
