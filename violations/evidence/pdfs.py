"""PDFs are parsed with pypdf and refused when they could run something in the reader's viewer.

A PDF with JavaScript was accepted on its magic bytes. Every object (from the trailer, the pages and the
cross-reference table) is read: a PDF cut short (no closing %%EOF) or one pypdf cannot parse is refused; and the
file is refused when any dictionary names JavaScript, a launch action, an embedded file, an XFA form or an
automatic action (/AA, or an /OpenAction that is an action rather than a page destination).
"""

from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Keys and names whose presence anywhere in the document refuses it.
ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/AA"})
_MAX_OBJECTS = 200_000
# A complete PDF ends with %%EOF (a few bytes of whitespace or a stray newline may follow); a truncated one does not.
_TAIL_BYTES = 1024


def _walk(roots: list[Any]) -> Any:
    """Yield every dictionary and name reachable from roots, each indirect object once."""
    seen: set[tuple[int, int]] = set()
    pending = list(roots)
    while pending:
        if len(seen) > _MAX_OBJECTS:
            raise ValueError("too many objects")
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, NameObject):
            yield item


def _is_active(item: Any) -> bool:
    if isinstance(item, NameObject):
        return str(item) in ACTIVE_KEYS
    if any(str(key) in ACTIVE_KEYS for key in item):
        return True
    # An /OpenAction that is an action dictionary (not a page destination array) runs on opening.
    open_action = item.get("/OpenAction")
    return open_action is not None and isinstance(open_action.get_object(), DictionaryObject)


def _every_object(reader: PdfReader) -> list[IndirectObject]:
    """Every object in the cross-reference table, even one nothing points to (a script can hide there)."""
    numbers = [(idnum, generation) for generation, table in reader.xref.items() for idnum in table]
    numbers += [(idnum, 0) for idnum in reader.xref_objStm]
    if len(numbers) > _MAX_OBJECTS:
        raise ValueError("too many objects")
    return [IndirectObject(idnum, generation, reader) for idnum, generation in numbers]


def _check_complete(upload: IO[bytes]) -> None:
    upload.seek(0, 2)
    upload.seek(max(0, upload.tell() - _TAIL_BYTES))
    if b"%%EOF" not in upload.read():
        raise ValueError("no %%EOF at the end")
    upload.seek(0)


def check_pdf(upload: IO[bytes]) -> None:
    """Refuse a PDF that pypdf cannot read in full, or that carries active content."""
    try:
        _check_complete(upload)
        reader = PdfReader(upload, strict=False)
        roots = [reader.trailer, *reader.pages, *_every_object(reader)]
        active = any(_is_active(item) for item in _walk(roots))
    except Exception:
        raise ValidationError(_("The PDF file is damaged or incomplete."), code="pdf_invalid") from None
    finally:
        upload.seek(0)
    if active:
        raise ValidationError(
            _("The PDF contains scripts, automatic actions or embedded files; send a plain PDF (print it to PDF)."),
            code="pdf_active",
        )
