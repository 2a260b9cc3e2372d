"""`Authorization: Token <key>` against accounts.api_tokens: hashed keys, with expiry and revocation."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from accounts.api_tokens import api_token_find


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's header and its 401 with `WWW-Authenticate: Token`; the key is looked up by its SHA-256."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        token = api_token_find(key)
        if token is None:
            raise AuthenticationFailed(_("The token is not valid: unknown, expired or revoked."))
        if not token.user.is_active:
            raise AuthenticationFailed(_("The token's account is deactivated."))
        return token.user, token
