"""Reads of cases, scoped by who asks."""

from typing import Any

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery

from casework.audit_actions import CASE_EVIDENCE_DOWNLOADED
from casework.models import Case, CaseEvidence, ExaminationTeamMember
from casework.permissions import is_examiner, sees_agency_cases
from core.audit import audit_record
from violations.models import Report


def _in_case(case: Any) -> Q:
    # A report is in a case when it was registered with it, or when it is a duplicate of a report that was
    # (a duplicate linked after registration follows its original; see violations.services.report_mark_duplicate).
    return Q(case_report__case=case) | Q(merged_into__case_report__case=case)


def _visible_cases(user: Any) -> QuerySet[Case]:
    """Intake officers and agency administrators see the agency's cases; examiners the cases they are assigned to
    or whose examination team they sit on; everyone else none."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if sees_agency_cases(user):
        return Case.objects.filter(agency_id=user.agency_id)
    if is_examiner(user):
        assigned = Case.assigned_examiners.through.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)
        on_team = ExaminationTeamMember.objects.filter(team__case_id=OuterRef("pk"), user_id=user.pk)
        return Case.objects.filter(Q(Exists(assigned)) | Q(Exists(on_team)), agency_id=user.agency_id)
    return Case.objects.none()


def case_list_for_user(*, user: Any) -> QuerySet[Case]:
    reports_count = (
        Report.objects.filter(_in_case(OuterRef("pk")))
        .order_by()
        .annotate(total=Func(F("id"), function="COUNT"))
        .values("total")
    )
    return _visible_cases(user).annotate(reports_count=Subquery(reports_count, output_field=IntegerField()))


def case_get_for_user(*, user: Any, case_id: int) -> Case | None:
    return case_list_for_user(user=user).select_related("accused__unit", "registered_by").filter(pk=case_id).first()


def case_reports(*, case: Case) -> QuerySet[Report]:
    """Every report the case covers, including duplicates linked to them later, oldest first."""
    return (
        Report.objects.filter(_in_case(case))
        .distinct()
        .select_related("violation_type", "forwarding__office", "merged_into")
        .order_by("received_at", "id")
    )


def case_evidence_list(*, case: Case) -> QuerySet[CaseEvidence]:
    """A case's evidence, withdrawn items included (they stay on record), oldest first."""
    return CaseEvidence.objects.filter(case=case).select_related("added_by", "withdrawn_by").order_by("id")


def case_evidence_open_for_user(*, user: Any, evidence_id: int) -> CaseEvidence | None:
    """An evidence item of a case the user may see, or None; every opening is written to the audit trail."""
    evidence = (
        CaseEvidence.objects.select_related("case")
        .filter(pk=evidence_id, case__in=_visible_cases(user).values("pk"))
        .first()
    )
    if evidence is not None:
        audit_record(
            actor=user,
            action=CASE_EVIDENCE_DOWNLOADED,
            target=evidence.case,
            from_status=evidence.case.status,
            to_status=evidence.case.status,
            data={"evidence": evidence.pk, "sha256": evidence.sha256},
        )
    return evidence
