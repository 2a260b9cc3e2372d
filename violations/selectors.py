"""Reads of reports, each scoped by who asks; what a user may not see is simply not found.

Selectors never write: a read that must leave a trace (a reporter's identity, an evidence download) is recorded
by violations.services.audited_reads, which the views call.
"""

import functools
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q, QuerySet

from accounts.actors import Actor, Viewer, is_account
from accounts.models import BawasluOffice, CivilServant, User
from accounts.roles import Role
from core.hashers import PIN_HASHER
from core.models import AuditEvent
from violations.models import (
    BawasluForwarding,
    Evidence,
    Recommendation,
    Report,
    Reporter,
    ReportLink,
    ViolationType,
)
from violations.permissions import can_see_reporter_identity, can_triage, is_intake_officer
from violations.tracking_codes import normalize_tracking_code


@functools.cache
def _dummy_pin_hash() -> str:
    """A hash to compare against when the code is unknown, so a wrong code costs as much as a wrong PIN."""
    return make_password("netra-unknown-code", hasher=PIN_HASHER)


def violation_types_in_force() -> QuerySet[ViolationType]:
    return ViolationType.objects.in_force()  # type: ignore[return-value]


def report_get_by_tracking_code(*, tracking_code: str, pin: str) -> Report | None:
    """The reporter's own report, or None for a wrong code, a wrong PIN or no PIN alike."""
    report = Report.objects.filter(tracking_code=normalize_tracking_code(tracking_code)).first()
    if not pin:
        return None
    if report is None:
        check_password(pin, _dummy_pin_hash())
        return None
    return report if check_password(pin, report.access_pin_hash) else None


def report_get_for_verified_reporter(*, tracking_code: str) -> Report | None:
    """The report whose code and PIN the reporter proved earlier in the same web session (kept for minutes only).

    Never call this with a code the caller has not verified through report_get_by_tracking_code.
    """
    return Report.objects.prefetch_related("timeline").filter(tracking_code=tracking_code).first()


def report_list_for_user(*, user: Viewer) -> QuerySet[Report]:
    """The triage queue: reports of the officer's agency, all channels."""
    if not is_account(user) or user.agency_id is None or not is_intake_officer(user):
        return Report.objects.none()
    return Report.objects.filter(agency_id=user.agency_id).select_related(
        "violation_type", "forwarding__office", "recommendation__bawaslu_office"
    )


def report_get_for_user(*, user: Viewer, report_id: int) -> Report | None:
    return report_list_for_user(user=user).filter(pk=report_id).first()


def report_find_for_user(*, user: Viewer, tracking_code: str) -> Report | None:
    """A report of the officer's agency by its tracking code (as printed: upper case), or None."""
    return report_list_for_user(user=user).filter(tracking_code=tracking_code).first()


def reporter_identity_for_user(*, user: Viewer, report: Report) -> Reporter | None:
    """The confidential reporter record, for intake officers of the report's agency only (None for anyone else).

    Showing it to someone is recorded: views call violations.services.report_identity_view, not this."""
    if not can_see_reporter_identity(user, report):
        return None
    return report.reporter


def reporters_sharing_contact(*, reporter: Reporter) -> QuerySet[Reporter]:
    """Other reporters of the same agency who gave the same e-mail, phone or NIK (compared by their keyed hashes,
    the identity itself being encrypted); `reporter` comes from reporter_identity_for_user."""
    match = Q(pk__in=[])
    for field in ("email_hash", "phone_hash", "id_number_hash"):
        if digest := getattr(reporter, field):
            match |= Q(**{field: digest})
    return (
        Reporter.objects.filter(match, report__agency_id=reporter.report.agency_id)
        .exclude(pk=reporter.pk)
        .order_by("pk")
    )


def duplicate_candidates(*, report: Report, limit: int = 10) -> QuerySet[Report]:
    """Reports that may concern the same matter: same NIP, same name and agency/unit text, or same link."""
    links = list(report.links.values_list("normalized_url", flat=True))
    match = Q(pk__in=[])
    if report.accused_nip:
        match |= Q(accused_nip=report.accused_nip)
    if report.accused_id:
        match |= Q(accused_id=report.accused_id)
    if report.accused_name and report.accused_agency:
        match |= Q(accused_name__iexact=report.accused_name, accused_agency__iexact=report.accused_agency)
    if links:
        match |= Q(links__normalized_url__in=links)
    return (
        Report.objects.filter(match, agency_id=report.agency_id)
        .exclude(pk=report.pk)
        .exclude(status=Report.Status.REJECTED)
        .distinct()
        .order_by("received_at")[:limit]
    )


@dataclass(frozen=True)
class DuplicateMatch:
    """A suggested duplicate and why it matched: "nip", "register", "name_unit" and/or "link"."""

    report: Report
    reasons: tuple[str, ...]


