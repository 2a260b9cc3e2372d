"""Form fields shared by the web forms that take a report: links, evidence files, NIP and incident date."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.nip import validate_nip
from core import clock
from violations.evidence import ValidatedEvidence, limits_description, validate_evidence_files
from violations.models import ViolationType
from violations.selectors import violation_types_in_force

MAX_LINKS = 20
MAX_URL_LENGTH = 2000
# What a phone's file picker should offer; the content is still sniffed on the server.
EVIDENCE_ACCEPT = "image/*,application/pdf,video/*"


class LinksField(forms.CharField):
    """Web addresses, one per line; each line is checked and an error names the line it is on."""

    widget = forms.Textarea(attrs={"rows": 3, "inputmode": "url", "autocomplete": "off"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", gettext_lazy("One web address per line, starting with https:// (e.g. the link to the post).")
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines()] if text else []

    def validate(self, value: Any) -> None:
        if self.required and not any(value):
            raise ValidationError(self.error_messages["required"], code="required")

    def clean(self, value: Any) -> list[str]:
        lines = self.to_python(value)
        self.validate(lines)
        is_url = URLValidator(schemes=["http", "https"])
        errors: list[ValidationError] = []
        urls: list[str] = []
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            try:
                if len(line) > MAX_URL_LENGTH:
                    raise ValidationError("too long")
                is_url(line)
            except ValidationError:
                errors.append(
                    ValidationError(
                        _(
                            "Line %(line)d: “%(value)s” is not a valid web address; it must start with http:// or https://."
                        )
                        % {"line": number, "value": line[:80]},
                        code="invalid_link",
                    )
                )
                continue
            if line not in urls:
                urls.append(line)
        if errors:
            raise ValidationError(errors)
        if len(urls) > MAX_LINKS:
            raise ValidationError(_("At most %(count)d links.") % {"count": MAX_LINKS}, code="too_many_links")
        return urls


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several evidence files, checked by content with violations.evidence; cleans to ValidatedEvidence items."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}))
        kwargs.setdefault("help_text", lazy(limits_description, str)())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[ValidatedEvidence]:  # type: ignore[override]
        uploads: Sequence[UploadedFile] = (
            [item for item in data if item] if isinstance(data, list | tuple) else ([data] if data else [])
        )
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        for upload in uploads:
            super().clean(upload, initial)  # Django's own checks: a real upload, a name, not empty
        try:
            return validate_evidence_files([(upload, upload.name or "") for upload in uploads])
        except ValidationError as error:
            raise ValidationError(_file_messages(error, uploads)) from None


def _file_messages(error: ValidationError, uploads: Sequence[UploadedFile]) -> list[str]:
    """Turn `evidence.N` keyed errors into messages that name the file they concern."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    messages: list[str] = []
    for key, problems in error.message_dict.items():
        index = key.rpartition(".")[2]
        name = uploads[int(index)].name if index.isdigit() and int(index) < len(uploads) else ""
        messages.extend(f"{name}: {problem}" if name else problem for problem in problems)
    return messages


class NipField(forms.CharField):
    """An optional NIP; spaces people type between its groups are removed before the structure is checked."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("validators", [validate_nip])
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return "".join(str(super().to_python(value)).split())


class PastDateField(forms.DateField):
    """A date that is today or earlier (in the server's zone)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value > clock.today():
            raise ValidationError(_("The date cannot be in the future."), code="future_date")


class ViolationTypeField(forms.ModelChoiceField):
    """The catalogue of violation types in force, labelled in the reader's language; submits the code."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", gettext_lazy("I don't know / not listed"))
        # The forms set the queryset per request (see refresh()), so the validity date is never stale.
        super().__init__(queryset=ViolationType.objects.none(), to_field_name="code", **kwargs)

    def refresh(self) -> None:
        self.queryset = violation_types_in_force()

    def label_from_instance(self, obj: ViolationType) -> str:  # type: ignore[override]
        return f"{obj.code} — {obj.localized_name(get_language() or settings.LANGUAGE_CODE)}"
