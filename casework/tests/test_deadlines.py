import datetime
from typing import Any

import pytest

from casework.deadlines import DeadlineStatus, case_deadlines, overdue_cases
from casework.models import Case, Summons
from casework.tests.conftest import at
from casework.tests.deadline_helpers import add_summons, summoned_case, superior_with_account
from casework.tests.factories import case_in
from core.models import DayOff
from core.services import day_off_add

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def camat(principal: Any) -> Any:
    """The accused (scenario 2's camat) with a direct superior who has an account."""
    superior, _account = superior_with_account(name="Ir. Sutrisno Wibowo", username="sekda")
    principal.direct_superior = superior
    principal.save(update_fields=["direct_superior"])
    return principal


@pytest.fixture
def blitar_case(officer: Any, camat: Any, examiner_user: Any) -> Case:
    case = summoned_case(officer=officer, accused=camat)
    case.assigned_examiners.add(examiner_user)
    return case


def summary(deadlines: list[Any]) -> list[tuple[str, str, D, str]]:
    return [(d.rule, d.subject, d.due, d.status) for d in deadlines]


def test_summons_planned_for_an_examination_after_the_year_end_is_due_by_the_d6_date(blitar_case, examiner_user):
    # Scenario 2: examination 2024-01-15 → summons I by 2024-01-04 (25–26 Dec and 1 Jan are not working days).
    add_summons(blitar_case, number=1, examination=at(2024, 1, 15), sent_on=D(2024, 1, 4), issued_by=examiner_user)

    deadlines = case_deadlines(blitar_case, today=D(2024, 1, 2))

    assert summary(deadlines) == [("D6", "summons1", D(2024, 1, 4), DeadlineStatus.DUE)]
    assert deadlines[0].label == "Kirim surat panggilan I untuk pemeriksaan tanggal 15 Januari 2024"
    assert deadlines[0].responsible_names == "Hendra Saputra, Ir. Sutrisno Wibowo"


def test_a_summons_once_sent_meets_d6(blitar_case, examiner_user):
    add_summons(blitar_case, number=1, examination=at(2024, 1, 15), sent_on=D(2024, 1, 3), issued_by=examiner_user)

    assert summary(case_deadlines(blitar_case, today=D(2024, 1, 3))) == [
        ("D6", "summons1", D(2024, 1, 4), DeadlineStatus.MET)
    ]


def test_d6_over_idul_adha_2026_and_the_pilkada_2024_dates(officer, camat, examiner_user):
    # Scenario 3: examination 2026-06-08 → 2026-05-25; scenario 1: examination 2024-10-28 → 2024-10-17.
    first = summoned_case(officer=officer, accused=camat, number="0003/KASUS/2026")
    add_summons(first, number=1, examination=at(2026, 6, 8), sent_on=D(2026, 5, 25), issued_by=examiner_user)
    second = summoned_case(officer=officer, accused=camat, number="0001/KASUS/LEBONG/2024")
    add_summons(second, number=1, examination=at(2024, 10, 28), sent_on=D(2024, 10, 16), issued_by=examiner_user)

    assert summary(case_deadlines(first, today=D(2026, 5, 20))) == [
        ("D6", "summons1", D(2026, 5, 25), DeadlineStatus.DUE)
    ]
    assert summary(case_deadlines(second, today=D(2024, 10, 10))) == [
        ("D6", "summons1", D(2024, 10, 17), DeadlineStatus.DUE)
    ]


def test_an_added_regional_holiday_moves_the_open_deadline(blitar_case, examiner_user, officer):
    add_summons(blitar_case, number=1, examination=at(2024, 1, 15), sent_on=D(2024, 1, 4), issued_by=examiner_user)

    day_off_add(
        actor=officer, date=D(2024, 1, 4), name="Hari Jadi Kabupaten Blitar", legal_basis="Keputusan Bupati No. 1"
    )

    assert DayOff.objects.count() == 1
    assert summary(case_deadlines(blitar_case, today=D(2024, 1, 2))) == [
        ("D6", "summons1", D(2024, 1, 3), DeadlineStatus.DUE)
    ]


