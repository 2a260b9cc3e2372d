"""Existing DRF tokens become hashed API tokens (same key, so clients keep working until it expires), and their
plaintext keys are deleted. DRF's authtoken app is no longer installed: its table is read, if present, directly."""

import datetime
import hashlib

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def hash_existing_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    now = timezone.now()
    expires = now + datetime.timedelta(days=settings.NETRA_API_TOKEN_DAYS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id FROM authtoken_token")
        rows = cursor.fetchall()
        ApiToken.objects.bulk_create(
            ApiToken(
                user_id=user_id,
                digest=hashlib.sha256(key.encode()).hexdigest(),
                prefix=key[:8],
                created_at=now,
                expires_at=expires,
            )
            for key, user_id in rows
        )
        cursor.execute("DELETE FROM authtoken_token")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_api_tokens")]

    operations = [migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop)]
