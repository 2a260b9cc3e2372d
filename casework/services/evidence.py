"""Evidence of a case with its chain of custody: added, withdrawn with a reason, never deleted; every step audited."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_EVIDENCE_ADDED, CASE_EVIDENCE_DOWNLOADED, CASE_EVIDENCE_WITHDRAWN
from casework.models import CASE_LIFECYCLE, Case, CaseEvidence
from casework.services.locking import lock_case_for_actor
from core import clock
from core.errors import ConflictError, DomainError
from core.storage import remove_files_on_failure
from violations.evidence import ValidatedEvidence


def _open_case(case: Case, actor: Actor) -> Case:
    case = lock_case_for_actor(case, actor=actor)
    if not case.is_open:
        raise ConflictError("case_closed", _("The case is closed; its evidence can no longer change."))
    return case


def _store(case: Case, actor: Actor, item: ValidatedEvidence, stored: list[str], **fields: Any) -> CaseEvidence:
    evidence = CaseEvidence(
        case=case,
        original_name=item.original_name,
        content_type=item.content_type,
        size=item.size,
        sha256=item.sha256,
        stored_sha256=item.stored_sha256,
        added_at=clock.now(),
        added_by=actor,
        **fields,
    )
    item.file.seek(0)
    evidence.file.save(item.original_name, File(item.file), save=False)
    stored.append(str(evidence.file.name))
    evidence.full_clean(exclude=["case", "added_by"])
    evidence.save(force_insert=True)
    _audit_added(evidence, actor)
    return evidence


def _audit_added(evidence: CaseEvidence, actor: Actor) -> None:
    CASE_LIFECYCLE.record(
        evidence.case,
        actor=actor,
        action=CASE_EVIDENCE_ADDED,
        data={"evidence": evidence.pk, "kind": evidence.kind, "sha256": evidence.sha256, "size": evidence.size},
    )


@transaction.atomic
def case_evidence_add_files(
    *, case: Case, actor: Actor, files: Sequence[ValidatedEvidence], title: str = ""
) -> list[CaseEvidence]:
    """Store files validated by violations.evidence.validate_evidence_files (type sniffed, SHA-256, size)."""
    if not files:
        raise DomainError("evidence_required", _("Choose at least one file."), field="evidence")
    case = _open_case(case, actor)
    with remove_files_on_failure() as stored:
        return [_store(case, actor, item, stored, kind=CaseEvidence.Kind.FILE, title=title.strip()) for item in files]


@transaction.atomic
def case_evidence_add_capture(
    *, case: Case, actor: Actor, screenshot: ValidatedEvidence, source_url: str, captured_at: datetime.datetime
) -> CaseEvidence:
    """A social-media post kept as a screenshot with its URL and the time it was captured (posts disappear)."""
    if screenshot.kind != "image":
        raise DomainError("screenshot_not_image", _("The screenshot must be an image."), field="screenshot")
    if not source_url.strip():
        raise DomainError("source_url_required", _("Give the address of the post."), field="source_url")
    case = _open_case(case, actor)
    with remove_files_on_failure() as stored:
        return _store(
            case,
            actor,
            screenshot,
            stored,
            kind=CaseEvidence.Kind.SOCIAL_MEDIA_CAPTURE,
            source_url=source_url.strip(),
            captured_at=captured_at,
        )


@transaction.atomic
def case_evidence_add_statement(*, case: Case, actor: Actor, witness_name: str, statement: str) -> CaseEvidence:
    """A witness statement as text."""
    if not witness_name.strip() or not statement.strip():
        raise DomainError("statement_required", _("Give the witness's name and the statement."), field="statement")
    case = _open_case(case, actor)
    evidence = CaseEvidence(
        case=case,
        kind=CaseEvidence.Kind.WITNESS_STATEMENT,
        witness_name=witness_name.strip(),
        statement=statement.strip(),
        added_at=clock.now(),
        added_by=actor,
    )
    evidence.full_clean(exclude=["case", "added_by"])
    evidence.save(force_insert=True)
    _audit_added(evidence, actor)
    return evidence


@transaction.atomic
def case_evidence_withdraw(*, evidence: CaseEvidence, actor: Actor, reason: str) -> CaseEvidence:
    """Withdraw an item from consideration with a reason; the row and its file stay. Idempotent."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give the reason."), field="reason")
    _open_case(evidence.case, actor)
    evidence = CaseEvidence.objects.select_for_update().get(pk=evidence.pk)
    if evidence.is_withdrawn:
        return evidence
    evidence.withdrawn_at, evidence.withdrawn_by, evidence.withdrawal_reason = clock.now(), actor, reason.strip()
    evidence.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    CASE_LIFECYCLE.record(
        evidence.case,
        actor=actor,
        action=CASE_EVIDENCE_WITHDRAWN,
        reason=evidence.withdrawal_reason,
        data={"evidence": evidence.pk, "sha256": evidence.sha256},
    )
    return evidence


@transaction.atomic
def case_evidence_download_record(*, evidence: CaseEvidence, actor: Actor) -> None:
    """Record that `actor` opened the evidence item (chain of custody): one event on its case, which keeps its
    status. The caller fetched the item through casework.selectors.case_evidence_get_for_user."""
    CASE_LIFECYCLE.record(
        evidence.case,
        actor=actor,
        action=CASE_EVIDENCE_DOWNLOADED,
        data={"evidence": evidence.pk, "sha256": evidence.sha256},
    )
