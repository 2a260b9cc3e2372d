"""Recommendations received from BKN or a Bawaslu office: each on a report of its own (channel BKN or Bawaslu), the
letter its document, idempotent on (agency, body, office, letter number) like forwardings (services.idempotency).

An intake officer records one received by letter on a case (casework.services.recommendations, which links the
report to the case); BKN's account sends one through the API and it waits in triage like a forwarding.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import Agency, BawasluOffice, User
from accounts.roles import Role
from core import clock
from core.audit import audit_record
from core.errors import ConflictError, DomainError
from core.storage import remove_files_on_failure
from violations.audit_actions import BKN_ACCOUNT_CREATED
from violations.evidence import ValidatedEvidence
from violations.models import Channel, Recommendation
from violations.recommendations.catalogue import is_known_sanction
from violations.services.forwardings import body_account_save
from violations.services.idempotency import content_fingerprint, same_content_or_conflict, submit_once
from violations.services.intake import ReporterInput, ReportInput, report_create

_CHANNEL: dict[str, str] = {Recommendation.Body.BKN: Channel.BKN, Recommendation.Body.BAWASLU: Channel.BAWASLU}


@dataclass(frozen=True)
class RecommendationInput:
    """What a recommendation letter says beyond the report facts."""

    body: str
    letter_number: str
    letter_date: datetime.date
    recommended_sanction: str = ""
    bawaslu_office: BawasluOffice | None = None

    def payload(self) -> dict[str, str]:
        """The canonical content of the letter, for the fingerprint."""
        return {
            "body": self.body,
            "bawaslu_office": str(self.bawaslu_office.pk) if self.bawaslu_office else "",
            "letter_number": self.letter_number,
            "letter_date": self.letter_date.isoformat(),
            "recommended_sanction": self.recommended_sanction,
        }


@dataclass(frozen=True)
class RecommendationResult:
    recommendation: Recommendation
    created: bool


def recommendation_fingerprint(
    *, letter: RecommendationInput, data: ReportInput, document: Sequence[ValidatedEvidence]
) -> str:
    payload = {
        **letter.payload(),
        "accused_name": data.accused_name,
        "accused_nip": data.accused_nip,
        "incident_date": data.incident_date.isoformat(),
        "description": data.description,
    }
    return content_fingerprint(payload=payload, evidence=document)


def _check(letter: RecommendationInput, agency: Agency) -> None:
    if not letter.letter_number.strip():
        raise DomainError("letter_number_required", _("Give the letter's number."), field="letter_number")
    if letter.letter_date > clock.today():
        raise DomainError("letter_date_future", _("The letter's date cannot be in the future."), field="letter_date")
    if letter.body not in _CHANNEL:
        raise DomainError("body_unknown", _("Choose who sent the recommendation."), field="body")
    office = letter.bawaslu_office
    if (letter.body == Recommendation.Body.BAWASLU) != (office is not None) or (
        office is not None and office.agency_id != agency.pk
    ):
        raise DomainError(
            "bawaslu_office_required",
            _("Choose the Bawaslu office for a Bawaslu recommendation, and only then."),
            field="bawaslu_office",
        )
    if letter.recommended_sanction and not is_known_sanction(letter.recommended_sanction):
        raise DomainError("sanction_unknown", _("Choose a sanction of the catalogue."), field="recommended_sanction")


def _existing(agency: Agency, letter: RecommendationInput, fingerprint: str) -> Recommendation | None:
    existing = (
        Recommendation.objects.select_related("report")
        .filter(
            agency=agency,
            body=letter.body,
            bawaslu_office=letter.bawaslu_office,
            letter_number=letter.letter_number,
        )
        .first()
    )
    return same_content_or_conflict(
        existing,
        fingerprint=fingerprint,
        conflict=lambda: ConflictError(
            "recommendation_conflict",
            _(
                "A recommendation with letter number %(number)s already exists with other content. Nothing was "
                "changed; send corrections through your contact at the agency."
            )
            % {"number": letter.letter_number},
        ),
    )


def recommendation_submit(
    *,
    agency: Agency,
    letter: RecommendationInput,
    data: ReportInput,
    document: Sequence[ValidatedEvidence] = (),
    fingerprint: str,
    source: str,
    submitted_by: Actor,
    sent_by: Actor | None = None,
) -> RecommendationResult:
    """Record a recommendation received, idempotent on (agency, body, office, letter number): the same content again
    returns the stored one (created=False); other content raises a ConflictError and changes nothing.

    `sent_by` is the body's own account (the API); `submitted_by` who entered it (that account, or an officer).
    """
    _check(letter, agency)

    def create() -> Recommendation:
        with remove_files_on_failure() as stored, transaction.atomic():
            submitted = report_create(
                data=data,
                reporter=ReporterInput(organisation=letter.bawaslu_office.name if letter.bawaslu_office else "BKN"),
                agency=agency,
                channel=_CHANNEL[letter.body],
                source=source,
                evidence=document,
                actor=submitted_by,
                stored=stored,
                submitted_by=submitted_by,
            )
            recommendation = Recommendation(
                report=submitted.report,
                agency=agency,
                body=letter.body,
                bawaslu_office=letter.bawaslu_office,
                sent_by=sent_by,
                letter_number=letter.letter_number,
                letter_date=letter.letter_date,
                recommended_sanction=letter.recommended_sanction,
                content_fingerprint=fingerprint,
            )
            recommendation.full_clean(exclude=["report", "agency", "bawaslu_office", "sent_by"])
            recommendation.save(force_insert=True)
            return recommendation

    recommendation, created = submit_once(find=lambda: _existing(agency, letter, fingerprint), create=create)
    return RecommendationResult(recommendation=recommendation, created=created)


@dataclass(frozen=True)
class BknAccount:
    user: User
    token: str  # the API key for `Authorization: Token <key>`


@transaction.atomic
def bkn_account_create(*, agency: Agency, username: str, email: str = "") -> BknAccount:
    """BKN's account for the agency (role BKN, no password) and its API token; a taken username is refused."""
    if User.objects.filter(username__iexact=username).exists():
        raise ConflictError("username_taken", _("The username “%(username)s” is taken.") % {"username": username})
    user = User(username=username, email=email, first_name="BKN", agency=agency)
    token = body_account_save(user, role=Role.BKN)
    audit_record(actor=None, action=BKN_ACCOUNT_CREATED, target=user, data={"agency": agency.code})
    return BknAccount(user=user, token=token)


__all__ = [
    "BknAccount",
    "RecommendationInput",
    "RecommendationResult",
    "bkn_account_create",
    "recommendation_fingerprint",
    "recommendation_submit",
]
