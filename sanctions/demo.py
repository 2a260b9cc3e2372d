"""The demo regency (Kabupaten Lebong): units, civil servants, accounts for every role, Bawaslu offices, reports.

Everything is created through the services a person would use (import, report_submit, forwarding_submit, the triage
transitions, case_register), so the demo shows real audit trails and timelines. Idempotent: each object has a
stable key (codes, NIPs, usernames, office names, reference numbers, report descriptions) and is skipped when it
exists; a report found part-way through its triage is brought to its target status.
"""

import datetime
import io
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from rest_framework.authtoken.models import Token

from accounts.importing import civil_servants_import
from accounts.models import Agency, BawasluOffice, CivilServant, Unit, User
from accounts.roles import Role
from casework.services import case_register
from sanctions.demo_data import register
from sanctions.demo_data.reports import BAWASLU_OFFICES, ELECTIONS, REPORTS, DemoReport
from sanctions.demo_decisions import demo_decisions
from violations import services as violation_services
from violations.evidence import validate_evidence_file
from violations.models import BawasluForwarding, Channel, Election, ElectionStage, Report, ViolationType
from violations.services import CapturedEvidence, ReporterInput, ReportInput

DEMO_PASSWORD = "netra-demo-2026"  # noqa: S105 -- published on purpose: demo accounts only

# username, role, position (for accounts tied to a register entry the person's name and NIP are used)
STAFF_ACCOUNTS: list[tuple[str, Role, str, str]] = [
    ("admin", Role.ADMINISTRATOR, "", "Administrator Sistem Netra"),
    ("intake", Role.INTAKE_OFFICER, "analyst:bkpsdm:1", ""),
    ("examiner", Role.EXAMINER, "auditor:2", ""),
    ("official", Role.SANCTIONING_OFFICIAL, "", "Bupati Lebong (Pejabat Pembina Kepegawaian)"),
    ("leader", Role.LEADERSHIP, "sekda", ""),
    ("diskominfo", Role.INTERNAL_REPORTER, "monitor:diskominfo:1", ""),
    ("inspektorat", Role.INTERNAL_REPORTER, "auditor:3", ""),
]
_TRIAGE = (Report.Status.RECEIVED, Report.Status.IN_REVIEW, Report.Status.AWAITING_INFORMATION)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    name: str


@dataclass
class DemoResult:
    created: Counter[str] = field(default_factory=Counter)
    logins: list[DemoLogin] = field(default_factory=list)
    tokens: list[tuple[str, str, str]] = field(default_factory=list)  # office, username, token
    receipts: list[tuple[str, str, str]] = field(default_factory=list)  # tracking code, PIN, status


class _PasswordHash:
    """The demo password hashed once, and only if an account is created (each PBKDF2 hash takes ~0.5 s)."""

    def __init__(self) -> None:
        self._value = ""

    def get(self) -> str:
        self._value = self._value or make_password(DEMO_PASSWORD)
        return self._value


@dataclass
class _Context:
    agency: Agency
    people: dict[str, register.Person]
    users: dict[str, User]
    offices: dict[str, BawasluOffice]
    elections: dict[str, Election]
    violation_types: dict[str, ViolationType]
    reports: dict[str, Report] = field(default_factory=dict)


def demo_build() -> DemoResult:
    """Build (or complete) the demo regency and return what was created plus the logins to print."""
    result = DemoResult()
    agency = _agency(result)
    _units(agency, result)
    people = {person.post.key: person for person in register.people()}
    _register(agency, people, result)
    password = _PasswordHash()
    context = _Context(
        agency=agency,
        people=people,
        users=_staff_accounts(agency, people, password, result),
        offices=_bawaslu_offices(agency, password, result),
        elections=_elections(result),
        violation_types={violation.code: violation for violation in ViolationType.objects.all()},
    )
    specs = sorted(REPORTS, key=lambda spec: spec.received)
    for spec in specs:
        with transaction.atomic():
            context.reports[spec.key] = _report(spec, context, result)
            _triage(context.reports[spec.key], spec, context)
    _cases(specs, context, result)
    moved = demo_decisions(agency=agency, users=context.users, reports=context.reports)
    if moved:
        result.created["cases taken through the procedure"] += moved
    for spec in specs:
        if spec.pin:
            report = context.reports[spec.key]
            report.refresh_from_db(fields=["status"])
            result.receipts.append((report.tracking_code, spec.pin, report.public_status))
    return result


