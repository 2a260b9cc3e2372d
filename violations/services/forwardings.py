"""Bawaslu offices: their accounts and their forwardings, idempotent on (office, reference number)."""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.api_tokens import api_token_issue, api_token_rotate
from accounts.models import Agency, BawasluOffice, User
from accounts.roles import Role
from core.audit import audit_record
from core.errors import ConflictError, DomainError
from core.storage import remove_files_on_failure
from violations.audit_actions import BAWASLU_OFFICE_CREATED, BAWASLU_TOKEN_ROTATED
from violations.evidence import ValidatedEvidence
from violations.models import (
    BawasluForwarding,
    Channel,
    Election,
    Report,
)
from violations.services.idempotency import content_fingerprint, same_content_or_conflict, submit_once
from violations.services.intake import ReporterInput, ReportInput, report_create


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
    return content_fingerprint(payload=payload, evidence=evidence)


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
    submitted_by: Actor | None = None,
    received_at: datetime.datetime | None = None,
) -> ForwardingResult:
    """Record a Bawaslu forwarding, idempotent on (office, reference number).

    The same content again returns the stored forwarding (created=False); other content raises a
    ConflictError and changes nothing.
    """

    def create() -> BawasluForwarding:
        forwarding = BawasluForwarding(
            office=office,
            reference_number=reference_number,
            origin=origin,
            recommendation=recommendation,
            letter_number=letter_number,
            content_fingerprint=fingerprint,
        )
        _forwarding_store(
            forwarding, data=data, evidence=evidence, source=source, submitted_by=submitted_by, received_at=received_at
        )
        return forwarding

    forwarding, created = submit_once(
        find=lambda: _existing_forwarding(office=office, reference_number=reference_number, fingerprint=fingerprint),
        create=create,
    )
    return ForwardingResult(forwarding=forwarding, created=created)


def _forwarding_store(
    forwarding: BawasluForwarding,
    *,
    data: ReportInput,
    evidence: Sequence[ValidatedEvidence],
    source: str,
    submitted_by: Actor | None,
    received_at: datetime.datetime | None,
) -> None:
    """The forwarding's report (reported by the office, channel Bawaslu) and the forwarding itself, or nothing."""
    office = forwarding.office
    with remove_files_on_failure() as stored, transaction.atomic():
        submitted = report_create(
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
        forwarding.report = submitted.report
        forwarding.save(force_insert=True)


def _existing_forwarding(*, office: BawasluOffice, reference_number: str, fingerprint: str) -> BawasluForwarding | None:
    existing = (
        BawasluForwarding.objects.select_related("report")
        .filter(office=office, reference_number=reference_number)
        .first()
    )
    return same_content_or_conflict(
        existing,
        fingerprint=fingerprint,
        conflict=lambda: ConflictError(
            "forwarding_conflict",
            _(
                "A forwarding with reference number %(number)s already exists with other content. Nothing was "
                "changed; send corrections through your contact at the agency."
            )
            % {"number": reference_number},
        ),
    )


@dataclass(frozen=True)
class OfficeAccount:
    office: BawasluOffice
    user: User
    token: str  # the API key for `Authorization: Token <key>`


@transaction.atomic
def bawaslu_office_create(*, name: str, agency: Agency, username: str, email: str = "") -> OfficeAccount:
    """Create a Bawaslu office, its account (role Bawaslu office, no password: set one for the web login) and its
    API token. Refuses an existing office or username; nothing is created then."""
    if BawasluOffice.objects.filter(name__iexact=name).exists():
        raise ConflictError("office_exists", _("A Bawaslu office named “%(name)s” already exists.") % {"name": name})
    if User.objects.filter(username__iexact=username).exists():
        raise ConflictError("username_taken", _("The username “%(username)s” is taken.") % {"username": username})
    office = BawasluOffice(name=name, agency=agency, email=email)
    office.full_clean()
    office.save(force_insert=True)
    user = User(username=username, email=email, first_name=name[:150], bawaslu_office=office)
    token = body_account_save(user, role=Role.BAWASLU_OFFICE)
    audit_record(actor=None, action=BAWASLU_OFFICE_CREATED, target=office, data={"username": username})
    return OfficeAccount(office=office, user=user, token=token)


def body_account_save(user: User, *, role: Role) -> str:
    """Save an outside body's account (a Bawaslu office's, BKN's) with its role and an API token, returned; no
    password (set one for the web login). The caller refused a taken username first."""
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save(force_insert=True)
    user.groups.add(Group.objects.get_or_create(name=str(role))[0])
    return api_token_issue(user=user).key


@transaction.atomic
def bawaslu_office_rotate_token(*, office: BawasluOffice, username: str = "") -> OfficeAccount:
    """Replace the API token of the office's account: the old token stops working at once."""
    accounts = list(office.accounts.filter(username=username) if username else office.accounts.all())
    if len(accounts) != 1:
        raise DomainError(
            "office_account_ambiguous",
            _("Name the office's account with --username (the office has %(count)d accounts).")
            % {"count": len(accounts)},
        )
    user = accounts[0]
    issued = api_token_rotate(user=user)
    audit_record(actor=None, action=BAWASLU_TOKEN_ROTATED, target=office, data={"username": user.username})
    return OfficeAccount(office=office, user=user, token=issued.key)
