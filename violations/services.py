"""The only write path for reports: intake from every channel, reporters' additions, triage transitions.

Every status change locks the report, checks REPORT_TRANSITIONS, writes an audit event and a public
timeline entry in the same transaction, and schedules notifications on commit.
"""

import datetime
import hashlib
import json
import logging
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import partial
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Agency, BawasluOffice, CivilServant
from core.audit import audit_record
from core.errors import ConflictError, DomainError, TransitionNotAllowed
from core.hashers import PIN_HASHER
from core.transactions import on_commit
from violations.evidence import ValidatedEvidence
from violations.models import (
    BawasluForwarding,
    Channel,
    Election,
    Evidence,
    Report,
    ReportAddition,
    Reporter,
    ReportLink,
    ReportOutcome,
    TimelineEntry,
    ViolationType,
)

logger = logging.getLogger(__name__)

# Crockford's base32 without I, L, O, U: easy to read aloud and to type on a phone.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# Public timeline notes are stored untranslated (msgids, placeholders in TimelineEntry.note_params) and
# translated when shown (TimelineEntry.translated_note).
NOTE_RECEIVED = gettext_noop("Report received.")
NOTE_IN_REVIEW = gettext_noop("An officer is reviewing the report.")
NOTE_INFORMATION_REQUESTED = gettext_noop("The officer asks for more information: %(message)s")
NOTE_INFORMATION_ADDED = gettext_noop("The reporter added information.")
NOTE_REJECTED = gettext_noop("The report was not taken further: %(reason)s")
NOTE_MERGED = gettext_noop("The report concerns the same matter as another report and is handled with it.")
NOTE_IN_PROCESS = gettext_noop("A case was opened and is being handled under the civil-service discipline rules.")


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


def _new_tracking_code() -> str:
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"NTR-{body[:4]}-{body[4:]}"


def _new_pin() -> str:
    return f"{secrets.randbelow(10**8):08d}"


def _store_evidence(
    *, report: Report, items: Sequence[ValidatedEvidence], stored: list[str], addition: ReportAddition | None = None
) -> list[Evidence]:
    """Save files and rows; names of stored files go to `stored` so a failed transaction can remove them."""
    now = timezone.now()
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


class _RemoveFilesOnFailure:
    """Files are not transactional: remove what this block stored if the block raises or rolls back."""

    def __init__(self) -> None:
        self.stored: list[str] = []

    def __enter__(self) -> list[str]:
        return self.stored

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is not None:
            for name in self.stored:
                default_storage.delete(name)


def _add_links(report: Report, urls: Iterable[str]) -> None:
    now = timezone.now()
    ReportLink.objects.bulk_create(
        [ReportLink(report=report, url=url, normalized_url=normalize_url(url), added_at=now) for url in urls]
    )


def _match_civil_servant(nip: str) -> CivilServant | None:
    if not nip:
        return None
    return CivilServant.objects.filter(nip=nip).first()


def _timeline(
    report: Report, status: str, note: str, at: datetime.datetime | None = None, params: dict[str, str] | None = None
) -> None:
    """Append a public timeline entry: `note` is a msgid, `params` fill its placeholders when it is shown."""
    TimelineEntry.objects.create(
        report=report, status=status, at=at or timezone.now(), note=note, note_params=params or {}
    )


def default_agency() -> Agency:
    agency = Agency.objects.filter(is_default=True).first() or Agency.objects.order_by("id").first()
    if agency is None:
        raise DomainError("no_agency", _("Netra has no agency configured yet; an administrator must add one."))
    return agency


# --- intake -----------------------------------------------------------------------------------------


