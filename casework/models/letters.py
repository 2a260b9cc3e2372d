"""Official letters of a case, the registers that number them, and the kernel their status changes go through.

A letter's content is a JSON snapshot taken when it is requested (`Letter.context`): rendering reads nothing else,
so it is deterministic and may be retried. Only casework.letters writes these rows, through LETTER_LIFECYCLE.

Kinds are data, not a database enum: `LETTER_KINDS` says, per kind, its template, register, archive classification
code and whether it is confidential. A higher app (sanctions) adds its kinds with `register_letter_kind(...)` in its
AppConfig.ready(), without a migration, because `Letter.kind` is a plain CharField validated against the registry.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency
from casework.models.cases import Case
from core.errors import DomainError
from core.lifecycle import Lifecycle


@dataclass(frozen=True)
class LetterKind:
    """What the system knows about one kind of letter.

    `register`: letters of kinds sharing a register share one number sequence per agency and year (outgoing letters
    and minutes in `letter`, decisions (Keputusan) in `decision`). `classification`: the archive classification code
    that opens the number (800 = staffing matters); confirm the agency's own codes before go-live.
    """

    code: str
    label: str | Promise
    template: str
    register: str = "letter"
    classification: str = "800"
    confidential: bool = True


LETTER_KINDS: dict[str, LetterKind] = {}


def register_letter_kind(kind: LetterKind) -> LetterKind:
    """Add (or replace) a kind of letter; call at import or AppConfig.ready() time, not per request."""
    LETTER_KINDS[kind.code] = kind
    return kind


def letter_kind_get(code: str) -> LetterKind:
    """The registered kind, or DomainError `letter_kind_unknown` (on the field `kind`)."""
    info = LETTER_KINDS.get(code)
    if info is None:
        raise DomainError(
            "letter_kind_unknown", gettext("Unknown kind of letter: %(kind)s.") % {"kind": code}, field="kind"
        )
    return info


for _kind in (
    LetterKind("summons_1", pgettext_lazy("letter kind", "Summons I"), "letters/summons.html"),
    LetterKind("summons_2", pgettext_lazy("letter kind", "Summons II"), "letters/summons.html"),
    LetterKind(
        "examination_record",
        pgettext_lazy("letter kind", "Examination record (BAP)"),
        "letters/examination_record.html",
    ),
    LetterKind(
        "non_appearance_record",
        pgettext_lazy("letter kind", "Record of non-appearance"),
        "letters/non_appearance_record.html",
    ),
    LetterKind(
        "examination_report",
        pgettext_lazy("letter kind", "Examination report (LHP)"),
        "letters/examination_report.html",
    ),
    LetterKind(
        "examination_team_decision",
        pgettext_lazy("letter kind", "Decision forming the examination team"),
        "letters/examination_team_decision.html",
        register="decision",
    ),
):
    register_letter_kind(_kind)


def _letter_pdf_path(instance: "Letter", filename: str) -> str:
    # The name derives from the verification code (unique), never from input: one letter, one file name.
    return f"letters/{instance.year}/{instance.verification_code}.pdf"


def letter_pdf_name(letter: "Letter") -> str:
    """Where the letter's PDF is stored (the same name for every rendering of it)."""
    return _letter_pdf_path(letter, "")


class Letter(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("letter status", "Requested")
        RENDERING = "rendering", pgettext_lazy("letter status", "Being prepared")
        ISSUED = "issued", pgettext_lazy("letter status", "Issued")
        FAILED = "failed", pgettext_lazy("letter status", "Failed")

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("kind"), max_length=40)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    register = models.CharField(_("register"), max_length=30)
    year = models.PositiveSmallIntegerField(_("register year"))
    sequence = models.PositiveIntegerField(_("sequence in the register"))
    number = models.CharField(_("number"), max_length=100)
    verification_code = models.CharField(_("verification code"), max_length=12, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    context = models.JSONField(_("content snapshot"), default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"))
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_letter_pdf_path, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("rendering attempts"), default=0)
    # When a worker last took the letter: past the render task's time limit no worker can still hold it.
    rendering_started_at = models.DateTimeField(_("rendering started at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ("-requested_at", "-id")
        indexes = [models.Index(fields=["case", "-requested_at"], name="letter_case_idx")]
        constraints = [
            models.UniqueConstraint(fields=["agency", "register", "year", "sequence"], name="letter_number_unique"),
            # A second rendering can never store a second file or hash for another letter row.
            models.UniqueConstraint(fields=["pdf"], condition=~models.Q(pdf=""), name="letter_pdf_unique"),
            models.UniqueConstraint(fields=["sha256"], condition=~models.Q(sha256=""), name="letter_sha256_unique"),
            models.CheckConstraint(
                condition=~models.Q(status="issued")
                | (~models.Q(pdf="") & ~models.Q(sha256="") & models.Q(issued_at__isnull=False)),
                name="letter_issued_has_pdf",
            ),
            models.CheckConstraint(
                condition=models.Q(status="issued") | (models.Q(pdf="") & models.Q(sha256="")),
                name="letter_pdf_only_when_issued",
            ),
            models.CheckConstraint(
                condition=models.Q(superseded_by__isnull=True) | ~models.Q(superseded_by=models.F("pk")),
                name="letter_not_superseded_by_itself",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def kind_info(self) -> LetterKind | None:
        return LETTER_KINDS.get(self.kind)

    @property
    def kind_label(self) -> str:
        info = self.kind_info
        return str(info.label) if info else self.kind

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def is_superseded(self) -> bool:
        return self.superseded_by_id is not None

    def can_transition_to(self, status: str) -> bool:
        return LETTER_LIFECYCLE.can_transition(self, status)


class LetterNumberSequence(models.Model):
    """The last number given in one register of one agency in one year; its row is locked while numbering."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    register = models.CharField(max_length=30)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "register"], name="letter_sequence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.register}/{self.year}: {self.last_number}"


_L = Letter.Status
# A letter's lifecycle: the worker takes a requested letter (rendering) and issues it or, for good, fails it; an
# officer's retry sends a failed letter, or one stuck in rendering, back to requested; a letter whose attempts ran
# out before a worker took it fails from requested. An issued letter never changes status again.
LETTER_TRANSITIONS: dict[str, frozenset[str]] = {
    _L.REQUESTED: frozenset({_L.RENDERING, _L.FAILED}),
    _L.RENDERING: frozenset({_L.ISSUED, _L.FAILED, _L.REQUESTED}),
    _L.FAILED: frozenset({_L.REQUESTED}),
    _L.ISSUED: frozenset(),
}


def _letter_case(letter: Letter) -> Case:
    # The row the letter's events are recorded on; only its key is needed.
    return Case(pk=letter.case_id)


def _letter_event_data(letter: Letter) -> dict[str, Any]:
    return {"letter": letter.pk, "number": letter.number}


def _letter_not_allowed_message(letter: Letter, to: str) -> str:
    return gettext("Letter %(number)s in status “%(from)s” cannot become “%(to)s”.") % {
        "number": letter.number,
        "from": letter.get_status_display(),
        "to": Letter.Status(to).label,
    }


# Every status change of a letter: lock, LETTER_TRANSITIONS, save, one audit event on the letter's case.
LETTER_LIFECYCLE: Lifecycle[Letter] = Lifecycle(
    name="letter",
    model=Letter,
    transitions=LETTER_TRANSITIONS,
    version_field=None,
    audit_on=_letter_case,
    audit_data=_letter_event_data,
    not_allowed_message=_letter_not_allowed_message,
    select_related=("case",),
)