# --- organisation and people -------------------------------------------------------------------------------


def _agency(result: DemoResult) -> Agency:
    agency = Agency.objects.filter(code=register.AGENCY["code"]).first()
    if agency is None:
        agency = Agency(**register.AGENCY, is_default=not Agency.objects.filter(is_default=True).exists())
        agency.full_clean()
        agency.save(force_insert=True)
        result.created["agencies"] += 1
    return agency


def _units(agency: Agency, result: DemoResult) -> None:
    for code, name, parent_code, _kind in register.UNITS:
        if Unit.objects.filter(agency=agency, code=code).exists():
            continue
        parent = Unit.objects.get(agency=agency, code=parent_code) if parent_code else None
        Unit.objects.create(agency=agency, code=code, name=name, parent=parent)
        result.created["units"] += 1


def _register(agency: Agency, people: dict[str, register.Person], result: DemoResult) -> None:
    """Import the civil servants not yet in the register (existing entries, perhaps edited, are left alone)."""
    known = set(CivilServant.objects.filter(nip__in=[p.nip for p in people.values()]).values_list("nip", flat=True))
    unit_names = {code: name for code, name, _parent, _kind in register.UNITS}
    rows = [
        (
            line,
            {
                "nip": person.nip,
                "name": person.name,
                "employee_type": "PPPK" if person.post.pppk else "PNS",
                "position_title": person.post.title,
                "position_kind": person.post.kind,
                "functional_level": person.post.level,
                "rank": person.rank,
                "unit_code": person.unit_code,
                "unit_name": unit_names[person.unit_code],
                "superior_nip": people[person.post.superior].nip if person.post.superior else "",
            },
        )
        for line, person in enumerate(people.values(), start=2)
        if person.nip not in known
    ]
    if not rows:
        return
    imported = civil_servants_import(rows=rows, agency=agency)
    if imported.errors:
        raise RuntimeError("Demo register rows were refused: " + "; ".join(map(str, imported.errors)))
    result.created["civil servants"] += imported.created


@transaction.atomic
def _staff_accounts(
    agency: Agency, people: dict[str, register.Person], password: _PasswordHash, result: DemoResult
) -> dict[str, User]:
    """One account per role, each with the published demo password."""
    users: dict[str, User] = {}
    units = {unit.code: unit for unit in agency.units.all()}
    for username, role, person_key, position in STAFF_ACCOUNTS:
        person = people.get(person_key)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                password=password.get(),
                first_name=person.name if person else position.split(" (")[0],
                email=f"{username}@example.com",
                agency=agency,
                position_title=f"{person.post.title}, {units[person.unit_code].name}" if person else position,
                nip=person.nip if person else "",
                is_staff=role == Role.ADMINISTRATOR,
                is_superuser=role == Role.ADMINISTRATOR,
            )
            user.full_clean(exclude=["password"])
            user.save(force_insert=True)
            user.groups.add(Group.objects.get(name=str(role)))
            if role == Role.INTERNAL_REPORTER and person:
                user.units.add(units[person.unit_code])
            result.created["accounts"] += 1
        users[username] = user
        result.logins.append(DemoLogin(username, role, user.get_full_name() or username))
    return users


