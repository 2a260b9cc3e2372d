"""Helpers for tests across apps (no fixtures here; those are in conftest.py files)."""

import io
from pathlib import Path

from PIL import Image


def stored_files(root: Path) -> list[Path]:
    """Every file under a storage root, to assert exactly what an action left behind."""
    return sorted(path for path in root.rglob("*") if path.is_file())


def png_bytes(width: int = 32, height: int = 24, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 32, height: int = 24) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes(catalog_extra: bytes = b"", extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A minimal valid one-page PDF with a correct cross-reference table.

    `catalog_extra` is added inside the catalog dictionary and `extra_objects` become objects 4, 5, …, e.g. to
    build a PDF with JavaScript: pdf_bytes(b"/OpenAction 4 0 R", (b"<</S/JavaScript/JS(app.alert(1))>>",)).
    """
    bodies = [
        b"<</Type/Catalog/Pages 2 0 R" + catalog_extra + b">>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
        *extra_objects,
    ]
    content = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(content))
        content += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(content)
    content += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    content += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    content += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return content


def mp4_box(kind: bytes, payload: bytes) -> bytes:
    """One ISO base media box: 32-bit size, four-letter type, payload."""
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def mp4_bytes() -> bytes:
    """The box structure of an MP4 file: ftyp first, then moov and mdat, sizes adding up to the length."""
    return (
        mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom")
        + mp4_box(b"moov", mp4_box(b"mvhd", b"\x00" * 100))
        + mp4_box(b"mdat", b"\x00" * 64)
    )
