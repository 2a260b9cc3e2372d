"""Root fixtures: every test gets a clean cache (throttle counters live there) and private storage."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_storage(tmp_path: Path, settings: object) -> Iterator[Path]:
    """Each test stores files in its own folder, so 'no orphan file' can be asserted exactly."""
    location = tmp_path / "private"
    location.mkdir()
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(location)}},
    }
    yield location
    shutil.rmtree(location, ignore_errors=True)


@pytest.fixture
def private_storage(_private_storage: Path) -> Path:
    return _private_storage
