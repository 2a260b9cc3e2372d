"""The deployment settings refuse to start without a secret key and pass `check --deploy` cleanly."""

import base64
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "k" * 20 + "-production-secret-of-sufficient-length-1234567890"
AUDIT_KEYS = "prod1:" + base64.b64encode(b"p" * 32).decode()
FIELD_KEYS = {
    "NETRA_FIELD_KEYS": "prod1:" + base64.b64encode(b"f" * 32).decode(),
    "NETRA_FIELD_HASH_KEY": base64.b64encode(b"h" * 32).decode(),
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _manage("check", DJANGO_SECRET_KEY="too-short")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_an_audit_key():
    result = _manage("check", DJANGO_SECRET_KEY=SECRET)

    assert result.returncode != 0
    assert "NETRA_AUDIT_KEYS must hold the audit chain's key in production" in result.stderr


def test_production_refuses_a_short_audit_key():
    result = _manage("check", DJANGO_SECRET_KEY=SECRET, NETRA_AUDIT_KEYS="k:" + base64.b64encode(b"short").decode())

    assert result.returncode != 0
    assert "has under 32 bytes" in result.stderr


def test_production_refuses_to_start_without_the_reporter_identity_keys():
    result = _manage("check", DJANGO_SECRET_KEY=SECRET, NETRA_AUDIT_KEYS=AUDIT_KEYS)

    assert result.returncode != 0
    assert "NETRA_FIELD_KEYS and NETRA_FIELD_HASH_KEY must hold the reporter identity keys" in result.stderr


def test_production_refuses_a_malformed_field_key():
    result = _manage(
        "check", DJANGO_SECRET_KEY=SECRET, NETRA_AUDIT_KEYS=AUDIT_KEYS, **{**FIELD_KEYS, "NETRA_FIELD_KEYS": "nocolon"}
    )

    assert result.returncode != 0
    assert "NETRA_FIELD_KEYS: each key is `id:base64`" in result.stderr


def test_production_passes_check_deploy_with_no_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=SECRET,
        NETRA_AUDIT_KEYS=AUDIT_KEYS,
        **FIELD_KEYS,
        DJANGO_ALLOWED_HOSTS="netra.lebongkab.go.id",
        DATABASE_URL="postgres://netra@127.0.0.1:5432/netra",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_sends_a_content_security_policy_and_hsts():
    script = (
        "import django; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_PROXY_SSL_HEADER, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'], s.DEBUG)"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "s" * 60,
            "NETRA_AUDIT_KEYS": AUDIT_KEYS,
            **FIELD_KEYS,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "31536000 True True True ('HTTP_X_FORWARDED_PROTO', 'https') [\"'self'\"] False"
