"""An appeal (banding administratif) against a dismissal is decided by the Badan Pertimbangan ASN, not by the PPK
(PP 79/2021; docs/legal-basis.md §5.4). Netra records what happens around it; no letter of the PPK decides it.

- `appeal_respond`: the PPK's response to the BPASN, due by rule D14 (21 working days from the filing, computed when
  read, reminded by sanctions.reminders): the PPK's own letter (`appeal_response`), numbered and verifiable, signed
  by the staffing authority who is not recused (sanctions.permissions.can_respond_to_appeal). A response after D14
  is still recorded (the BPASN may then decide on the evidence alone), flagged late.
- `appeal_ruling_record`: the BPASN's ruling as it arrives — upheld, annulled or changed, with its number, its date
  and the document (validated by content like evidence, stored through core.storage). Until then the dismissal waits
  (the decision stays `objected`); upheld, it takes effect on the ruling's date; annulled, it is annulled; changed, a
  new version is issued through sanctions.services.versions with the ruling as its basis, signed by the PPK.
- `appeal_ruling_download_record`: every download of the ruling is audited on the case.
"""

import datetime
from dataclasses import dataclass

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.letters import letter_request
from core import clock
from core.errors import ConflictError, DomainError, PermissionDenied
from core.storage import remove_files_on_failure
from sanctions.audit_actions import (
    APPEAL_RESPONDED,
    APPEAL_RULING_DOWNLOADED,
    APPEAL_RULING_RECORDED,
    DECISION_VERSION_ON_APPEAL,
)
from sanctions.competent_official import BPASN_TITLE, staffing_authority_for
from sanctions.letter_contents.objection import appeal_response_context
from sanctions.models import DECISION_LIFECYCLE, OBJECTION_LIFECYCLE, Objection, SanctionType
from sanctions.permissions import can_record_appeal_ruling, can_respond_to_appeal
from sanctions.services.objections.outcomes import NewVersion, apply_outcome, changed_version
from sanctions.services.objections.remedy import record_on_decision
from sanctions.services.preconditions import long_date, require_not_in_future, required_text
from violations.evidence import ValidatedEvidence

_O = Objection.Status
# What a ruling's document may be: the BPASN's decision as a PDF or a scan.
RULING_DOCUMENT_KINDS: frozenset[str] = frozenset({"pdf", "image"})


def _lock_appeal(objection: Objection) -> Objection:
    objection = OBJECTION_LIFECYCLE.lock(objection)
    objection.decision = DECISION_LIFECYCLE.lock(objection.decision)
    if not objection.is_appeal:
        raise ConflictError("not_an_appeal", _("Only an appeal to the BPASN is answered and ruled on there."))
    return objection


def _check_day(day: datetime.date, objection: Objection, field: str) -> None:
    require_not_in_future(day, field)
    if day < objection.filed_on:
        raise DomainError(
            "appeal_date_before_filing",
            _("The appeal was filed on %(date)s; this cannot be before.") % {"date": long_date(objection.filed_on)},
            field=field,
        )


@transaction.atomic
def appeal_respond(
    *,
    objection: Objection,
    actor: Actor,
    responded_on: datetime.date,
    response: str,
    expected_version: int | None = None,
) -> Objection:
    """The PPK answers a pending appeal to the BPASN on `responded_on` with its letter (module docstring). The same
    response sent twice returns the appeal unchanged."""
    objection = _lock_appeal(objection)
    decision = objection.decision
    if not can_respond_to_appeal(actor, decision):
        raise PermissionDenied(
            "appeal_response_not_permitted", _("Only the PPK who is not recused responds to the BPASN.")
        )
    if objection.responded_on == responded_on and objection.response_summary == response.strip():
        return objection
    DECISION_LIFECYCLE.check_version(decision, expected_version)
    if objection.status != _O.PENDING or objection.responded_on is not None:
        raise ConflictError("appeal_not_awaiting_response", _("This appeal is not awaiting the PPK's response."))
    objection.response_summary = required_text(response, "response", _("Give the PPK's response to the appeal."))
    _check_day(responded_on, objection, "responded_on")
    routing = staffing_authority_for(decision.case)
    objection.responded_on, objection.responded_by = responded_on, actor
    objection.response_letter = letter_request(
        case=decision.case, kind="appeal_response", actor=actor,
        context=appeal_response_context(objection, title=routing.title, signer=actor),
    )  # fmt: skip
    OBJECTION_LIFECYCLE.save(objection, "responded_on", "responded_by", "response_summary", "response_letter")
    due = objection.due_on
    record_on_decision(
        decision, actor=actor, action=APPEAL_RESPONDED,
        data={
            "objection": objection.pk, "responded_on": responded_on.isoformat(), "rule": objection.due_rule,
            "due_on": due.isoformat() if due else None, "late": bool(due and responded_on > due),
            "letter": objection.response_letter.number,
        },
    )  # fmt: skip
    return objection


@dataclass(frozen=True)
class Ruling:
    """The BPASN's ruling as received: its outcome, number, date and document, the reasons it gives, and for a
    changed sanction the new sanction and the terms it asks for."""

    outcome: str
    number: str
    decided_on: datetime.date
    document: ValidatedEvidence
    reason: str = ""
    sanction: SanctionType | None = None
    new_position: str = ""
    dismissal_date: datetime.date | None = None


