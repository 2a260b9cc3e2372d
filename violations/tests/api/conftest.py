"""Fixtures for the published API: clients, a default agency, office accounts with tokens, and "nothing written"."""

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from rest_framework.test import APIClient

from accounts.api_tokens import api_token_issue
from accounts.models import User
from accounts.tests.factories import AgencyFactory, BawasluUserFactory
from violations.tests.api.support import snapshot_writes


@pytest.fixture
def agency():
    return AgencyFactory()


@pytest.fixture
def api_client() -> APIClient:
    # CSRF checks on, as for a browser: the public endpoints must not depend on them.
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def office_user(agency) -> User:
    return cast(User, BawasluUserFactory(username="bawaslu-lebong", bawaslu_office__name="Bawaslu Kabupaten Lebong"))


@pytest.fixture
def office_client(office_user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=office_user).key}")
    return client


@pytest.fixture
def other_office_client(agency) -> APIClient:
    user = cast(
        User, BawasluUserFactory(username="bawaslu-rejang", bawaslu_office__name="Bawaslu Kabupaten Rejang Lebong")
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user).key}")
    return client


@pytest.fixture
def nothing_written(private_storage: Path) -> Callable[[], Callable[[], None]]:
    """Call it before a refused request; calling its result afterwards asserts no row and no file appeared."""
    return lambda: snapshot_writes(private_storage)