@transaction.atomic
def _bawaslu_offices(agency: Agency, password: _PasswordHash, result: DemoResult) -> dict[str, BawasluOffice]:
    offices: dict[str, BawasluOffice] = {}
    for key, spec in BAWASLU_OFFICES.items():
        office = BawasluOffice.objects.filter(name=spec["name"]).first()
        if office is None:
            account = violation_services.bawaslu_office_create(
                name=spec["name"], agency=agency, username=spec["username"], email=spec["email"]
            )
            office = account.office
            office.level = spec["level"]
            office.full_clean()
            office.save(update_fields=["level", "updated_at"])
            # The service leaves the web login without a password; the demo gives it the published one.
            account.user.password = password.get()
            account.user.save(update_fields=["password"])
            result.created["Bawaslu offices"] += 1
        offices[key] = office
        user = office.accounts.filter(username=spec["username"]).first()
        if user is not None:
            token = Token.objects.filter(user=user).values_list("key", flat=True).first() or "—"
            result.tokens.append((office.name, user.username, token))
            result.logins.append(DemoLogin(user.username, Role.BAWASLU_OFFICE, office.name))
    return offices


def _elections(result: DemoResult) -> dict[str, Election]:
    elections: dict[str, Election] = {}
    for key, (name, kind, year, region, start, end, voting) in ELECTIONS.items():
        election = Election.objects.filter(name=name).first()
        if election is None:
            election = Election.objects.create(
                name=name,
                kind=kind,
                year=year,
                region=region,
                campaign_start=_date(start) if start else None,
                campaign_end=_date(end) if end else None,
                voting_day=_date(voting) if voting else None,
            )
            result.created["elections"] += 1
        elections[key] = election
    return elections


# --- reports -----------------------------------------------------------------------------------------------


def _report(spec: DemoReport, context: _Context, result: DemoResult) -> Report:
    """The spec's report, filed through the channel's service unless it exists already."""
    existing = _existing_report(spec, context)
    if existing is not None:
        return existing
    data = _report_input(spec, context)
    evidence = _screenshots(spec)
    received_at = timezone.make_aware(datetime.datetime.strptime(spec.received, "%Y-%m-%d %H:%M"))
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
            received_at=received_at,
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
        received_at=received_at,
        access_pin=spec.pin or None,
    )
    return submitted.report


def _existing_report(spec: DemoReport, context: _Context) -> Report | None:
    if spec.channel == Channel.BAWASLU:
        forwarding = (
            BawasluForwarding.objects.select_related("report")
            .filter(office=context.offices[spec.office], reference_number=spec.reference)
            .first()
        )
        return forwarding.report if forwarding else None
    return Report.objects.filter(agency=context.agency, channel=spec.channel, description=spec.description).first()


def _submitter(spec: DemoReport, context: _Context) -> User:
    # Diskominfo and the Inspektorat enter their own findings; a superior's letter is entered by the intake officer.
    return context.users[{"diskominfo": "diskominfo", "inspectorate": "inspektorat"}.get(spec.channel, "intake")]


def _report_input(spec: DemoReport, context: _Context) -> ReportInput:
    election = context.elections[spec.election]
    incident = _date(spec.incident)
    person = context.people.get(spec.accused)
    if person is not None:
        name, position = person.name, person.post.title
        unit = next(unit_name for code, unit_name, _p, _k in register.UNITS if code == person.unit_code)
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
        election_stage=_stage(election, incident),
        date_known=incident,
        links=list(spec.links),
    )


def _stage(election: Election, day: datetime.date) -> str:
    if not (election.campaign_start and election.campaign_end and election.voting_day):
        return ElectionStage.UNKNOWN
    if day < election.campaign_start:
        return ElectionStage.BEFORE_CAMPAIGN
    if day <= election.campaign_end:
        return ElectionStage.CAMPAIGN
    if day < election.voting_day:
        return ElectionStage.QUIET_PERIOD
    return ElectionStage.VOTING if day == election.voting_day else ElectionStage.AFTER


