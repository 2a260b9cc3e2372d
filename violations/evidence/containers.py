"""Video and HEIC files are checked by their container structure, not only by their first bytes.

HTML behind a video or HEIC header was accepted on its magic bytes. An ISO base media file (MP4, MOV, 3GP, HEIC)
is a sequence of boxes whose sizes must add up exactly to the file's length, starting with `ftyp` (QuickTime also
allows its older leading atoms) and holding the box a player needs (`moov` for video, `meta` for HEIC); a Matroska
or WebM file is an EBML header followed by a Segment, its elements' sizes again adding up to the length. A file cut
short, or with anything appended, does not add up and is refused.
"""

from collections.abc import Iterator
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ISO_BOX_TYPES = frozenset({"video/mp4", "video/quicktime", "video/3gpp", "image/heic"})
EBML_TYPES = frozenset({"video/webm", "video/x-matroska"})
_QUICKTIME_LEADING = frozenset({b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"})
_REQUIRED_BOX = {"image/heic": b"meta"}
_EBML_HEADER = 0x1A45DFA3
_EBML_SEGMENT = 0x18538067
_MAX_TOP_LEVEL = 10_000


class _Malformed(Exception):
    pass


def _iso_boxes(upload: IO[bytes], length: int) -> Iterator[bytes]:
    """Yield the type of every top-level box; raise _Malformed when sizes do not add up to length."""
    offset = 0
    while offset < length:
        upload.seek(offset)
        header = upload.read(16)
        if len(header) < 8:
            raise _Malformed("short box header")
        size, kind = int.from_bytes(header[:4], "big"), header[4:8]
        header_size = 8
        if size == 1:
            if len(header) < 16:
                raise _Malformed("short large size")
            size, header_size = int.from_bytes(header[8:16], "big"), 16
        elif size == 0:
            size = length - offset  # the last box runs to the end of the file
        if not all(0x20 <= byte < 0x7F for byte in kind) or size < header_size or offset + size > length:
            raise _Malformed("bad box")
        yield kind
        offset += size


def _check_iso(upload: IO[bytes], content_type: str, length: int) -> None:
    kinds = []
    for kind in _iso_boxes(upload, length):
        kinds.append(kind)
        if len(kinds) > _MAX_TOP_LEVEL:
            raise _Malformed("too many boxes")
    leading = _QUICKTIME_LEADING if content_type == "video/quicktime" else {b"ftyp"}
    if not kinds or kinds[0] not in leading or _REQUIRED_BOX.get(content_type, b"moov") not in kinds:
        raise _Malformed("missing box")


def _vint(upload: IO[bytes], keep_marker: bool) -> tuple[int, int, bool]:
    """One EBML variable-length integer: (value, length in bytes, all value bits set i.e. unknown size)."""
    first = upload.read(1)
    if not first or first[0] == 0:
        raise _Malformed("bad vint")
    width = 8 - first[0].bit_length() + 1
    if width > 8:
        raise _Malformed("bad vint")
    rest = upload.read(width - 1)
    if len(rest) != width - 1:
        raise _Malformed("short vint")
    raw = int.from_bytes(first + rest, "big")
    value = raw if keep_marker else raw & ((1 << (7 * width)) - 1)
    return value, width, (raw & ((1 << (7 * width)) - 1)) == (1 << (7 * width)) - 1


def _check_ebml(upload: IO[bytes], length: int) -> None:
    offset, ids = 0, list[int]()
    while offset < length:
        upload.seek(offset)
        element, id_width, _unused = _vint(upload, keep_marker=True)
        size, size_width, unknown = _vint(upload, keep_marker=False)
        start = offset + id_width + size_width
        if unknown and element == _EBML_SEGMENT:
            size = length - start  # a live-recorded Segment may leave its size open; it then runs to the end
        if start + size > length or len(ids) > _MAX_TOP_LEVEL:
            raise _Malformed("bad element")
        ids.append(element)
        offset = start + size
    if ids[:2] != [_EBML_HEADER, _EBML_SEGMENT]:
        raise _Malformed("missing element")


def check_container(upload: IO[bytes], content_type: str, length: int) -> None:
    """Refuse a video or HEIC file whose container structure is broken, cut short or has bytes appended."""
    try:
        if content_type in ISO_BOX_TYPES:
            _check_iso(upload, content_type, length)
        elif content_type in EBML_TYPES:
            _check_ebml(upload, length)
    except _Malformed:
        raise ValidationError(
            _("The file is damaged, incomplete or not a real video or photo of this type."), code="container_invalid"
        ) from None
    finally:
        upload.seek(0)
