"""accounts.0008: DRF's plaintext tokens become hashed API tokens with the same keys, and the plaintext is gone."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from accounts.api_tokens import api_token_find
from accounts.tests.factories import BawasluUserFactory

pytestmark = pytest.mark.django_db

KEY = "0123456789abcdef0123456789abcdef01234567"
hash_existing_tokens = importlib.import_module("accounts.migrations.0008_hash_existing_api_tokens").hash_existing_tokens


def test_existing_drf_tokens_keep_working_hashed_and_their_plaintext_is_deleted():
    user = BawasluUserFactory(username="bawaslu-lebong")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamptz, user_id int)")
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, now(), %s)", [KEY, user.pk])

    hash_existing_tokens(apps, SimpleNamespace(connection=connection))

    token = api_token_find(KEY)
    assert token is not None and token.user == user
    assert token.prefix == KEY[:8] and token.digest != KEY
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM authtoken_token")
        assert cursor.fetchone() == (0,)


def test_without_drf_tokens_the_migration_does_nothing():
    hash_existing_tokens(apps, SimpleNamespace(connection=connection))

    assert not apps.get_model("accounts", "ApiToken").objects.exists()
