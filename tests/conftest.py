"""Fixtures of the letter resilience tests (tests/test_letters_resilience.py); the machinery is in
tests/letter_workers.py."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework.models import Case, Letter
from casework.tests.factories import CaseFactory
from tests.letter_workers import BROKER_URL, CASES, Worker, app_broker, files_of


@pytest.fixture
def cases(transactional_db: Any) -> list[Case]:
    agency = AgencyFactory()
    officer = IntakeOfficerFactory(username="verifikator-resilience", agency=agency)
    return [CaseFactory.create(agency=agency, registered_by=officer) for _ in range(CASES)]


@pytest.fixture
def shared_broker() -> Iterator[str]:
    redis.Redis.from_url(BROKER_URL).flushdb()
    with app_broker(BROKER_URL):
        yield BROKER_URL
    redis.Redis.from_url(BROKER_URL).flushdb()


@pytest.fixture
def made() -> Iterator[list[int]]:
    """Ids of the letters a test made: their files are removed from the worker's storage afterwards."""
    ids: list[int] = []
    yield ids
    for letter in Letter.objects.filter(pk__in=ids):
        for path in files_of(letter):
            path.unlink()


@pytest.fixture
def worker_on(tmp_path: Path) -> Iterator[Callable[[str], Worker]]:
    started: list[Worker] = []

    def make(broker_url: str) -> Worker:
        worker = Worker(broker_url, tmp_path / "worker.log")
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()
