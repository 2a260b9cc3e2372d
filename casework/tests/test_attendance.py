"""What came of a summons: never recorded before the examination's day; an absence after a summons that did not
respect the notice rules (D6, or D7 for summons II) never counts toward "absent twice" (docs/legal-basis.md §5.2)."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from casework import services
from casework.models import Case, Letter, Summons
from casework.tests.conftest import at
from casework.tests.factories import agency_administrator
from core.errors import DomainError
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

PLACE = "Kantor BKPSDM Kabupaten Blitar"


@pytest.fixture
def supervisor(agency: Any) -> Any:
    return agency_administrator()


@pytest.fixture
def reviewed(case: Case, officer: Any) -> Case:
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    return Case.objects.get(pk=case.pk)


def _issue(case: Case, actor: Any, number: int, examination: datetime.datetime, sent_on: datetime.date, **kw: Any):
    return services.summons_issue(
        case=case,
        actor=actor,
        number=number,
        scheduled_at=examination,
        sent_on=sent_on,
        delivery_method="post",
        place=PLACE,
        **kw,
    )


def _rows() -> tuple[Any, ...]:
    return (
        tuple(Summons.objects.order_by("id").values_list("attendance", "set_aside_at")),
        AuditEvent.objects.count(),
        Letter.objects.count(),
    )


# --- the examination's day --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("record", ["attendance", "absence"])
def test_nothing_is_recorded_of_a_summons_before_its_examination_day(reviewed, officer, travel, record):
    summons = _issue(reviewed, officer, 1, at(2024, 1, 15), datetime.date(2024, 1, 4))
    travel(2024, 1, 14, 16)
    before = _rows()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        if record == "attendance":
            services.summons_record_attendance(summons=summons, actor=officer)
        else:
            services.summons_record_absence(summons=summons, actor=officer)

    assert (refused.value.code, str(refused.value.message)) == (
        "attendance_before_examination",
        "The examination of summons I is set for 15 January 2024: whether the accused came can be recorded from "
        "that day on.",
    )
    assert _rows() == before


def test_on_the_examination_day_the_attendance_is_recorded(reviewed, officer, travel):
    summons = _issue(reviewed, officer, 1, at(2024, 1, 15), datetime.date(2024, 1, 4))
    travel(2024, 1, 15, 8)

    assert services.summons_record_attendance(summons=summons, actor=officer).attendance == "attended"


# --- absences that do not count ---------------------------------------------------------------------------------------


def test_an_absence_after_a_short_notice_summons_is_not_counted_and_a_new_summons_one_is_due(
    reviewed, officer, supervisor
):
    short = _issue(
        reviewed,
        supervisor,
        1,
        at(2024, 1, 15),
        datetime.date(2024, 1, 10),
        override_reason="Atas permintaan terlapor.",
    )

    services.summons_record_absence(summons=short, actor=officer, note="Tidak hadir.")

    short.refresh_from_db()
    assert (short.attendance, short.notice_respected, short.set_aside_why) == ("absent", False, "notice_not_respected")
    case = Case.objects.get(pk=reviewed.pk)
    assert case.status == "summoned"
    event = AuditEvent.objects.get(action="summons_absence_not_counted")
    assert (event.reason, event.data["set_aside"]) == ("Tidak hadir.", ["summons_1"])
    assert not Letter.objects.filter(kind="non_appearance_record").exists()
    # A new, valid summons I takes its place; summons II is not offered on an absence that does not count.
    from casework.case_actions import case_actions_for

    assert case_actions_for(case, officer).summons_issue == 1
    fresh = _issue(case, officer, 1, at(2024, 1, 29), datetime.date(2024, 1, 18))
    assert (fresh.number, fresh.notice_respected, fresh.is_set_aside) == (1, True, False)


def test_scenario_2_with_a_short_notice_summons_two_in_between_still_needs_two_valid_absences(
    reviewed, officer, supervisor, travel
):
    """Summons I missed; a summons II by agreement with too short a notice, missed too: it does not count. A valid
    summons II within rule D7 follows, and only its absence makes the case absent twice."""
    first = _issue(reviewed, officer, 1, at(2024, 1, 15), datetime.date(2024, 1, 4))
    travel(2024, 1, 15, 13)
    services.summons_record_absence(summons=first, actor=officer)
    short = _issue(
        reviewed, supervisor, 2, at(2024, 1, 18), datetime.date(2024, 1, 16), override_reason="Atas kesepakatan."
    )
    travel(2024, 1, 18, 13)
    services.summons_record_absence(summons=short, actor=officer)
    assert Case.objects.get(pk=reviewed.pk).status == "summoned"
    second = _issue(reviewed, officer, 2, at(2024, 2, 1), datetime.date(2024, 1, 22))
    travel(2024, 2, 1, 13)
    services.summons_record_absence(summons=second, actor=officer, note="Tidak hadir lagi.")

    case = Case.objects.get(pk=reviewed.pk)
    assert case.status == "absent_twice"
    record = Letter.objects.get(kind="non_appearance_record")
    assert record.context["summonses"] == [
        {"number": 1, "scheduled_at": "2024-01-15T09:00:00+07:00", "sent_on": "2024-01-04"},
        {"number": 2, "scheduled_at": "2024-02-01T09:00:00+07:00", "sent_on": "2024-01-22"},
    ]  # the summons allowed outside the rules is listed nowhere as a basis
    assert Summons.objects.get(pk=first.pk).set_aside_at is None


def test_an_absence_after_a_late_summons_two_sets_both_aside_a_new_summons_one_is_due(
    reviewed, officer, supervisor, travel
):
    first = _issue(reviewed, officer, 1, at(2024, 1, 15), datetime.date(2024, 1, 4))
    travel(2024, 1, 15, 13)
    services.summons_record_absence(summons=first, actor=officer)
    late = _issue(
        reviewed, supervisor, 2, at(2024, 2, 12), datetime.date(2024, 1, 29), override_reason="Alamat baru diketahui."
    )
    assert late.notice_respected is False  # later than rule D7 (by 24 January 2024)
    travel(2024, 2, 12, 13)

    services.summons_record_absence(summons=late, actor=officer)

    assert list(Summons.objects.order_by("number").values_list("number", "set_aside_why")) == [
        (1, "second_summons_too_late"),
        (2, "notice_not_respected"),
    ]
    assert AuditEvent.objects.get(action="summons_absence_not_counted").data["set_aside"] == ["summons_2", "summons_1"]
    assert Case.objects.get(pk=reviewed.pk).status == "summoned"
    assert _issue(reviewed, officer, 1, at(2024, 2, 26), datetime.date(2024, 2, 14)).notice_respected is True


def test_the_accused_may_attend_a_summons_allowed_with_a_short_notice(reviewed, officer, supervisor):
    short = _issue(reviewed, supervisor, 1, at(2024, 1, 15), datetime.date(2024, 1, 10), override_reason="Sepakat.")

    services.summons_record_attendance(summons=short, actor=officer)

    assert Summons.objects.get(pk=short.pk).attendance == "attended"
    assert Summons.objects.get(pk=short.pk).set_aside_at is None
