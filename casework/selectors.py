"""Reads of cases, scoped by who asks. Selectors never write (a download's audit event is a service's)."""

from django.db.models import F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery

from accounts.actors import Actor, Viewer, is_account
from accounts.models import User
from accounts.roles import Role
from casework.models import ACCUSED_IDENTIFIABLE_STATUSES, Case, CaseEvidence, Examination, ExaminationTeam, Summons
from casework.permissions import is_examiner, sees_agency_cases
from casework.querysets import open_cases_of_officer, worked_on_by
from core.models import AuditEvent
from violations.models import Report


def _in_case(case: Case | OuterRef) -> Q:
    # A report is in a case when it was registered with it, or when it is a duplicate of a report that was
    # (a duplicate linked after registration follows its original; see violations.services.report_mark_duplicate).
    return Q(case_report__case=case) | Q(merged_into__case_report__case=case)


def _visible_cases(user: Viewer) -> QuerySet[Case]:
    """Intake officers and agency administrators see the agency's cases; examiners the cases they are assigned to
    or whose examination team they sit on; everyone else none."""
    if not is_account(user) or user.agency_id is None:
        return Case.objects.none()
    if sees_agency_cases(user):
        return Case.objects.filter(agency_id=user.agency_id)
    if is_examiner(user):
        return Case.objects.filter(worked_on_by(user), agency_id=user.agency_id)
    return Case.objects.none()


def case_scope_for_user(*, user: Viewer) -> QuerySet[Case]:
    """The cases the user may see, with nothing computed per row (for lookups and searches over many cases)."""
    return _visible_cases(user)


def case_list_for_user(*, user: Viewer) -> QuerySet[Case]:
    reports_count = (
        Report.objects.filter(_in_case(OuterRef("pk")))
        .order_by()
        .annotate(total=Func(F("id"), function="COUNT"))
        .values("total")
    )
    return _visible_cases(user).annotate(reports_count=Subquery(reports_count, output_field=IntegerField()))


def case_list_mine(*, user: Actor) -> QuerySet[Case]:
    """The "My cases" tab: the cases the user may see and is assigned to, or sits on the examination team of."""
    return case_list_for_user(user=user).filter(worked_on_by(user))


def case_get_for_user(*, user: Viewer, case_id: int) -> Case | None:
    return case_list_for_user(user=user).select_related("accused__unit", "registered_by").filter(pk=case_id).first()


# Decisions are the sanctions app's (casework does not import it): a draft abandoned does not hold the accused.
_CANCELLED_DECISION = "cancelled"


def case_has_decision_draft(*, case: Case) -> bool:
    """A decision (of any status but an abandoned draft) exists on the case: its accused is fixed then."""
    return bool(case.decisions.exclude(status=_CANCELLED_DECISION).exists())  # type: ignore[attr-defined]


def case_accused_changeable(*, case: Case) -> bool:
    """Whether the case's accused may still be linked (or changed): an open case, or one forwarded for decision, on
    which no decision is drafted (casework.services.case_identify_accused says why not)."""
    return case.status in ACCUSED_IDENTIFIABLE_STATUSES and not case_has_decision_draft(case=case)


def case_reports(*, case: Case) -> QuerySet[Report]:
    """Every report the case covers, including duplicates linked to them later, oldest first."""
    return (
        Report.objects.filter(_in_case(case))
        .distinct()
        .select_related("violation_type", "forwarding__office", "recommendation__bawaslu_office", "merged_into")
        .order_by("received_at", "id")
    )


def case_timeline(*, case: Case) -> QuerySet[AuditEvent]:
    """The case's audit events, oldest first (newest last); the caller fetched the case through a scoped read."""
    return (
        AuditEvent.objects.filter(target_type=Case._meta.label_lower, target_id=case.pk)
        .select_related("actor")
        .order_by("occurred_at", "id")
    )


def case_evidence_list(*, case: Case) -> QuerySet[CaseEvidence]:
    """A case's evidence, withdrawn items included (they stay on record), oldest first."""
    return (
        CaseEvidence.objects.filter(case=case)
        .select_related("added_by", "withdrawn_by", "report_evidence__report")
        .order_by("id")
    )


def case_evidence_get_for_user(*, user: Viewer, evidence_id: int) -> CaseEvidence | None:
    """An evidence item of a case the user may see, or None. Opening it is recorded by
    casework.services.case_evidence_download_record."""
    return (
        CaseEvidence.objects.select_related("case")
        .filter(pk=evidence_id, case__in=_visible_cases(user).values("pk"))
        .first()
    )


def handover_officers(*, user: Actor) -> QuerySet[User]:
    """The examiners of the user's agency whose cases may be handed over, including deactivated accounts."""
    if user.agency_id is None:
        return User.objects.none()
    return (
        User.objects.filter(agency_id=user.agency_id, groups__name=str(Role.EXAMINER))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def handover_cases(*, officer: Actor) -> QuerySet[Case]:
    """The open cases a handover would move: assigned to `officer` or with `officer` on the examination team."""
    return open_cases_of_officer(Case.objects.all(), officer).distinct().order_by("registered_at", "id")


def case_find_by_number(*, user: Viewer, number: str) -> Case | None:
    """The case with this number among those the user may see (e.g. the target of a merge)."""
    return case_list_for_user(user=user).filter(number=number).first()


def case_examined_by_team(*, case: Case) -> bool:
    """Whether the case was examined by its examination team, as a heavy sanction requires (docs/legal-basis.md
    §4.3): the case has a team, and its examination was held under the team: the current examination record (BAP),
    or the two absences from valid summonses that let the case go on on the evidence. Steps held without the team
    (set aside when the level was raised to heavy) do not count. The sanctions app refuses to draft, review or sign a
    heavy decision otherwise."""
    team = ExaminationTeam.objects.filter(case_id=case.pk).first()
    if team is None:
        return False
    if Examination.objects.current().filter(case_id=case.pk, examination_team=team).exists():
        return True
    absences = Summons.objects.current().filter(
        case_id=case.pk, examination_team=team, attendance=Summons.Attendance.ABSENT, notice_respected=True
    )
    return set(absences.values_list("number", flat=True)) == {1, 2}


_EXAMINERS_ACT = frozenset(
    {
        Case.Status.TEAM_FORMED,
        Case.Status.SUMMONED,
        Case.Status.EXAMINED,
        Case.Status.ABSENT_TWICE,
        Case.Status.REPORTED,
    }
)


def case_waiting_on(*, case: Case) -> tuple[str, list[str]] | None:
    """Whose move it is on an open case and the names of who may make it: ("intake", the agency's intake officers)
    to review it and assign examiners, ("examiners", the assigned examiners) to summon, examine and report, or
    ("decision", the examiners) to draft the decision; None once it is decided or closed (the decision page names
    the reviewer and the official)."""
    examiners = [
        str(user.get_full_name() or user.get_username())
        for user in case.assigned_examiners.filter(is_active=True).order_by("first_name", "last_name", "username")
    ]
    if case.status in (Case.Status.REGISTERED, Case.Status.UNDER_REVIEW) and not examiners:
        officers = User.objects.filter(
            agency_id=case.agency_id, is_active=True, groups__name=str(Role.INTAKE_OFFICER)
        ).order_by("first_name", "last_name", "username")
        return "intake", [str(user.get_full_name() or user.get_username()) for user in officers]
    if case.status in _EXAMINERS_ACT or case.status in (Case.Status.REGISTERED, Case.Status.UNDER_REVIEW):
        return "examiners", examiners
    if case.status == Case.Status.FORWARDED_FOR_DECISION:
        return "decision", examiners
    return None
