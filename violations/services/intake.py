"""Intake: reports from every channel and reporters' additions; a refused request leaves no row and no file."""

import datetime
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.contrib.auth.hashers import make_password
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Agency, CivilServant
from core import clock
from core.audit import audit_record
from core.errors import ConflictError, DomainError
from core.hashers import PIN_HASHER
from core.storage import remove_files_on_failure
from violations.audit_actions import REPORT_INFORMATION_ADDED, REPORT_INFORMATION_RECEIVED, REPORT_RECEIVED
from violations.case_handover import evidence_hand_over_on_commit
from violations.evidence import ValidatedEvidence
from violations.models import (
    REPORT_LIFECYCLE,
    Channel,
    Election,
    Evidence,
    Report,
    ReportAddition,
    Reporter,
    ReportLink,
    ViolationType,
)
from violations.services.public_timeline import NOTE_INFORMATION_ADDED, NOTE_RECEIVED, timeline_append
from violations.services.report_transitions import report_transition
from violations.services.triage_inbox import notify_report_received
from violations.tracking_codes import new_tracking_code

# A report in these statuses belongs to a case: evidence added to it is handed over to the case.
_IN_A_CASE = (Report.Status.IN_PROCESS, Report.Status.DECIDED)

# Crockford's base32 without I, L, O, U: easy to read aloud and to type on a phone.


@dataclass
class ReporterInput:
    anonymous: bool = False
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    id_number: str = ""
    organisation: str = ""

    @classmethod
    def from_cleaned_data(cls, data: Mapping[str, Any]) -> "ReporterInput":
        """From a form's or serializer's validated data, whose identity fields are named `reporter_<field>`."""
        names = {item.name for item in fields(cls)} - {"anonymous"}
        values = {name: data[f"reporter_{name}"] for name in names if f"reporter_{name}" in data}
        return cls(anonymous=bool(data.get("anonymous", False)), **values)


@dataclass
class ReportInput:
    """What every channel provides about the act and the accused (validated by the interface)."""

    accused_name: str
    incident_date: datetime.date
    description: str
    accused_nip: str = ""
    accused_position: str = ""
    accused_agency: str = ""
    incident_time: datetime.time | None = None
    incident_place: str = ""
    platform: str = ""
    witnesses: str = ""
    violation_type: ViolationType | None = None
    election: Election | None = None
    election_text: str = ""
    election_stage: str = ""
    date_known: datetime.date | None = None
    links: list[str] = field(default_factory=list)

    @classmethod
    def from_cleaned_data(cls, data: Mapping[str, Any], **overrides: Any) -> "ReportInput":
        """From a form's or serializer's validated data: fields it lacks keep their defaults."""
        names = {item.name for item in fields(cls)} - set(overrides)
        return cls(**{key: value for key, value in data.items() if key in names}, **overrides)


@dataclass(frozen=True)
class CapturedEvidence(ValidatedEvidence):
    """Evidence with where and when it was captured, e.g. a screenshot of a post that may disappear."""

    source_url: str = ""
    captured_at: datetime.datetime | None = None


@dataclass(frozen=True)
class SubmittedReport:
    report: Report
    access_pin: str  # shown once to the reporter, stored only as a hash


# --- helpers ---------------------------------------------------------------------------------------


