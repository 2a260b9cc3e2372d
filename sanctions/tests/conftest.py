"""Fixtures of the decision tests: scenario 1's world (decision_helpers.build_world) and its case forwarded for
decision. Test modules with a world of their own define their own `world`."""

import pytest

from casework.models import Case
from sanctions.tests.decision_helpers import World, build_world, forwarded_case


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def case(world: World) -> Case:
    return forwarded_case(world)
