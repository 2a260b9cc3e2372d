"""The world of the decision page tests: Lebong, and scenario 1's case forwarded for decision."""

import pytest

from casework.models import Case, ExaminationReport
from sanctions.tests.decision_helpers import World, build_world, forwarded_case
from violations.models import ViolationType


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def case(world: World) -> Case:
    """Scenario 1 (docs/scenarios.md): N04 proven in the LHP, B1 recommended, forwarded for decision."""
    case = forwarded_case(world)
    report = ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="B1",
        recommended_sanction_level="heavy",
        submitted_by=world.examiner,
    )
    report.violation_types.set([ViolationType.objects.get(code="N04")])
    return case