def _create_report(
    *,
    data: ReportInput,
    reporter: ReporterInput,
    agency: Agency,
    channel: str,
    source: str,
    evidence: Sequence[ValidatedEvidence],
    actor: Any,
    stored: list[str],
    submitted_by: Any = None,
    received_at: datetime.datetime | None = None,
    access_pin: str | None = None,
) -> SubmittedReport:
    pin = access_pin or _new_pin()
    now = received_at or timezone.now()
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
    for _attempt in range(5):
        report.tracking_code = _new_tracking_code()
        try:
            with transaction.atomic():
                report.save(force_insert=True)
            break
        except IntegrityError:
            if Report.objects.filter(tracking_code=report.tracking_code).exists():
                continue
            raise
    Reporter.objects.create(report=report, **asdict(reporter))
    _add_links(report, data.links)
    _store_evidence(report=report, items=evidence, stored=stored)
    _timeline(report, Report.Status.RECEIVED, NOTE_RECEIVED, at=now)
    audit_record(
        actor=actor,
        action="report_received",
        target=report,
        to_status=Report.Status.RECEIVED,
        data={"channel": channel, "source": source, "evidence": [item.sha256 for item in evidence]},
    )
    return SubmittedReport(report=report, access_pin=pin)


def report_submit(
    *,
    data: ReportInput,
    reporter: ReporterInput,
    evidence: Sequence[ValidatedEvidence] = (),
    channel: str = Channel.CITIZEN,
    source: str = Report.Source.WEB,
    agency: Agency | None = None,
    submitted_by: Any = None,
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
    with _RemoveFilesOnFailure() as stored, transaction.atomic():
        return _create_report(
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
    actor: Any = "citizen",
) -> ReportAddition:
    """Add a reporter's information to their report while it is open; an information request is answered by it."""
    if not description and not links and not evidence:
        raise DomainError("addition_empty", _("Add a description, a link or a file."), field="description")
    with _RemoveFilesOnFailure() as stored, transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.is_open_for_additions:
            raise ConflictError("report_closed", _("This report is closed; nothing can be added to it."))
        addition = ReportAddition.objects.create(report=report, description=description, added_at=timezone.now())
        _add_links(report, links)
        _store_evidence(report=report, items=evidence, stored=stored, addition=addition)
        _timeline(report, report.public_status, NOTE_INFORMATION_ADDED)
        audit_record(
            actor=actor,
            action="report_information_added",
            target=report,
            data={"addition": addition.pk, "links": len(links), "evidence": [item.sha256 for item in evidence]},
        )
        if report.status == Report.Status.AWAITING_INFORMATION:
            _transition(report, to=Report.Status.IN_REVIEW, actor=actor, action="report_information_received")
        return addition


# --- Bawaslu forwardings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForwardingResult:
    forwarding: BawasluForwarding
    created: bool


FORWARDING_FIELDS = (
    "reference_number",
    "origin",
    "election",
    "accused_name",
    "accused_nip",
    "accused_position",
    "accused_agency",
    "incident_date",
    "incident_place",
    "description",
    "violation_type",
    "recommendation",
    "letter_number",
    "links",
)


def forwarding_payload(data: Mapping[str, Any]) -> dict[str, Any]:
    """The normalised content of a forwarding, whether it came by API or web form.

    An omitted optional field equals an empty one and link order does not matter, so the same content is
    recognised as identical however it was sent.
    """
    payload = {key: data.get(key) or "" for key in FORWARDING_FIELDS}
    payload["incident_date"] = data["incident_date"].isoformat()
    payload["violation_type"] = data["violation_type"].code if data.get("violation_type") else ""
    payload["links"] = sorted(data.get("links") or [])
    return payload


def forwarding_report_input(data: Mapping[str, Any]) -> ReportInput:
    """The report facts of a forwarding; its free-text election is matched to a known election by name."""
    election_text = data.get("election") or ""
    election = Election.objects.filter(name__iexact=election_text).first() if election_text else None
    return ReportInput.from_cleaned_data(data, election=election, election_text=election_text)


def forwarding_fingerprint(*, payload: dict[str, Any], evidence: Sequence[ValidatedEvidence]) -> str:
    """A stable digest of what an office sent, to tell an identical repeat from a conflicting one."""
    canonical = {key: value for key, value in payload.items() if key != "evidence"}
    canonical["evidence"] = sorted(item.sha256 for item in evidence)
    encoded = json.dumps(canonical, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def forwarding_submit(
    *,
    office: BawasluOffice,
    reference_number: str,
    origin: str,
    data: ReportInput,
    recommendation: str = "",
    letter_number: str = "",
    evidence: Sequence[ValidatedEvidence] = (),
    fingerprint: str,
    source: str = Report.Source.API,
    submitted_by: Any = None,
    received_at: datetime.datetime | None = None,
) -> ForwardingResult:
    """Record a Bawaslu forwarding, idempotent on (office, reference number).

    The same content again returns the stored forwarding (created=False); other content raises a
    ConflictError and changes nothing.
    """
    existing = _existing_forwarding(office=office, reference_number=reference_number, fingerprint=fingerprint)
    if existing is not None:
        return ForwardingResult(forwarding=existing, created=False)
    try:
        with _RemoveFilesOnFailure() as stored, transaction.atomic():
            submitted = _create_report(
                data=data,
                reporter=ReporterInput(organisation=office.name),
                agency=office.agency,
                channel=Channel.BAWASLU,
                source=source,
                evidence=evidence,
                actor=submitted_by or f"bawaslu:{office.pk}",
                stored=stored,
                submitted_by=submitted_by,
                received_at=received_at,
            )
            forwarding = BawasluForwarding.objects.create(
                report=submitted.report,
                office=office,
                reference_number=reference_number,
                origin=origin,
                recommendation=recommendation,
                letter_number=letter_number,
                content_fingerprint=fingerprint,
            )
    except IntegrityError:
        # A concurrent request with the same reference number won the race.
        existing = _existing_forwarding(office=office, reference_number=reference_number, fingerprint=fingerprint)
        if existing is None:
            raise
        return ForwardingResult(forwarding=existing, created=False)
    return ForwardingResult(forwarding=forwarding, created=True)


def _existing_forwarding(*, office: BawasluOffice, reference_number: str, fingerprint: str) -> BawasluForwarding | None:
    existing = (
        BawasluForwarding.objects.select_related("report")
        .filter(office=office, reference_number=reference_number)
        .first()
    )
    if existing is not None and existing.content_fingerprint != fingerprint:
        raise ConflictError(
            "forwarding_conflict",
            _(
                "A forwarding with reference number %(number)s already exists with other content. Nothing was "
                "changed; send corrections through your contact at the agency."
            )
            % {"number": reference_number},
        )
    return existing


# --- triage transitions ---------------------------------------------------------------------------------


def _transition(
    report: Report,
    *,
    to: str,
    actor: Any,
    action: str,
    reason: str = "",
    note: str = "",
    note_params: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
) -> Report:
    """Move a locked report to `to`, writing the audit event and the public timeline entry."""
    if not report.can_transition_to(to):
        raise TransitionNotAllowed(
            "report_transition_not_allowed",
            _("A report in status “%(from)s” cannot become “%(to)s”.")
            % {"from": report.get_status_display(), "to": Report.Status(to).label},
        )
    previous = report.status
    report.status = to
    report.full_clean(exclude=["access_pin_hash"])
    report.save(update_fields=["status", "rejection_reason", "information_request", "merged_into", "updated_at"])
    audit_record(
        actor=actor, action=action, target=report, from_status=previous, to_status=to, reason=reason, data=data
    )
    public_before, public_after = Report(status=previous).public_status, report.public_status
    if note or public_before != public_after:
        _timeline(report, public_after, note, params=note_params)
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def report_start_review(*, report: Report, actor: Any) -> Report:
    """An intake officer takes up a received report. Idempotent."""
    report = _locked(report)
    if report.status == Report.Status.IN_REVIEW:
        return report
    return _transition(
        report, to=Report.Status.IN_REVIEW, actor=actor, action="report_review_started", note=NOTE_IN_REVIEW
    )


@transaction.atomic
def report_reject(*, report: Report, actor: Any, reason: str) -> Report:
    """Reject a report with a reason the reporter will read. Idempotent for an already rejected report."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give the reason for the rejection."), field="reason")
    report = _locked(report)
    if report.status == Report.Status.REJECTED:
        return report
    report.rejection_reason = reason.strip()
    return _transition(
        report,
        to=Report.Status.REJECTED,
        actor=actor,
        action="report_rejected",
        reason=report.rejection_reason,
        note=NOTE_REJECTED,
        note_params={"reason": report.rejection_reason},
    )


@transaction.atomic
def report_request_information(*, report: Report, actor: Any, message: str) -> Report:
    """Ask the reporter for more information; the message is shown on their status page."""
    if not message.strip():
        raise DomainError("message_required", _("Write what the reporter should add."), field="message")
    report = _locked(report)
    message = message.strip()
    if report.status == Report.Status.AWAITING_INFORMATION:
        if report.information_request == message:
            return report  # the same request again: nothing new to tell the reporter
        # A new question while the reporter has not answered yet: same status, new message.
        report.information_request = message
        report.save(update_fields=["information_request", "updated_at"])
        audit_record(
            actor=actor,
            action="report_information_requested",
            target=report,
            from_status=report.status,
            to_status=report.status,
            reason=message,
        )
        _timeline(report, report.public_status, NOTE_INFORMATION_REQUESTED, params={"message": message})
    else:
        report.information_request = message
        _transition(
            report,
            to=Report.Status.AWAITING_INFORMATION,
            actor=actor,
            action="report_information_requested",
            reason=message,
            note=NOTE_INFORMATION_REQUESTED,
            note_params={"message": message},
        )
    on_commit(partial(_email_information_request, report.pk))
    return report


def _email_information_request(report_id: int) -> None:
    """Tell a reporter who gave an e-mail address that the officer asks for more (after commit, best effort).

    The e-mail carries the officer's question and where to answer it; never the PIN, never anyone's identity.
    """
    report = Report.objects.select_related("reporter").filter(pk=report_id).first()
    reporter = getattr(report, "reporter", None) if report is not None else None
    if report is None or reporter is None or reporter.anonymous or not reporter.email:
        return
    status_url = settings.NETRA_SITE_URL.rstrip("/") + reverse("public:report-status")
    values = {"code": report.tracking_code, "message": report.information_request, "url": status_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Netra: more information is needed for report %(code)s") % values
        body = (
            _(
                "An officer reviewing your report %(code)s asks for more information:\n\n%(message)s\n\n"
                "To answer, open %(url)s, enter your tracking code and PIN, and add the information or evidence.\n"
                "Netra never sends your PIN by e-mail. Do not reply to this message."
            )
            % values
        )
    try:
        send_mail(subject, body, None, [reporter.email])
    except Exception:  # the request is stored and shown on the status page; the e-mail is only a courtesy
        logger.exception("Information request e-mail for report %s could not be sent", report_id)


@transaction.atomic
def report_mark_duplicate(*, report: Report, original: Report, actor: Any) -> Report:
    """Link `report` to `original` as a duplicate: it is handled with it and follows its case."""
    if report.pk == original.pk:
        raise DomainError("duplicate_of_itself", _("A report cannot duplicate itself."), field="original")
    if report.agency_id != original.agency_id:
        raise DomainError("duplicate_other_agency", _("Both reports must belong to the same agency."), field="original")
    locked = {
        r.pk: r for r in Report.objects.select_for_update().filter(pk__in=[report.pk, original.pk]).order_by("pk")
    }
    report, original = locked[report.pk], locked[original.pk]
    root, chain = _merge_root(original)
    if report.pk in chain:
        raise DomainError("duplicate_cycle", _("That report is already a duplicate of this one."), field="original")
    if root.pk != original.pk:
        root = _locked(root)
    if report.status == Report.Status.MERGED and report.merged_into_id == root.pk:
        return report
    if root.status in (Report.Status.REJECTED, Report.Status.CLOSED):
        raise DomainError("duplicate_of_closed", _("A report cannot be linked to a closed report."), field="original")
    report.merged_into = root
    _transition(
        report,
        to=Report.Status.MERGED,
        actor=actor,
        action="report_merged",
        note=NOTE_MERGED,
        data={"merged_into": root.tracking_code},
    )
    # Duplicates always point at a root (never at another duplicate): this report's own duplicates move along.
    followers = [report, *_repoint_duplicates(previous_root=report, root=root, actor=actor)]
    if root.status == Report.Status.IN_PROCESS:
        # The original is already a case: the duplicates' reporters follow that case too.
        for follower in followers:
            _transition(
                follower,
                to=Report.Status.IN_PROCESS,
                actor=actor,
                action="report_case_registered",
                note=NOTE_IN_PROCESS,
                data={"merged_into": root.tracking_code},
            )
    return report


def _merge_root(report: Report) -> tuple[Report, set[int]]:
    """The report a chain of duplicates ends at, and the ids passed on the way (to refuse cycles)."""
    chain = {report.pk}
    while report.merged_into_id is not None and report.merged_into_id not in chain:
        report = Report.objects.get(pk=report.merged_into_id)
        chain.add(report.pk)
    return report, chain


def _repoint_duplicates(*, previous_root: Report, root: Report, actor: Any) -> list[Report]:
    moved = list(Report.objects.select_for_update().filter(merged_into=previous_root).order_by("pk"))
    for duplicate in moved:
        duplicate.merged_into = root
        duplicate.save(update_fields=["merged_into", "updated_at"])
        audit_record(
            actor=actor,
            action="report_merged",
            target=duplicate,
            from_status=duplicate.status,
            to_status=duplicate.status,
            data={"merged_into": root.tracking_code, "via": previous_root.tracking_code},
        )
    return moved


def report_mark_in_process(*, report: Report, actor: Any, case_number: str) -> Report:
    """Called by casework inside its transaction when a case is registered over this report."""
    report = _locked(report)
    if report.status == Report.Status.IN_PROCESS:
        return report
    return _transition(
        report,
        to=Report.Status.IN_PROCESS,
        actor=actor,
        action="report_case_registered",
        note=NOTE_IN_PROCESS,
        data={"case": case_number},
    )


@transaction.atomic
def report_record_outcome(
    *,
    report: Report,
    proven: bool,
    decided_at: datetime.date,
    sanction_type: str = "",
    sanction_label: str = "",
    decision_number: str = "",
) -> ReportOutcome:
    """Store the public-safe outcome once a decision takes effect (called by the sanctions app)."""
    outcome, _created = ReportOutcome.objects.update_or_create(
        report=report,
        defaults={
            "proven": proven,
            "decided_at": decided_at,
            "sanction_type": sanction_type,
            "sanction_label": sanction_label,
            "decision_number": decision_number,
        },
    )
    return outcome


# --- Bawaslu office accounts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeAccount:
    office: BawasluOffice
    user: Any
    token: str  # the API key for `Authorization: Token <key>`


@transaction.atomic
def bawaslu_office_create(*, name: str, agency: Agency, username: str, email: str = "") -> OfficeAccount:
    """Create a Bawaslu office, its account (role Bawaslu office, no password: set one for the web login) and its
    API token. Refuses an existing office or username; nothing is created then."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from accounts.roles import Role

    if BawasluOffice.objects.filter(name__iexact=name).exists():
        raise ConflictError("office_exists", _("A Bawaslu office named “%(name)s” already exists.") % {"name": name})
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ConflictError("username_taken", _("The username “%(username)s” is taken.") % {"username": username})
    office = BawasluOffice(name=name, agency=agency, email=email)
    office.full_clean()
    office.save(force_insert=True)
    user = user_model(username=username, email=email, first_name=name[:150], bawaslu_office=office)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save(force_insert=True)
    user.groups.add(Group.objects.get_or_create(name=str(Role.BAWASLU_OFFICE))[0])
    token = Token.objects.create(user=user)
    audit_record(actor=None, action="bawaslu_office_created", target=office, data={"username": username})
    return OfficeAccount(office=office, user=user, token=token.key)


@transaction.atomic
def bawaslu_office_rotate_token(*, office: BawasluOffice, username: str = "") -> OfficeAccount:
    """Replace the API token of the office's account: the old token stops working at once."""
    from rest_framework.authtoken.models import Token

    accounts = list(office.accounts.filter(username=username) if username else office.accounts.all())
    if len(accounts) != 1:
        raise DomainError(
            "office_account_ambiguous",
            _("Name the office's account with --username (the office has %(count)d accounts).")
            % {"count": len(accounts)},
        )
    user = accounts[0]
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit_record(actor=None, action="bawaslu_token_rotated", target=office, data={"username": user.username})
    return OfficeAccount(office=office, user=user, token=token.key)
