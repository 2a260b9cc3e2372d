"""API tokens: issued, rotated and revoked here, checked by accounts.api_authentication.

A key is 40 random hexadecimal characters (as DRF's were, so clients need no change); only its SHA-256 is stored,
so a copy of the database opens no API. A token expires NETRA_API_TOKEN_DAYS after it is issued (unless a lifetime
is given); rotating replaces every usable token of the account with a new one. Each issue and revocation is audited.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.audit_actions import API_TOKEN_ISSUED, API_TOKEN_REVOKED
from accounts.models import ApiToken, User
from core import clock
from core.actors import AuditActor
from core.audit import audit_record
from core.errors import DomainError


@dataclass(frozen=True)
class IssuedApiToken:
    token: ApiToken
    key: str  # shown once: only its hash is stored


def api_token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_find(key: str) -> ApiToken | None:
    """The usable token (not expired, not revoked) whose key is `key`, with its account; None otherwise."""
    token = ApiToken.objects.select_related("user").filter(digest=api_token_digest(key)).first()
    if token is None or token.revoked_at is not None or token.expires_at <= clock.now():
        return None
    return token


def _usable(user: User) -> list[ApiToken]:
    return list(
        ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True, expires_at__gt=clock.now())
    )


@transaction.atomic
def api_token_issue(*, user: User, days: int | None = None, actor: AuditActor = None) -> IssuedApiToken:
    """Issue a new token for the account, valid `days` (default NETRA_API_TOKEN_DAYS); other tokens keep working."""
    days = settings.NETRA_API_TOKEN_DAYS if days is None else days
    if days < 1:
        raise DomainError("api_token_lifetime", _("An API token must be valid for at least one day."), field="days")
    key = secrets.token_hex(20)
    now = clock.now()
    token = ApiToken.objects.create(
        user=user,
        digest=api_token_digest(key),
        prefix=key[:8],
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    audit_record(
        actor=actor,
        action=API_TOKEN_ISSUED,
        target=user,
        data={"prefix": token.prefix, "expires_at": token.expires_at.isoformat()},
    )
    return IssuedApiToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(*, user: User, actor: AuditActor = None, reason: str = "revoked") -> int:
    """Revoke every usable token of the account at once; returns how many there were."""
    tokens = _usable(user)
    now = clock.now()
    for token in tokens:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor, action=API_TOKEN_REVOKED, target=user, data={"prefix": token.prefix, "reason": reason}
        )
    return len(tokens)


@transaction.atomic
def api_token_rotate(*, user: User, days: int | None = None, actor: AuditActor = None) -> IssuedApiToken:
    """Replace the account's tokens with a new one: the old ones stop working at once."""
    api_token_revoke(user=user, actor=actor, reason="rotated")
    return api_token_issue(user=user, days=days, actor=actor)