def _check_ruling(objection: Objection, ruling: Ruling, actor: Actor) -> tuple[str, str]:
    """The ruling's number and reasons, stripped, once it may be recorded by `actor`."""
    if objection.status != _O.PENDING:
        raise ConflictError("objection_not_pending", _("This appeal is not pending."))
    if ruling.outcome not in Objection.Outcome.values:
        raise DomainError("objection_outcome_invalid", _("Choose upheld, changed or annulled."), field="outcome")
    number = required_text(ruling.number, "ruling_number", _("Give the number of the BPASN's decision."))
    _check_day(ruling.decided_on, objection, "decided_on")
    if ruling.document.kind not in RULING_DOCUMENT_KINDS:
        raise DomainError(
            "ruling_document_invalid", _("Attach the BPASN's decision as a PDF or a scan."), field="document"
        )
    if ruling.outcome == Objection.Outcome.CHANGED and not can_respond_to_appeal(actor, objection.decision):
        raise PermissionDenied(
            "appeal_change_not_permitted",
            _("The PPK signs the new version the BPASN's ruling calls for: the PPK records a changed ruling."),
        )
    reason = ruling.reason.strip() or _("As decided by the Badan Pertimbangan ASN.")
    return number, reason


def _store_document(objection: Objection, document: ValidatedEvidence, stored: list[str]) -> None:
    document.file.seek(0)
    objection.ruling_document.save(document.original_name, File(document.file), save=False)
    stored.append(str(objection.ruling_document.name))
    objection.ruling_document_name = document.original_name
    objection.ruling_document_type = document.content_type
    objection.ruling_document_size = document.size
    objection.ruling_document_sha256 = document.sha256


def _new_version(objection: Objection, ruling: Ruling, *, actor: Actor, number: str, reason: str) -> None:
    routing = staffing_authority_for(objection.decision.case)
    basis = {"label": f"Keputusan {BPASN_TITLE}", "number": number, "date": ruling.decided_on.isoformat()}
    version = NewVersion(
        sanction=ruling.sanction, title=routing.title, decision_date=clock.today(), effective_on=ruling.decided_on,
        new_position=ruling.new_position, dismissal_date=ruling.dismissal_date, basis=[basis],
    )  # fmt: skip
    objection.new_decision = changed_version(
        objection, actor=actor, reason=reason, version=version, action=DECISION_VERSION_ON_APPEAL
    )


def _same_ruling(objection: Objection, ruling: Ruling) -> bool:
    return objection.status == _O.DECIDED and (objection.outcome, objection.ruling_number) == (
        ruling.outcome,
        ruling.number.strip(),
    )


def _apply_ruling(objection: Objection, ruling: Ruling, *, actor: Actor, number: str, reason: str) -> None:
    """The appeal decided by the ruling, its document stored, audited; then the ruling acts on the dismissal."""
    objection.outcome, objection.outcome_reason, objection.decided_on = ruling.outcome, reason, ruling.decided_on
    objection.ruling_number, objection.ruling_recorded_by = number, actor
    if ruling.outcome == Objection.Outcome.CHANGED:
        _new_version(objection, ruling, actor=actor, number=number, reason=reason)
    OBJECTION_LIFECYCLE.check_transition(objection, _O.DECIDED)
    objection.status = _O.DECIDED
    OBJECTION_LIFECYCLE.save(
        objection, "status", "outcome", "outcome_reason", "decided_on", "new_decision", "ruling_number",
        "ruling_recorded_by", "ruling_document", "ruling_document_name", "ruling_document_type",
        "ruling_document_size", "ruling_document_sha256",
    )  # fmt: skip
    record_on_decision(
        objection.decision, actor=actor, action=APPEAL_RULING_RECORDED, reason=reason,
        data={
            "objection": objection.pk, "outcome": objection.outcome, "ruling_number": number,
            "decided_on": ruling.decided_on.isoformat(), "sha256": objection.ruling_document_sha256,
            "new_decision": objection.new_decision_id,
        },
    )  # fmt: skip
    apply_outcome(objection, actor=actor, decided_on=ruling.decided_on, reason=reason, act_number=number)


@transaction.atomic
def appeal_ruling_record(
    *, objection: Objection, actor: Actor, ruling: Ruling, expected_version: int | None = None
) -> Objection:
    """Record the BPASN's ruling on a pending appeal and apply it to the dismissal (module docstring). The same
    ruling sent twice returns the appeal unchanged; a refusal writes nothing (no row, no event, no file)."""
    objection = _lock_appeal(objection)
    if not can_record_appeal_ruling(actor, objection.decision):
        raise PermissionDenied("decision_not_permitted", _("You may not act on this decision."))
    if _same_ruling(objection, ruling):
        return objection
    DECISION_LIFECYCLE.check_version(objection.decision, expected_version)
    number, reason = _check_ruling(objection, ruling, actor)
    with remove_files_on_failure() as stored:
        _store_document(objection, ruling.document, stored)
        _apply_ruling(objection, ruling, actor=actor, number=number, reason=reason)
    return objection


@transaction.atomic
def appeal_ruling_download_record(*, objection: Objection, actor: Actor) -> None:
    """Record that `actor` opened the BPASN's ruling (one event on the case; the decision keeps its status). The caller
    found the appeal through a decision the actor may see."""
    DECISION_LIFECYCLE.record(
        objection.decision,
        actor=actor,
        action=APPEAL_RULING_DOWNLOADED,
        data={"objection": objection.pk, "sha256": objection.ruling_document_sha256},
    )
