"""Evidence intake: type sniffed from content, size limits per kind, SHA-256 taken before anything is stored.

Validation happens before any row or file is written, so a refused upload leaves nothing behind. Beyond the type,
each kind is checked by its structure: images are decoded and re-encoded (images.py), PDFs parsed and refused with
active content (pdfs.py), videos and HEIC checked box by box (containers.py). The recorded `sha256` is always the
hash of the file as received, so the sender can match it to their copy; for an image the stored file is the
re-encoded one, whose hash is `stored_sha256` and whose length is `size`.
"""

import hashlib
import io
from dataclasses import dataclass
from typing import IO

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from violations.evidence.containers import check_container
from violations.evidence.images import PILLOW_FORMATS, reencoded_image
from violations.evidence.pdfs import check_pdf

# Allowed content types (as libmagic reports them) and the kind each belongs to.
ALLOWED_TYPES: dict[str, str] = {
    "image/jpeg": "image",
    "image/png": "image",
    "image/webp": "image",
    "image/gif": "image",
    "image/heic": "image",
    "application/pdf": "pdf",
    "video/mp4": "video",
    "video/quicktime": "video",
    "video/webm": "video",
    "video/3gpp": "video",
    "video/x-matroska": "video",
}
EXTENSIONS: dict[str, str] = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/heic": ".heic",
    "application/pdf": ".pdf",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "video/3gpp": ".3gp",
    "video/x-matroska": ".mkv",
}
_SNIFF_BYTES = 8192


def max_bytes_for(kind: str) -> int:
    limits = {
        "image": settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES,
        "pdf": settings.NETRA_EVIDENCE_MAX_PDF_BYTES,
        "video": settings.NETRA_EVIDENCE_MAX_VIDEO_BYTES,
    }
    return int(limits[kind])


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def limits_description() -> str:
    """The published limits, for the API schema and the report form."""
    return str(
        gettext_lazy(
            "Evidence files: images (JPEG, PNG, WebP, GIF, HEIC) up to {image}, PDF up to {pdf}, "
            "video (MP4, MOV, WebM, 3GP, MKV) up to {video}; at most {count} files per request. "
            "The type is read from the file's content, not its name; SVG, HTML, archives and "
            "programs are refused."
        )
    ).format(
        image=_megabytes(settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES),
        pdf=_megabytes(settings.NETRA_EVIDENCE_MAX_PDF_BYTES),
        video=_megabytes(settings.NETRA_EVIDENCE_MAX_VIDEO_BYTES),
        count=settings.NETRA_EVIDENCE_MAX_FILES,
    )


@dataclass(frozen=True)
class ValidatedEvidence:
    """An upload that passed every check, ready to be stored by a service."""

    file: IO[bytes]
    original_name: str
    content_type: str
    kind: str
    size: int
    sha256: str  # of the file as received
    stored_sha256: str = ""  # of `file` when it differs from what was received (a re-encoded image)


def _sniff(upload: IO[bytes]) -> str:
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    return str(magic.from_buffer(head, mime=True))


def _hash_and_size(upload: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    upload.seek(0)
    while chunk := upload.read(1024 * 1024):
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return digest.hexdigest(), size


def _checked_content(upload: IO[bytes], content_type: str, size: int) -> IO[bytes]:
    """Check the upload by its structure; return what is to be stored (a re-encoded image, else the upload)."""
    if content_type in PILLOW_FORMATS:
        return io.BytesIO(reencoded_image(upload, content_type))
    if content_type == "application/pdf":
        check_pdf(upload)
    else:
        check_container(upload, content_type, size)
    return upload


def validate_evidence_file(upload: IO[bytes], original_name: str) -> ValidatedEvidence:
    """Check one upload by its content. Raises ValidationError with a message for the person uploading."""
    content_type = _sniff(upload)
    kind = ALLOWED_TYPES.get(content_type)
    if kind is None:
        raise ValidationError(
            _("File type not accepted (%(type)s). Send an image, a PDF or a video.") % {"type": content_type},
            code="evidence_type",
        )
    sha256, size = _hash_and_size(upload)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="evidence_empty")
    if size > max_bytes_for(kind):
        raise ValidationError(
            _("The file is too large: %(size)s, the limit for this type is %(limit)s.")
            % {"size": _megabytes(size), "limit": _megabytes(max_bytes_for(kind))},
            code="evidence_size",
        )
    stored = _checked_content(upload, content_type, size)
    stored_sha256, stored_size = _hash_and_size(stored) if stored is not upload else ("", size)
    return ValidatedEvidence(
        file=stored,
        original_name=_clean_name(original_name) or f"evidence{EXTENSIONS[content_type]}",
        content_type=content_type,
        kind=kind,
        size=stored_size,
        sha256=sha256,
        stored_sha256=stored_sha256,
    )


def _clean_name(name: str) -> str:
    """Keep the uploaded name only as metadata: no path parts, no control characters, bounded length."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    return name.strip()[:200]


def validate_evidence_files(uploads: list[tuple[IO[bytes], str]], field: str = "evidence") -> list[ValidatedEvidence]:
    """Validate every upload; collect all errors keyed `evidence.N` so the reporter sees them together."""
    if len(uploads) > settings.NETRA_EVIDENCE_MAX_FILES:
        raise ValidationError(
            {field: [_("At most %(count)d files per request.") % {"count": settings.NETRA_EVIDENCE_MAX_FILES}]}
        )
    validated: list[ValidatedEvidence] = []
    errors: dict[str, list[str]] = {}
    for index, (upload, name) in enumerate(uploads):
        try:
            validated.append(validate_evidence_file(upload, name))
        except ValidationError as error:
            errors[f"{field}.{index}"] = [str(message) for message in error.messages]
    if errors:
        raise ValidationError(errors)
    return validated
