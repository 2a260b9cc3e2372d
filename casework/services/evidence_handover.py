"""A report's evidence follows it into its case: received into the case's chain of custody, never copied.

Registering a case and merging a case into another carry the reports' evidence inside their own transaction; a
reporter's later addition, or a duplicate linked to a report already in a case, is handed over by the violations
app after its commit (violations.case_handover, the receiver registered in casework.apps). Every handover is
idempotent: an item of a report reaches a case once (the `case_evidence_received_once` constraint).
"""

from collections.abc import Iterable

from django.db import transaction

from accounts.actors import Actor
from casework.audit_actions import CASE_EVIDENCE_RECEIVED
from casework.models import CASE_LIFECYCLE, Case, CaseEvidence, CaseReport
from core import clock
from violations.models import Evidence, Report


def _case_evidence_from(item: Evidence, case: Case, actor: Actor | None) -> CaseEvidence:
    """The case's record of a report's item: the same storage name and SHA-256, so no byte is copied."""
    captured = bool(item.source_url and item.captured_at)
    evidence = CaseEvidence(
        case=case,
        kind=CaseEvidence.Kind.SOCIAL_MEDIA_CAPTURE if captured else CaseEvidence.Kind.FILE,
        original_name=item.original_name,
        content_type=item.content_type,
        size=item.size,
        sha256=item.sha256,
        stored_sha256=item.stored_sha256,
        source_url=item.source_url,
        captured_at=item.captured_at,
        added_at=clock.now(),
        added_by=actor,
        report_evidence=item,
    )
    evidence.file.name = item.file.name
    evidence.full_clean(exclude=["case", "added_by", "report_evidence"])
    return evidence


def _reports_of(case: Case, reports: Iterable[Report] | None) -> list[int]:
    if reports is not None:
        return [report.pk for report in reports]
    linked = list(CaseReport.objects.filter(case=case).values_list("report_id", flat=True))
    duplicates = Report.objects.filter(merged_into_id__in=linked, status=Report.Status.IN_PROCESS)
    return linked + list(duplicates.values_list("pk", flat=True))


def case_evidence_receive(
    *, case: Case, actor: Actor | None, reports: Iterable[Report] | None = None
) -> list[CaseEvidence]:
    """Receive into `case` the evidence of `reports` (default: every report the case covers) it does not hold yet,
    each with a custody event naming the report; `actor` None is Netra itself (a handover after a commit)."""
    with transaction.atomic():
        case = CASE_LIFECYCLE.lock(case)
        held = CaseEvidence.objects.filter(case=case, report_evidence__isnull=False).values("report_evidence_id")
        items = (
            Evidence.objects.filter(report_id__in=_reports_of(case, reports))
            .exclude(pk__in=held)
            .select_related("report")
            .order_by("id")
        )
        received = []
        for item in items:
            evidence = _case_evidence_from(item, case, actor)
            evidence.save(force_insert=True)
            CASE_LIFECYCLE.record(
                case,
                actor=actor,
                action=CASE_EVIDENCE_RECEIVED,
                data={
                    "evidence": evidence.pk,
                    "report": item.report.tracking_code,
                    "report_evidence": item.pk,
                    "sha256": evidence.sha256,
                    "size": evidence.size,
                },
            )
            received.append(evidence)
        return received


def case_evidence_receive_for_report(report_id: int) -> list[CaseEvidence]:
    """The violations app's hand-over (after its commit): the report's evidence reaches the case it belongs to
    now, directly or as a duplicate of a report in a case; a report in no case has nothing to hand over."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        return []
    link = CaseReport.objects.filter(report_id__in=[report.pk, report.merged_into_id or 0]).select_related("case")
    linked = link.first()
    if linked is None:
        return []
    return case_evidence_receive(case=linked.case, actor=None, reports=[report])
