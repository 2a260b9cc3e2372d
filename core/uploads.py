"""Request bodies refused as soon as they pass the limit: nothing is read, and nothing is written, past it.

Django writes an uploaded file to a temporary file as it arrives and the view sees its size only when the whole
body is in; a 2 GB body was written to disk in full before the "too large" answer. `BoundedUploadHandler` runs first:
a body whose declared length passes NETRA_MAX_REQUEST_BYTES is refused before a byte is read, and one that streams
past the limit (or a file past NETRA_MAX_UPLOAD_FILE_BYTES) stops at the chunk that crosses it. The refusal is
Django's RequestDataTooBig, a 400 in the API's shape on API paths (core.views.pages.bad_request). The reverse
proxy in front should refuse such bodies even earlier (docs/operations.md: client_max_body_size).
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class BoundedUploadHandler(FileUploadHandler):
    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.body_bytes = 0
        self.file_bytes = 0

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        if content_length and content_length > settings.NETRA_MAX_REQUEST_BYTES:
            raise RequestDataTooBig("The request body passes NETRA_MAX_REQUEST_BYTES.")

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.file_bytes = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.body_bytes += len(raw_data)
        self.file_bytes += len(raw_data)
        if self.file_bytes > settings.NETRA_MAX_UPLOAD_FILE_BYTES:
            raise RequestDataTooBig("An uploaded file passes NETRA_MAX_UPLOAD_FILE_BYTES.")
        if self.body_bytes > settings.NETRA_MAX_REQUEST_BYTES:
            raise RequestDataTooBig("The request body passes NETRA_MAX_REQUEST_BYTES.")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file