def normalize_url(url: str) -> str:
    """A comparable form of a link: lower-case host, no scheme difference, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.rstrip("/")
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


def _new_pin() -> str:
    return f"{secrets.randbelow(10**8):08d}"


def _store_evidence(
    *, report: Report, items: Sequence[ValidatedEvidence], stored: list[str], addition: ReportAddition | None = None
) -> list[Evidence]:
    """Save files and rows; names of stored files go to `stored` so a failed transaction can remove them."""
    now = clock.now()
    rows = []
    for item in items:
        evidence = Evidence(
            report=report,
            addition=addition,
            original_name=item.original_name,
            content_type=item.content_type,
            kind=item.kind,
            size=item.size,
            sha256=item.sha256,
            stored_sha256=item.stored_sha256,
            source_url=item.source_url if isinstance(item, CapturedEvidence) else "",
            captured_at=item.captured_at if isinstance(item, CapturedEvidence) else None,
            uploaded_at=now,
        )
        item.file.seek(0)
        evidence.file.save(item.original_name, File(item.file), save=False)
        stored.append(str(evidence.file.name))
        evidence.save(force_insert=True)
        rows.append(evidence)
    return rows


def _add_links(report: Report, urls: Iterable[str]) -> None:
    now = clock.now()
    ReportLink.objects.bulk_create(
        [ReportLink(report=report, url=url, normalized_url=normalize_url(url), added_at=now) for url in urls]
    )


def _match_civil_servant(nip: str) -> CivilServant | None:
    if not nip:
        return None
    return CivilServant.objects.filter(nip=nip).first()


def default_agency() -> Agency:
    agency = Agency.objects.filter(is_default=True).first() or Agency.objects.order_by("id").first()
    if agency is None:
        raise DomainError("no_agency", _("Netra has no agency configured yet; an administrator must add one."))
    return agency


# --- intake -----------------------------------------------------------------------------------------


def report_create(
    *,
    data: ReportInput,
    reporter: ReporterInput,
    agency: Agency,
    channel: str,
    source: str,
    evidence: Sequence[ValidatedEvidence],
    actor: Actor | str,
    stored: list[str],
    submitted_by: Actor | None = None,
    received_at: datetime.datetime | None = None,
    access_pin: str | None = None,
) -> SubmittedReport:
    """The step every channel shares (report_submit, forwarding_submit): the report, its reporter, links, evidence,
    first timeline entry and audit event. Call it inside the caller's transaction and
    `remove_files_on_failure()` context, whose list of stored file names is `stored`."""
    pin = access_pin or _new_pin()
    now = received_at or clock.now()
    report = Report(
        agency=agency,
        channel=channel,
        source=source,
        received_at=now,
        access_pin_hash=make_password(pin, hasher=PIN_HASHER),
        submitted_by=submitted_by,
        accused=_match_civil_servant(data.accused_nip),
        **{key: value for key, value in asdict(data).items() if key not in ("links", "violation_type", "election")},
        violation_type=data.violation_type,
        election=data.election,
    )
    _save_with_new_tracking_code(report)
    Reporter.objects.create(report=report, **asdict(reporter))
    _add_links(report, data.links)
    _store_evidence(report=report, items=evidence, stored=stored)
    timeline_append(report, NOTE_RECEIVED, status=Report.Status.RECEIVED, at=now)
    audit_record(
        actor=actor,
        action=REPORT_RECEIVED,
        target=report,
        to_status=Report.Status.RECEIVED,
        data={"channel": channel, "source": source, "evidence": [item.sha256 for item in evidence]},
    )
    notify_report_received(report)
    return SubmittedReport(report=report, access_pin=pin)


def _save_with_new_tracking_code(report: Report) -> None:
    """Insert the report under a fresh random tracking code, drawing again on the rare collision."""
    for _attempt in range(5):
        report.tracking_code = new_tracking_code()
        try:
            with transaction.atomic():
                report.save(force_insert=True)
            return
        except IntegrityError:
            if Report.objects.filter(tracking_code=report.tracking_code).exists():
                continue
            raise


def report_submit(
    *,
    data: ReportInput,
    reporter: ReporterInput,
    evidence: Sequence[ValidatedEvidence] = (),
    channel: str = Channel.CITIZEN,
    source: str = Report.Source.WEB,
    agency: Agency | None = None,
    submitted_by: Actor | None = None,
    received_at: datetime.datetime | None = None,
    access_pin: str | None = None,
) -> SubmittedReport:
    """File a report (citizen, or an internal finding entered by staff). Returns the report and its PIN.

    Evidence must already be validated; on any failure no row and no file remains. `received_at` (default now)
    is for reports received earlier on paper or by letter; `access_pin` (default random) is for demo data only.
    """
    if access_pin is not None and not (len(access_pin) == 8 and access_pin.isdigit()):
        raise ValueError("access_pin must be 8 digits")
    if not reporter.anonymous and not reporter.name and not reporter.organisation:
        raise DomainError("reporter_name_required", _("Give your name or report anonymously."), field="reporter_name")
    with remove_files_on_failure() as stored, transaction.atomic():
        return report_create(
            data=data,
            reporter=reporter,
            agency=agency or default_agency(),
            channel=channel,
            source=source,
            evidence=evidence,
            actor=submitted_by or "citizen",
            stored=stored,
            submitted_by=submitted_by,
            received_at=received_at,
            access_pin=access_pin,
        )


def report_add_information(
    *,
    report: Report,
    description: str = "",
    links: Sequence[str] = (),
    evidence: Sequence[ValidatedEvidence] = (),
    actor: Actor | str = "citizen",
) -> ReportAddition:
    """Add a reporter's information to their report while it is open; an information request is answered by it."""
    if not description and not links and not evidence:
        raise DomainError("addition_empty", _("Add a description, a link or a file."), field="description")
    with remove_files_on_failure() as stored, transaction.atomic():
        report = REPORT_LIFECYCLE.lock(report)
        if not report.is_open_for_additions:
            raise ConflictError("report_closed", _("This report is closed; nothing can be added to it."))
        addition = ReportAddition.objects.create(report=report, description=description, added_at=clock.now())
        _add_links(report, links)
        _store_evidence(report=report, items=evidence, stored=stored, addition=addition)
        timeline_append(report, NOTE_INFORMATION_ADDED)
        audit_record(
            actor=actor,
            action=REPORT_INFORMATION_ADDED,
            target=report,
            data={"addition": addition.pk, "links": len(links), "evidence": [item.sha256 for item in evidence]},
        )
        if report.status == Report.Status.AWAITING_INFORMATION:
            report_transition(report, to=Report.Status.IN_REVIEW, actor=actor, action=REPORT_INFORMATION_RECEIVED)
        if evidence and report.status in _IN_A_CASE:
            evidence_hand_over_on_commit(report.pk)
        return addition