def test_missed_examination_makes_summons_ii_due_within_d7(blitar_case, examiner_user):
    # Scenario 2: absent on 2024-01-15 → summons II must go out by 2024-01-24.
    add_summons(
        blitar_case,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=examiner_user,
        attendance=Summons.Attendance.ABSENT,
    )

    assert summary(case_deadlines(blitar_case, today=D(2024, 1, 16))) == [
        ("D6", "summons1", D(2024, 1, 4), DeadlineStatus.MET),
        ("D7", "summons2", D(2024, 1, 24), DeadlineStatus.DUE),
    ]


def test_overdue_summons_ii_is_flagged_with_the_responsible_officials_names(blitar_case, examiner_user):
    add_summons(
        blitar_case,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=examiner_user,
        attendance=Summons.Attendance.ABSENT,
    )

    d7 = case_deadlines(blitar_case, today=D(2024, 1, 25))[-1]

    assert (d7.rule, d7.due, d7.status, d7.is_overdue) == ("D7", D(2024, 1, 24), DeadlineStatus.OVERDUE, True)
    assert [(p.name, p.role, p.user.username) for p in d7.responsible] == [
        ("Hendra Saputra", "pemeriksa", "pemeriksa"),
        ("Ir. Sutrisno Wibowo", "atasan langsung", "sekda"),
    ]
    assert d7.legal_basis.startswith("PP")


def test_summons_ii_sent_meets_d7_and_gets_its_own_d6(blitar_case, examiner_user):
    add_summons(
        blitar_case,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=examiner_user,
        attendance=Summons.Attendance.ABSENT,
    )
    add_summons(blitar_case, number=2, examination=at(2024, 1, 25), sent_on=D(2024, 1, 16), issued_by=examiner_user)

    assert summary(case_deadlines(blitar_case, today=D(2024, 1, 17))) == [
        ("D6", "summons1", D(2024, 1, 4), DeadlineStatus.MET),
        ("D6", "summons2", D(2024, 1, 16), DeadlineStatus.MET),
        ("D7", "summons2", D(2024, 1, 24), DeadlineStatus.MET),
    ]


def test_a_closed_case_has_no_deadlines(officer, examiner_user):
    case = case_in(Case.Status.WITHDRAWN, agency=officer.agency, registered_by=officer)
    add_summons(case, number=1, examination=at(2024, 1, 15), sent_on=D(2024, 1, 20), issued_by=examiner_user)

    assert case_deadlines(case, today=D(2024, 1, 25)) == []


def test_overdue_cases_keeps_only_cases_with_an_overdue_deadline(
    officer, camat, examiner_user, django_assert_num_queries
):
    late = summoned_case(officer=officer, accused=camat, number="0001/KASUS/2024")
    add_summons(
        late,
        number=1,
        examination=at(2024, 1, 15),
        sent_on=D(2024, 1, 3),
        issued_by=examiner_user,
        attendance=Summons.Attendance.ABSENT,
    )
    on_time = summoned_case(officer=officer, accused=camat, number="0002/KASUS/2024")
    add_summons(
        on_time,
        number=1,
        examination=at(2024, 1, 22),
        sent_on=D(2024, 1, 8),
        issued_by=examiner_user,
        attendance=Summons.Attendance.ABSENT,
    )
    summoned_case(officer=officer, accused=camat, number="0003/KASUS/2024")

    # candidates, their summonses, the rules, the year's calendar changes, the result.
    with django_assert_num_queries(5):
        numbers = list(overdue_cases(Case.objects.all(), today=D(2024, 1, 25)).values_list("number", flat=True))

    assert numbers == ["0001/KASUS/2024"]
