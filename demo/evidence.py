"""The demo reports' evidence: small phone-screenshot-like PNGs, validated like any upload."""

import datetime
import io

from PIL import Image, ImageDraw, ImageFont

from core import clock
from demo.data.reports import DemoReport
from violations.evidence import validate_evidence_file
from violations.services import CapturedEvidence

_PLATFORM_COLOURS = {
    "Facebook": (24, 119, 242),
    "Instagram": (193, 53, 132),
    "TikTok": (20, 20, 20),
    "YouTube": (230, 33, 23),
    "WhatsApp": (37, 211, 102),
}


def screenshots(spec: DemoReport) -> list[CapturedEvidence]:
    """The spec's screenshots with their source URL and capture time (the afternoon of the incident)."""
    captured_at = clock.at(datetime.date.fromisoformat(spec.incident), 14)
    url = spec.links[0] if spec.links else ""
    items = []
    for number in range(1, spec.screenshots + 1):
        upload = io.BytesIO(_screenshot_png(spec, number, url))
        checked = validate_evidence_file(upload, f"tangkapan-layar-{number}.png")
        items.append(
            CapturedEvidence(
                file=checked.file,
                original_name=checked.original_name,
                content_type=checked.content_type,
                kind=checked.kind,
                size=checked.size,
                sha256=checked.sha256,
                source_url=url,
                captured_at=captured_at + datetime.timedelta(minutes=number),
            )
        )
    return items


def _screenshot_png(spec: DemoReport, number: int, url: str) -> bytes:
    width, height = 270, 480
    image = Image.new("RGB", (width, height), (245, 246, 248))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    colour = _PLATFORM_COLOURS.get(spec.platform, (90, 90, 110))
    draw.rectangle((0, 0, width, 44), fill=colour)
    draw.text((12, 14), (spec.platform or "Bukti").upper(), fill=(255, 255, 255), font=font)
    draw.ellipse((12, 58, 48, 94), fill=(180, 186, 196))
    draw.text((58, 62), f"Unggahan {number}", fill=(30, 30, 30), font=font)
    draw.text((58, 78), spec.incident, fill=(110, 110, 110), font=font)
    draw.rectangle((12, 108, width - 12, 300), fill=(colour[0] // 2 + 100, colour[1] // 2 + 100, colour[2] // 2 + 100))
    draw.text((24, 190), f"PASLON - {spec.violation}", fill=(255, 255, 255), font=font)
    for row in range(5):
        draw.rectangle((12, 316 + row * 18, width - 12 - (row * 37) % 90, 326 + row * 18), fill=(208, 212, 218))
    draw.text((12, 410), _ascii(url)[:42], fill=(60, 60, 60), font=font)
    draw.text((12, 426), _ascii(url)[42:84], fill=(60, 60, 60), font=font)
    draw.text((12, 448), f"Tangkapan layar {number} - Netra demo", fill=(60, 60, 60), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode()