def duplicate_matches(*, report: Report, limit: int = 10) -> list[DuplicateMatch]:
    """duplicate_candidates with the reasons each one matched, for the officer to judge."""
    candidates = list(duplicate_candidates(report=report, limit=limit).select_related("violation_type"))
    links = set(report.links.values_list("normalized_url", flat=True))
    sharing_a_link = (
        set(
            ReportLink.objects.filter(report__in=candidates, normalized_url__in=links).values_list(
                "report_id", flat=True
            )
        )
        if links and candidates
        else set()
    )
    matches = []
    for candidate in candidates:
        reasons = []
        if report.accused_nip and candidate.accused_nip == report.accused_nip:
            reasons.append("nip")
        elif report.accused_id and candidate.accused_id == report.accused_id:
            reasons.append("register")
        if (
            report.accused_name
            and report.accused_agency
            and candidate.accused_name.casefold() == report.accused_name.casefold()
            and candidate.accused_agency.casefold() == report.accused_agency.casefold()
        ):
            reasons.append("name_unit")
        if candidate.pk in sharing_a_link:
            reasons.append("link")
        matches.append(DuplicateMatch(report=candidate, reasons=tuple(reasons)))
    return matches


def report_audit_events(*, report: Report) -> QuerySet[AuditEvent]:
    """The audit trail of one report, oldest first (for intake officers, who may see it whole)."""
    return AuditEvent.objects.filter(target_type=report._meta.label_lower, target_id=report.pk).select_related("actor")


def evidence_get_for_user(*, user: Viewer, report: Report, evidence_id: int) -> Evidence | None:
    """An evidence file of a report the user may triage, or None. A download of it is recorded by
    violations.services.report_evidence_download_record."""
    if not can_triage(user, report):
        return None
    return Evidence.objects.filter(report=report, pk=evidence_id).first()


def civil_servant_for_nip(*, agency_id: int, nip: str) -> CivilServant | None:
    """The agency's register entry for a NIP, to fill in an accused's details."""
    if not nip:
        return None
    return CivilServant.objects.select_related("unit").filter(nip=nip, unit__agency_id=agency_id).first()


def forwarding_list_for_office(*, office: BawasluOffice) -> QuerySet[BawasluForwarding]:
    return BawasluForwarding.objects.filter(office=office).select_related("report")


def forwarding_get_for_office(*, office: BawasluOffice, reference_number: str) -> BawasluForwarding | None:
    return (
        forwarding_list_for_office(office=office)
        .select_related("report__outcome")
        .filter(reference_number=reference_number)
        .first()
    )


def recommendation_list_for_bkn(*, account: Actor) -> QuerySet[Recommendation]:
    """BKN's recommendations to the account's agency; a Bawaslu office's, or another agency's, are not among them."""
    if account.agency_id is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(agency_id=account.agency_id, body=Recommendation.Body.BKN).select_related(
        "report"
    )


def recommendation_get_for_bkn(*, account: Actor, letter_number: str) -> Recommendation | None:
    return (
        recommendation_list_for_bkn(account=account)
        .select_related("report__outcome")
        .filter(letter_number=letter_number)
        .first()
    )


OWN_FINDINGS_SHOWN = 10


def internal_findings_of(*, user: Viewer) -> list[Report]:
    """The findings `user` recorded themselves (internal reporters, intake officers), newest first, the latest few:
    the code, the date and the public status, what the reporter of any report may see of it."""
    if not is_account(user):
        return []
    reports = Report.objects.filter(submitted_by_id=user.pk).only("id", "tracking_code", "received_at", "status")
    return list(reports.order_by("-received_at", "-id")[:OWN_FINDINGS_SHOWN])


def intake_officers(agency_id: int) -> list[User]:
    """The agency's active intake officers, in a stable order (who triage its reports)."""
    return list(
        User.objects.filter(agency_id=agency_id, is_active=True, groups__name=str(Role.INTAKE_OFFICER)).order_by("id")
    )


# A report whose next move is the intake officers' (review, register, merge or reject), or the reporter's.
_TRIAGE_STATUSES = frozenset({Report.Status.RECEIVED, Report.Status.IN_REVIEW})


def report_waiting_on(*, report: Report) -> tuple[str, list[str]] | None:
    """Whose move it is on a report in triage: ("intake", the agency's intake officers) or ("reporter", []) while
    information asked of the reporter is awaited; None once it left triage (its case page names who acts)."""
    if report.status == Report.Status.AWAITING_INFORMATION:
        return "reporter", []
    if report.status not in _TRIAGE_STATUSES:
        return None
    return "intake", [str(user.get_full_name() or user.get_username()) for user in intake_officers(report.agency_id)]
