"""Deployment settings: refuse to start without a secret key; pass `manage.py check --deploy` cleanly."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import NETRA_AUDIT_KEYS, NETRA_FIELD_HASH_KEY, NETRA_FIELD_KEYS, SECRET_KEY, env
from core.audit_keys import parse_audit_keys

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

if not NETRA_AUDIT_KEYS:
    raise ImproperlyConfigured("NETRA_AUDIT_KEYS must hold the audit chain's key in production (docs/security.md).")
parse_audit_keys(NETRA_AUDIT_KEYS)  # a malformed or short key stops the start, not the first audited write
if not NETRA_FIELD_KEYS or not NETRA_FIELD_HASH_KEY:
    raise ImproperlyConfigured(
        "NETRA_FIELD_KEYS and NETRA_FIELD_HASH_KEY must hold the reporter identity keys in production "
        "(docs/security.md)."
    )
parse_audit_keys(NETRA_FIELD_KEYS, setting="NETRA_FIELD_KEYS")

DEBUG = False
# TLS ends at the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
