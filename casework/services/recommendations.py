"""A recommendation received by letter (BKN or a Bawaslu office), recorded on a case by an intake officer.

The recommendation becomes a report of its channel (violations.services.recommendation_submit), linked to the case
at once: the follow-through register counts it from the day it is recorded (sanctions.follow_through), its letter
enters the case's evidence, and the case's timeline records it.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from casework.audit_actions import CASE_RECOMMENDATION_RECORDED
from casework.models import CASE_LIFECYCLE, Case, CaseReport
from casework.permissions import may_record_recommendations
from casework.services.evidence_handover import case_evidence_receive
from casework.services.locking import lock_case_for_actor
from core import clock
from core.errors import ConflictError, DomainError, PermissionDenied
from violations import services as violation_services
from violations.evidence import ValidatedEvidence
from violations.models import Recommendation, Report
from violations.services import RecommendationInput, ReportInput


def _report_input(case: Case, text: str) -> ReportInput:
    """The recommendation's report: the case's accused, the incident of the case's first report."""
    first = Report.objects.filter(case_report__case=case).order_by("received_at", "id").first()
    return ReportInput(
        accused_name=case.accused_name,
        accused_nip=case.accused_nip,
        incident_date=first.incident_date if first is not None else clock.today(),
        description=text,
    )


@transaction.atomic
def case_recommendation_record(
    *,
    case: Case,
    actor: Actor,
    letter: RecommendationInput,
    text: str,
    document: Sequence[ValidatedEvidence],
) -> Recommendation:
    """Record on an open case a recommendation received by letter (`text`: what it recommends; `document`: the
    letter, validated by violations.evidence). Recording the same letter again returns it and writes nothing."""
    if not may_record_recommendations(actor, case):
        raise PermissionDenied("not_intake_officer", _("Only the agency's intake officers record recommendations."))
    if not text.strip():
        raise DomainError("recommendation_text_required", _("Give what the letter recommends."), field="text")
    if not document:
        raise DomainError("document_required", _("Upload the recommendation letter."), field="document")
    case = lock_case_for_actor(case, actor=actor, may=may_record_recommendations)
    if not case.is_open:
        raise ConflictError("case_closed", _("The case is closed; a recommendation can no longer be recorded on it."))
    data = _report_input(case, text.strip())
    result = violation_services.recommendation_submit(
        agency=case.agency,
        letter=letter,
        data=data,
        document=document,
        fingerprint=violation_services.recommendation_fingerprint(letter=letter, data=data, document=document),
        source=Report.Source.STAFF,
        submitted_by=actor,
    )
    recommendation = result.recommendation
    if not result.created:
        if not CaseReport.objects.filter(case=case, report_id=recommendation.report_id).exists():
            raise ConflictError(
                "recommendation_on_another_case",
                _("This letter is already recorded on another case."),
            )
        return recommendation
    _link(case, recommendation, actor)
    return recommendation


def _link(case: Case, recommendation: Recommendation, actor: Actor) -> None:
    report = recommendation.report
    CaseReport.objects.create(case=case, report=report, linked_at=clock.now())
    violation_services.report_mark_in_process(report=report, actor=actor, case_number=case.number)
    CASE_LIFECYCLE.record(
        case,
        actor=actor,
        action=CASE_RECOMMENDATION_RECORDED,
        data={
            "report": report.tracking_code,
            "body": recommendation.body,
            "letter_number": recommendation.letter_number,
            "letter_date": recommendation.letter_date.isoformat(),
            "recommended_sanction": recommendation.recommended_sanction,
        },
    )
    case_evidence_receive(case=case, actor=actor, reports=[report])
