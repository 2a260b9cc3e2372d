"""Images are decoded in full and re-encoded: what is stored is only pixels, never the bytes as received.

A JPEG+HTML polyglot and a truncated JPEG were accepted when the image was only verified. Decoding every pixel
refuses truncated files (Pillow raises on missing data) and decompression bombs (NETRA_EVIDENCE_MAX_IMAGE_PIXELS);
re-encoding drops anything appended after the image data and all metadata (EXIF with GPS, XMP, ICC aside,
comments). The EXIF orientation is applied to the pixels first, so the picture still looks as it was taken.
"""

import io
import threading
import warnings
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps

# Pillow's format name for each content type re-encoded; HEIC is not decodable here and is checked as a container.
PILLOW_FORMATS: dict[str, str] = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/gif": "GIF",
}
ANIMATED_TYPES = frozenset({"image/png", "image/gif", "image/webp"})
_JPEG_QUALITY = 95
# Pillow's limits are module globals, and WeasyPrint sets LOAD_TRUNCATED_IMAGES = True when imported: evidence is
# decoded with its own values under this lock, and the previous ones are put back.
_PILLOW_GLOBALS = threading.Lock()


def _decoded(upload: IO[bytes], content_type: str) -> list[Image.Image]:
    """Every frame, fully decoded, orientation applied; raises ValidationError for bombs and damaged files."""
    upload.seek(0)
    with _PILLOW_GLOBALS, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS = settings.NETRA_EVIDENCE_MAX_IMAGE_PIXELS
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            with Image.open(upload, formats=[PILLOW_FORMATS[content_type]]) as image:
                return _frames(image, content_type)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(_("The image has too many pixels."), code="image_too_large") from None
        except Exception:
            raise ValidationError(_("The image file is damaged or not a real image."), code="image_invalid") from None
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = previous
            upload.seek(0)


def _frames(image: Image.Image, content_type: str) -> list[Image.Image]:
    """Decode each frame (only the first of a JPEG: an MPO's second picture is a preview), all frames together
    within the pixel limit so that a thousand-frame GIF is a bomb too."""
    count = getattr(image, "n_frames", 1) if content_type in ANIMATED_TYPES else 1
    if image.width * image.height * count > settings.NETRA_EVIDENCE_MAX_IMAGE_PIXELS:
        raise Image.DecompressionBombError("frames pass the pixel limit")
    frames = []
    for index in range(count):
        image.seek(index)
        image.load()
        frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
        frames.append(frame if frame is not image else image.copy())
    return frames


def _clean_copy(frame: Image.Image, content_type: str) -> Image.Image:
    """The pixels only: a new image carries no info (EXIF, XMP, comments) from the decoded one."""
    mode = frame.mode
    if content_type == "image/jpeg" and mode not in ("L", "RGB", "CMYK"):
        mode = "RGB"
    converted = frame.convert(mode) if mode != frame.mode else frame
    clean = Image.new(converted.mode, converted.size)
    clean.paste(converted)
    if converted.mode == "P" and (palette := converted.getpalette()) is not None:
        clean.putpalette(palette)
    if "transparency" in converted.info and content_type in ("image/png", "image/gif"):
        clean.info["transparency"] = converted.info["transparency"]
    return clean


def reencoded_image(upload: IO[bytes], content_type: str) -> bytes:
    """The image decoded and written again in its own format, without metadata or trailing bytes."""
    decoded = _decoded(upload, content_type)
    frames = [_clean_copy(frame, content_type) for frame in decoded]
    options: dict[str, object] = {"format": PILLOW_FORMATS[content_type]}
    if content_type == "image/jpeg":
        options.update(quality=_JPEG_QUALITY, subsampling=0)
    elif content_type == "image/webp":
        options.update(lossless=True)
    if len(frames) > 1:
        durations = [frame.info.get("duration", 100) for frame in decoded]
        options.update(save_all=True, append_images=frames[1:], duration=durations, loop=decoded[0].info.get("loop", 0))
    buffer = io.BytesIO()
    try:
        frames[0].save(buffer, **options)  # type: ignore[arg-type]
    except (OSError, ValueError):
        raise ValidationError(_("The image file is damaged or not a real image."), code="image_invalid") from None
    return buffer.getvalue()
