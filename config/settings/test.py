"""Test settings: real PostgreSQL and Redis (as production), only what makes tests fast differs."""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, REDIS_CACHE_OPTIONS, STATIC_ROOT, env

SECRET_KEY = "netra-test-key"  # noqa: S105
NETRA_AUDIT_KEYS = (
    "t2:dGVzdC1hdWRpdC1rZXktdHdvLTMyLWJ5dGVzLWxvbmchIQ==,t1:dGVzdC1hdWRpdC1rZXktb25lLTMyLWJ5dGVzLWxvbmchISE="
)
NETRA_FIELD_KEYS = "f2:dGVzdC1maWVsZC1rZXktdHdvLTMyLWJ5dGVzLWxvbmc=,f1:dGVzdC1maWVsZC1rZXktb25lLTMyLWJ5dGVzLWxvbmc="
NETRA_FIELD_HASH_KEY = "dGVzdC1maWVsZC1oYXNoLWtleS0zMi1ieXRlcy1sb25nISE="
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/netra")}
# One test database and one cache key space per test process, so parallel runs never share state.
_RUN = f"{os.getpid()}"
DATABASES["default"]["TEST"] = {"NAME": f"test_netra_{_RUN}"}
CACHES = {"default": env.cache("CACHE_URL", default="rediscache://127.0.0.1:6379/1")}
CACHES["default"]["KEY_PREFIX"] = f"t{_RUN}"
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"].setdefault("OPTIONS", {}).update(REDIS_CACHE_OPTIONS)
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/2")
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600, "unacked_restore_throttle": 1}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "core.hashers.PinHasher"]
NETRA_PIN_HASH_ITERATIONS = 1_000
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Tests log staff in with `force_login`; the tests of the second factor turn enforcement on themselves.
NETRA_MFA_ENFORCED = False
