"""Fixtures of the figures' tests: the known world of tests/world.py, with its summary tables built."""

from typing import Any

import pytest
from django.test import Client

from figures.refresh import figures_rebuild
from figures.tests.world import World, build_world


@pytest.fixture
def world(db: Any) -> World:
    built = build_world()
    figures_rebuild()
    return built


@pytest.fixture
def client_for():
    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