def _triage(report: Report, spec: DemoReport, context: _Context) -> None:
    """Bring the report to the spec's status through the triage services (cases are registered later)."""
    if spec.status == Report.Status.RECEIVED:
        return
    actor = context.users["intake"]
    if report.status == Report.Status.RECEIVED:
        report = violation_services.report_start_review(report=report, actor=actor)
    if report.status not in _TRIAGE:
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


def _cases(specs: list[DemoReport], context: _Context, result: DemoResult) -> None:
    groups: dict[str, list[DemoReport]] = {}
    for spec in specs:
        if spec.case:
            groups.setdefault(spec.case, []).append(spec)
    for members in groups.values():
        reports = list(Report.objects.filter(pk__in=[context.reports[spec.key].pk for spec in members]))
        if not all(report.status in _TRIAGE for report in reports):
            continue  # registered on an earlier run
        first = members[0]
        person = context.people.get(first.accused)
        accused = f"{person.name}, {person.post.title}" if person else first.accused_text[0]
        case_register(
            actor=context.users["intake"],
            reports=reports,
            summary=f"Dugaan pelanggaran netralitas ASN ({first.violation}) oleh {accused}.",
        )
        result.created["cases"] += 1


# --- evidence ----------------------------------------------------------------------------------------------

_PLATFORM_COLOURS = {
    "Facebook": (24, 119, 242),
    "Instagram": (193, 53, 132),
    "TikTok": (20, 20, 20),
    "YouTube": (230, 33, 23),
    "WhatsApp": (37, 211, 102),
}


def _screenshots(spec: DemoReport) -> list[CapturedEvidence]:
    """Small phone-screenshot-like PNGs, validated like any upload, with their source URL and capture time."""
    captured_at = timezone.make_aware(datetime.datetime.strptime(spec.incident, "%Y-%m-%d").replace(hour=14))
    url = spec.links[0] if spec.links else ""
    items = []
    for number in range(1, spec.screenshots + 1):
        upload = io.BytesIO(_screenshot_png(spec, number, url))
        checked = validate_evidence_file(upload, f"tangkapan-layar-{number}.png")
        items.append(
            CapturedEvidence(
                file=checked.file,
                original_name=checked.original_name,
                content_type=checked.content_type,
                kind=checked.kind,
                size=checked.size,
                sha256=checked.sha256,
                source_url=url,
                captured_at=captured_at + datetime.timedelta(minutes=number),
            )
        )
    return items


def _screenshot_png(spec: DemoReport, number: int, url: str) -> bytes:
    width, height = 270, 480
    image = Image.new("RGB", (width, height), (245, 246, 248))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    colour = _PLATFORM_COLOURS.get(spec.platform, (90, 90, 110))
    draw.rectangle((0, 0, width, 44), fill=colour)
    draw.text((12, 14), (spec.platform or "Bukti").upper(), fill=(255, 255, 255), font=font)
    draw.ellipse((12, 58, 48, 94), fill=(180, 186, 196))
    draw.text((58, 62), f"Unggahan {number}", fill=(30, 30, 30), font=font)
    draw.text((58, 78), spec.incident, fill=(110, 110, 110), font=font)
    draw.rectangle((12, 108, width - 12, 300), fill=(colour[0] // 2 + 100, colour[1] // 2 + 100, colour[2] // 2 + 100))
    draw.text((24, 190), f"PASLON - {spec.violation}", fill=(255, 255, 255), font=font)
    for row in range(5):
        draw.rectangle((12, 316 + row * 18, width - 12 - (row * 37) % 90, 326 + row * 18), fill=(208, 212, 218))
    draw.text((12, 410), _ascii(url)[:42], fill=(60, 60, 60), font=font)
    draw.text((12, 426), _ascii(url)[42:84], fill=(60, 60, 60), font=font)
    draw.text((12, 448), f"Tangkapan layar {number} - Netra demo", fill=(60, 60, 60), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode()


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)
