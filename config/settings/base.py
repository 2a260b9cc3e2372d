"""Settings shared by every environment: production-safe, driven by the environment.

Environment-specific files (local, test, production) only override what they must.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "csp",
    "core",
    "accounts",
    "violations",
    "casework",
    "sanctions",
    "figures",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.NoStoreMiddleware",
    "core.middleware.SharedServiceUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout raised by its backend into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.netra",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'netra.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "core.hashers.PinHasher",
]
NETRA_PIN_HASH_ITERATIONS = env.int("NETRA_PIN_HASH_ITERATIONS", default=100_000)

# Staff login (docs/security.md, "Authentication and sessions"): ASVS 5.0 V6.2 asks for at least 12 characters
# and a check against common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("NETRA_PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failed logins (web form, admin, anything calling `authenticate`) in the database, so a Redis
# outage neither unlocks nor locks anyone: after NETRA_LOGIN_FAILURE_LIMIT failures from one address for one
# username, or from one address for any usernames, that pair or address is refused for NETRA_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("NETRA_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("NETRA_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.auth_views.lockout_response"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Failures are kept in axes' failure log (the only record of usernames no account has); successes and logouts are
# in the audit trail, so axes' own access log is not written.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_DISABLE_ACCESS_LOG = True
# The client's address as the public throttles see it (NETRA_NUM_PROXIES trusted proxies in front).
AXES_CLIENT_IP_CALLABLE = "core.throttling.client_address"
AXES_VERBOSE = False
# Staff sessions end after NETRA_STAFF_SESSION_IDLE_MINUTES without a request and NETRA_STAFF_SESSION_HOURS after the
# login whatever happens (accounts.middleware.StaffSessionMiddleware); citizens' sessions keep Django's defaults.
NETRA_STAFF_SESSION_IDLE_MINUTES = env.int("NETRA_STAFF_SESSION_IDLE_MINUTES", default=30)
NETRA_STAFF_SESSION_HOURS = env.int("NETRA_STAFF_SESSION_HOURS", default=8)
# A second factor (TOTP, accounts.mfa): accounts of these roles (and superusers) must enrol and verify when
# NETRA_MFA_ENFORCED is on (production's default; local and test settings turn it off so the demo accounts log in
# with their password alone). Any account that has enrolled is asked for its code at every login.
NETRA_MFA_ENFORCED = env.bool("NETRA_MFA_ENFORCED", default=True)
NETRA_MFA_ENFORCED_ROLES = env.list("NETRA_MFA_ENFORCED_ROLES", default=["administrator", "sanctioning_official"])
OTP_TOTP_ISSUER = env("NETRA_MFA_ISSUER", default="Netra")
# API tokens (accounts.api_tokens) expire this many days after they are issued; rotate them before.
NETRA_API_TOKEN_DAYS = env.int("NETRA_API_TOKEN_DAYS", default=180)
# Password reset links are valid this long (Django's default is three days).
PASSWORD_RESET_TIMEOUT = env.int("NETRA_PASSWORD_RESET_TIMEOUT_SECONDS", default=60 * 60)

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ----------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Evidence and letters live outside the web root and are only ever served through views that
# check access. Point NETRA_PRIVATE_STORAGE_BACKEND at e.g. storages.backends.s3.S3Storage
# (django-storages) to keep them in an S3-compatible store; its options come as JSON.
PRIVATE_MEDIA_ROOT = Path(env("NETRA_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {
        "BACKEND": env("NETRA_PRIVATE_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json(
            "NETRA_PRIVATE_STORAGE_OPTIONS", default={"location": str(PRIVATE_MEDIA_ROOT), "base_url": None}
        ),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Bodies and files past these are refused as they arrive, before anything is written (core.uploads); evidence may be
# a video of up to NETRA_EVIDENCE_MAX_VIDEO_BYTES, so no single file may pass the largest evidence limit.
NETRA_MAX_REQUEST_BYTES = env.int("NETRA_MAX_REQUEST_BYTES", default=200 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "core.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# --- Cache (throttling counters must be shared by every web process) ----------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://netra")}
# A frozen or unreachable Redis costs a request about a second, never a hang (core.shared_cache goes on without it).
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"].setdefault("OPTIONS", {}).update(REDIS_CACHE_OPTIONS)

# --- E-mail ------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Netra <netra@localhost>")

# --- Django REST framework ----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api_authentication.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "public_reports": env("NETRA_THROTTLE_PUBLIC_REPORTS", default="30/hour"),
        "pin_failures": env("NETRA_THROTTLE_PIN_FAILURES", default="10/hour"),
    },
    "NUM_PROXIES": env.int("NETRA_NUM_PROXIES", default=0),
    "DATE_FORMAT": "%Y-%m-%d",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Netra API",
    "DESCRIPTION": "Reports of ASN political-neutrality violations: citizens, Bawaslu offices and officers.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The published enums (docs/api-contract.md) get stable names no other app's `status` field can collide with.
    "ENUM_NAME_OVERRIDES": {
        "PublicReportStatusEnum": "violations.models.PUBLIC_STATUSES",
        "ForwardingOriginEnum": "violations.models.BawasluForwarding.Origin",
        "ViolationCategoryEnum": "violations.models.ViolationType.Category",
    },
}

# --- Celery ------------------------------------------------------------------------------------
# Letters must never be lost and duplicates must be harmless (see docs and the measured figures in
# docs/performance-references.md §2.4): late ack, reject on worker loss, one prefetch.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
# socket_connect_timeout: with the broker unreachable a publish fails fast instead of hanging the request; the
# letter relay (casework.relay_pending_letters) enqueues it again once the broker is back.
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
    "visibility_timeout": 600,
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 5,
}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = BASE_DIR / "var" / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        # kombu's exchange tables; without this it writes a control/ folder wherever the process runs.
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_MAX_TASKS_PER_CHILD = 100
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 400_000
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # Due-soon and overdue deadline reminders, every morning in Jakarta (the task skips non-working days).
    "deadline-reminders": {
        "task": "casework.send_deadline_reminders",
        "schedule": crontab(hour=6, minute=0),
    },
    # Decisions whose D10 date has come take effect; sanctions whose D15 end date has come complete (idempotent).
    "sanctions-daily": {
        "task": "sanctions.run_daily",
        "schedule": crontab(hour=0, minute=30),
    },
    # Reminders for deliveries (D8), objections (D12/D14) and sanctions about to end (D15); skips non-working days.
    "sanctions-reminders": {
        "task": "sanctions.send_reminders",
        "schedule": crontab(hour=6, minute=5),
    },
    # Letters whose render task never reached the broker (it was down when they were requested) are enqueued again;
    # a run not started within 50 s is dropped, so a stopped worker does not find a pile of them.
    "letter-relay": {
        "task": "casework.relay_pending_letters",
        "schedule": 60.0,
        "options": {"expires": 50},
    },
    # The audit chain's head is written outside the database every night (and at every issued letter).
    "audit-anchor": {
        "task": "core.anchor_audit_head",
        "schedule": crontab(hour=0, minute=5),
    },
    # Expired sessions (citizens' last a few minutes) are deleted every hour, not left in the session table.
    "sessions-purge": {
        "task": "core.purge_expired_sessions",
        "schedule": crontab(minute=40),
    },
}
# Leadership figures (docs/statistics.md).
CELERY_BEAT_SCHEDULE |= {
    # The summary tables follow the audit trail (cheap when nothing changed); a run not started in time is dropped.
    "figures-refresh": {
        "task": "figures.refresh_figures",
        "schedule": env.float("NETRA_FIGURES_REFRESH_SECONDS", default=5.0),
        "options": {"expires": 4},
    },
    # The nightly full rebuild of the summary tables: catches writes no audit event names (bulk loads).
    "figures-rebuild": {
        "task": "figures.rebuild_figures",
        "schedule": crontab(hour=1, minute=15),
    },
    # Export files past their retention are deleted (their rows stay, marked expired).
    "figures-expire-exports": {
        "task": "figures.delete_expired_exports",
        "schedule": crontab(minute=20),
    },
    # Last month's summary report for every agency's leadership, on the first of the month.
    "figures-monthly-reports": {
        "task": "figures.request_monthly_reports",
        "schedule": crontab(day_of_month=1, hour=2, minute=0),
    },
}
# Large exports may run on workers of their own (`celery -A config worker -Q exports`): name the queue here. Empty
# (the default) keeps them on the default queue, which every worker of Procfile and Procfile.dev consumes.
NETRA_FIGURES_EXPORT_QUEUE = env("NETRA_FIGURES_EXPORT_QUEUE", default="")
CELERY_TASK_ROUTES: dict[str, dict[str, str]] = (
    {"figures.run_export": {"queue": NETRA_FIGURES_EXPORT_QUEUE}} if NETRA_FIGURES_EXPORT_QUEUE else {}
)

# --- Netra -------------------------------------------------------------------------------------
NETRA_SITE_URL = env("NETRA_SITE_URL", default="http://127.0.0.1:8000")
# The audit chain's HMAC keys, `id:base64,…` (first = current; older ones verify events signed before a rotation)
# and the append-only file its head is anchored in, outside the database (docs/security.md).
NETRA_AUDIT_KEYS = env("NETRA_AUDIT_KEYS", default="")
# Reporter identity encrypted at rest (core.field_encryption; `id:base64` keys of 32 bytes, first current) and the
# separate key of its keyed hashes; rotation in docs/security.md.
NETRA_FIELD_KEYS = env("NETRA_FIELD_KEYS", default="")
NETRA_FIELD_HASH_KEY = env("NETRA_FIELD_HASH_KEY", default="")
NETRA_AUDIT_ANCHOR_FILE = env.path("NETRA_AUDIT_ANCHOR_FILE", default=BASE_DIR / "var" / "audit" / "anchors.jsonl")
# Evidence limits are published in the API schema and on the report form.
NETRA_EVIDENCE_MAX_IMAGE_BYTES = env.int("NETRA_EVIDENCE_MAX_IMAGE_BYTES", default=10 * 1024 * 1024)
NETRA_EVIDENCE_MAX_PDF_BYTES = env.int("NETRA_EVIDENCE_MAX_PDF_BYTES", default=20 * 1024 * 1024)
NETRA_EVIDENCE_MAX_VIDEO_BYTES = env.int("NETRA_EVIDENCE_MAX_VIDEO_BYTES", default=100 * 1024 * 1024)
NETRA_EVIDENCE_MAX_FILES = env.int("NETRA_EVIDENCE_MAX_FILES", default=10)
NETRA_MAX_UPLOAD_FILE_BYTES = max(
    NETRA_EVIDENCE_MAX_IMAGE_BYTES, NETRA_EVIDENCE_MAX_PDF_BYTES, NETRA_EVIDENCE_MAX_VIDEO_BYTES
)
NETRA_EVIDENCE_MAX_IMAGE_PIXELS = env.int("NETRA_EVIDENCE_MAX_IMAGE_PIXELS", default=40_000_000)
# The office that issues letters (its name in the letterhead and its code in letter numbers).
NETRA_LETTER_OFFICE_NAME = env(
    "NETRA_LETTER_OFFICE_NAME", default="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
)
NETRA_LETTER_OFFICE_CODE = env("NETRA_LETTER_OFFICE_CODE", default="BKPSDM")
# Leadership figures (docs/statistics.md). Public tables suppress every cell under the threshold (never below 5).
NETRA_FIGURES_SUPPRESSION_THRESHOLD = env.int("NETRA_FIGURES_SUPPRESSION_THRESHOLD", default=10)
if NETRA_FIGURES_SUPPRESSION_THRESHOLD < 5:
    raise ImproperlyConfigured("NETRA_FIGURES_SUPPRESSION_THRESHOLD may not be below 5 (docs/statistics.md).")
# Exports of more rows than this run as a Celery job; their files are kept this many hours.
NETRA_FIGURES_EXPORT_ASYNC_ROWS = env.int("NETRA_FIGURES_EXPORT_ASYNC_ROWS", default=10_000)
NETRA_FIGURES_EXPORT_TTL_HOURS = env.int("NETRA_FIGURES_EXPORT_TTL_HOURS", default=24)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools narrate every rendering step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes narrates every login at INFO, with the usernames masked; the audit trail records them.
        "axes": {"level": "WARNING"},
    },
}

# Content Security Policy (django-csp 4): no inline script, no third-party origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
