"""The demo's 60 reports, filed through the channel's intake service and brought to their status by triage.

A report is found by its stable key (a Bawaslu forwarding by office and reference number, any other by its
description); one found part-way through its triage (an interrupted run) is brought to its target status.
"""

import datetime

from django.db import transaction

from accounts.models import User
from core import clock
from demo.context import DemoContext, DemoResult
from demo.data.organisation import UNITS
from demo.data.reports import DemoReport
from demo.evidence import screenshots
from violations import services as violation_services
from violations.models import BawasluForwarding, Channel, Election, ElectionStage, Report
from violations.services import ReporterInput, ReportInput

TRIAGE = (Report.Status.RECEIVED, Report.Status.IN_REVIEW, Report.Status.AWAITING_INFORMATION)
_UNIT_NAMES = {code: name for code, name, _parent, _kind in UNITS}


def reports_ensure(specs: list[DemoReport], context: DemoContext, result: DemoResult) -> None:
    """File and triage each report in its own transaction, in the order they were received."""
    existing = _existing_reports(specs, context)
    for spec in specs:
        with transaction.atomic():
            context.reports[spec.key] = existing.get(spec.key) or _report_file(spec, context, result)
            _triage(context.reports[spec.key], spec, context)


def _existing_reports(specs: list[DemoReport], context: DemoContext) -> dict[str, Report]:
    """The reports filed on an earlier run, by spec key: a forwarding by office and reference number, any other
    report by its channel and description (unique among the demo reports)."""
    forwarded = BawasluForwarding.objects.select_related("report").filter(
        office__in=context.offices.values(), reference_number__in=[spec.reference for spec in specs if spec.reference]
    )
    by_reference = {(item.office_id, item.reference_number): item.report for item in forwarded}
    filed = Report.objects.filter(
        agency=context.agency, description__in=[spec.description for spec in specs if spec.channel != Channel.BAWASLU]
    )
    by_description = {(report.channel, report.description): report for report in filed}
    found: dict[str, Report] = {}
    for spec in specs:
        if spec.channel == Channel.BAWASLU:
            report = by_reference.get((context.offices[spec.office].pk, spec.reference))
        else:
            report = by_description.get((spec.channel, spec.description))
        if report is not None:
            found[spec.key] = report
    return found


def _received_at(spec: DemoReport) -> datetime.datetime:
    moment = datetime.datetime.strptime(spec.received, "%Y-%m-%d %H:%M")
    return clock.at(moment.date(), moment.hour, moment.minute)


def _report_file(spec: DemoReport, context: DemoContext, result: DemoResult) -> Report:
    """The spec's report, filed through the channel's service."""
    data = _report_input(spec, context)
    evidence = screenshots(spec)
    result.created["reports"] += 1
    if spec.channel == Channel.BAWASLU:
        payload = {"reference_number": spec.reference, "origin": spec.origin, "description": spec.description}
        forwarded = violation_services.forwarding_submit(
            office=context.offices[spec.office],
            reference_number=spec.reference,
            origin=spec.origin,
            data=data,
            recommendation=spec.recommendation,
            letter_number=spec.letter_number,
            evidence=evidence,
            fingerprint=violation_services.forwarding_fingerprint(payload=payload, evidence=evidence),
            received_at=_received_at(spec),
        )
        return forwarded.forwarding.report
    internal = spec.channel != Channel.CITIZEN
    submitted = violation_services.report_submit(
        data=data,
        reporter=ReporterInput(**spec.reporter),  # type: ignore[arg-type]
        evidence=evidence,
        channel=spec.channel,
        source=Report.Source.STAFF if internal else spec.source,
        agency=context.agency,
        submitted_by=_submitter(spec, context) if internal else None,
        received_at=_received_at(spec),
        access_pin=spec.pin or None,
    )
    return submitted.report


def _submitter(spec: DemoReport, context: DemoContext) -> User:
    # Diskominfo and the Inspektorat enter their own findings; a superior's letter is entered by the intake officer.
    return context.users[{"diskominfo": "diskominfo", "inspectorate": "inspektorat"}.get(spec.channel, "intake")]


def _report_input(spec: DemoReport, context: DemoContext) -> ReportInput:
    election = context.elections[spec.election]
    incident = datetime.date.fromisoformat(spec.incident)
    person = context.people.get(spec.accused)
    if person is not None:
        name, position, unit = person.name, person.post.title, _UNIT_NAMES[person.unit_code]
        nip = person.nip if spec.nip_given else ""
    else:
        (name, position, unit), nip = spec.accused_text, ""
    return ReportInput(
        accused_name=name,
        accused_nip=nip,
        accused_position=position,
        accused_agency=unit,
        incident_date=incident,
        incident_place=spec.place,
        platform=spec.platform,
        description=spec.description,
        violation_type=context.violation_types[spec.violation],
        election=election,
        election_text=election.name,
        election_stage=election_stage(election, incident),
        date_known=incident,
        links=list(spec.links),
    )


def election_stage(election: Election, day: datetime.date) -> str:
    """The stage of the election on the day of the incident (unknown while the election has no dates)."""
    if not (election.campaign_start and election.campaign_end and election.voting_day):
        return ElectionStage.UNKNOWN
    if day < election.campaign_start:
        return ElectionStage.BEFORE_CAMPAIGN
    if day <= election.campaign_end:
        return ElectionStage.CAMPAIGN
    if day < election.voting_day:
        return ElectionStage.QUIET_PERIOD
    return ElectionStage.VOTING if day == election.voting_day else ElectionStage.AFTER


def _triage(report: Report, spec: DemoReport, context: DemoContext) -> None:
    """Bring the report to the spec's status through the triage services (cases are registered later)."""
    if spec.status == Report.Status.RECEIVED:
        return
    actor = context.users["intake"]
    if report.status == Report.Status.RECEIVED:
        report = violation_services.report_start_review(report=report, actor=actor)
    if report.status not in TRIAGE:
        return
    if spec.status == Report.Status.AWAITING_INFORMATION:
        answered = report.additions.exists()
        if report.status == Report.Status.IN_REVIEW and not answered:
            report = violation_services.report_request_information(report=report, actor=actor, message=spec.message)
        if spec.answer and report.status == Report.Status.AWAITING_INFORMATION:
            violation_services.report_add_information(report=report, description=spec.answer, actor="citizen")
    elif spec.status == Report.Status.REJECTED:
        violation_services.report_reject(report=report, actor=actor, reason=spec.message)
    elif spec.status == Report.Status.MERGED:
        original = context.reports[spec.duplicate_of]
        violation_services.report_mark_duplicate(report=report, original=original, actor=actor)
