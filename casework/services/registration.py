"""Registering a case over one or more reports from triage."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Agency
from casework.audit_actions import CASE_REGISTERED
from casework.models import Case, CaseNumberSequence, CaseReport
from casework.permissions import can_register_case
from casework.services.evidence_handover import case_evidence_receive
from core import clock
from core.audit import audit_record
from core.errors import ConflictError, DomainError, PermissionDenied
from violations import services as violation_services
from violations.models import Report

_REGISTRABLE = (
    Report.Status.RECEIVED,
    Report.Status.IN_REVIEW,
    Report.Status.AWAITING_INFORMATION,
)


def _next_case_number(agency: Agency, year: int) -> str:
    sequence, _created = CaseNumberSequence.objects.select_for_update().get_or_create(agency=agency, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{sequence.last_number:04d}/KASUS/{agency.code.upper()}/{year}"


def _lock_reports(actor: Actor, reports: Sequence[Report]) -> tuple[list[Report], list[Report]]:
    """The chosen reports, locked and still in triage, and their duplicates (locked too)."""
    ids = {report.pk for report in reports}
    # Lock the chosen reports first, then read their duplicates: a duplicate linked meanwhile is not missed.
    chosen = list(Report.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if len(chosen) != len(ids) or any(report.agency_id != actor.agency_id for report in chosen):
        raise DomainError("reports_not_found", _("Some of the chosen reports were not found."), field="reports")
    already = [report.tracking_code for report in chosen if report.status not in _REGISTRABLE]
    if already:
        raise ConflictError(
            "reports_not_in_triage",
            _("These reports are no longer in triage: %(codes)s.") % {"codes": ", ".join(already)},
        )
    duplicates = list(
        Report.objects.select_for_update()
        .filter(merged_into__in=ids, status=Report.Status.MERGED)
        .exclude(pk__in=ids)
        .order_by("pk")
    )
    return chosen, duplicates


def _new_case(chosen: list[Report], actor: Actor, summary: str) -> Case:
    first = min(chosen, key=lambda report: report.received_at)
    accused = next((report.accused for report in chosen if report.accused_id), None)
    now = clock.now()
    return Case.objects.create(
        number=_next_case_number(first.agency, clock.local_date(now).year),
        agency=first.agency,
        accused=accused,
        accused_name=accused.name if accused else first.accused_name,
        accused_nip=accused.nip if accused else next((r.accused_nip for r in chosen if r.accused_nip), ""),
        summary=summary,
        registered_at=now,
        registered_by=actor,
    )


@transaction.atomic
def case_register(*, actor: Actor, reports: Sequence[Report], summary: str = "") -> Case:
    """Open one case over one or more reports (and their duplicates); every reporter sees `in_process`; the
    reports' evidence enters the case's chain of custody (casework.services.evidence_handover).

    All reports must belong to the actor's agency and still be in triage.
    """
    if not can_register_case(actor):
        raise PermissionDenied("not_intake_officer", _("Only intake officers register cases."))
    if not reports:
        raise DomainError("no_reports", _("Choose at least one report."), field="reports")
    chosen, duplicates = _lock_reports(actor, reports)
    locked = chosen + duplicates
    case = _new_case(chosen, actor, summary)
    CaseReport.objects.bulk_create(
        [CaseReport(case=case, report=report, linked_at=case.registered_at) for report in locked]
    )
    # A new case changes no status yet: its creation is recorded as it enters its first one.
    audit_record(
        actor=actor,
        action=CASE_REGISTERED,
        target=case,
        to_status=Case.Status.REGISTERED,
        data={"reports": [report.tracking_code for report in locked]},
    )
    for report in locked:
        violation_services.report_mark_in_process(report=report, actor=actor, case_number=case.number)
    case_evidence_receive(case=case, actor=actor, reports=locked)
    return case
