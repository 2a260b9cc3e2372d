"""Developer machine: `make run`. SQLite and kombu's filesystem broker unless the environment says otherwise."""

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="netra-local-development-key-not-for-production")
# A published development key: production refuses to start without a key of its own.
NETRA_AUDIT_KEYS = env("NETRA_AUDIT_KEYS", default="dev:bmV0cmEtbG9jYWwtYXVkaXQta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==")
NETRA_FIELD_KEYS = env("NETRA_FIELD_KEYS", default="dev:bmV0cmEtbG9jYWwtZmllbGQta2V5LW5vdC1wcm9kISE=")
NETRA_FIELD_HASH_KEY = env(
    "NETRA_FIELD_HASH_KEY", default="bmV0cmEtbG9jYWwtZmllbGQtaGFzaC1rZXktbm90LWZvci1wcm9kdWN0aW9u"
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
(BASE_DIR / "var" / "broker" / "out").mkdir(parents=True, exist_ok=True)
(BASE_DIR / "var" / "broker" / "processed").mkdir(parents=True, exist_ok=True)
# The demo accounts log in with their published password alone (`make run`); production asks their second factor.
NETRA_MFA_ENFORCED = env.bool("NETRA_MFA_ENFORCED", default=False)
