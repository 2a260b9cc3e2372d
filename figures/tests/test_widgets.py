"""Every widget's figures on the known world (figures/tests/world.py), worked out by hand."""

import datetime

import pytest

from core.calendar import working_days_between
from figures.filters import Filters
from figures.widgets import WIDGETS
from figures.widgets.base import percentile
from sanctions.follow_through import follow_through_rows, follow_through_share


def _widget(world, key, **query):
    return WIDGETS[key](Filters.from_query(query, agency_id=world.agency.pk))


def _values(widget):
    return [(row.label, row.values) for row in widget.rows]


def _links(widget):
    return [row.link for row in widget.rows]


def test_reports_received_and_cases_closed_by_month(world):
    widget = _widget(world, "received_closed")

    assert [row.values for row in widget.rows] == [(4, 0), (3, 0), (3, 3)]
    assert widget.total.values == (10, 3)
    assert widget.rows[0].link == {"from": "2024-10-01", "to": "2024-10-31"}


def test_reports_by_week_fill_the_empty_weeks(world):
    widget = _widget(world, "received_closed", by="week")

    assert widget.rows[0].link == {"from": "2024-10-07", "to": "2024-10-13"}
    assert sum(row.values[0] for row in widget.rows) == 10
    assert len(widget.rows) == 10  # 7 Oct … 9 Dec 2024


def test_open_cases_by_status_and_age(world):
    by_status = _widget(world, "open_by_status")
    by_age = _widget(world, "open_by_age")

    assert [(row.link, row.values) for row in by_status.rows] == [
        ({"status": "under_review"}, (1,)),
        ({"status": "summoned"}, (1,)),
        ({"status": "decided"}, (2,)),
    ]
    assert [row.values[0] for row in by_age.rows] == [0, 0, 0, 0, 4]
    assert by_age.rows[-1].link == {"age": "366-"}


def test_the_funnel_and_its_drop_outs(world):
    widget = _widget(world, "funnel")

    assert [row.values for row in widget.rows] == [
        (10, None),
        (7, 100.0),
        (4, 57.1),
        (3, 42.9),
        (2, 28.6),
        (1, 14.3),
        (1, None),
        (1, 14.3),
        (1, 14.3),
    ]
    assert _links(widget)[1:3] == [{"step": "case"}, {"step": "examined"}]


def test_cases_by_unit_position_channel_election_and_stage(world):
    units = _widget(world, "by_unit")
    assert [(row.label, row.values[0]) for row in units.rows] == [
        ("Dinas Pendidikan", 4),
        ("Dinas Kesehatan", 2),
        (units.rows[2].label, 1),
    ]
    assert units.rows[0].link == {"unit": str(world.units["education"].pk)}
    assert units.rows[2].link == {"unit": "none"}
    assert [row.values[0] for row in _widget(world, "by_position_kind").rows] == [2, 2, 2, 1]
    assert [(row.link, row.values[0]) for row in _widget(world, "by_channel").rows] == [
        ({"channel": "citizen"}, 3),
        ({"channel": "bawaslu"}, 1),
        ({"channel": "bkn"}, 2),
        ({"channel": "diskominfo"}, 1),
    ]
    assert _values(_widget(world, "by_election")) == [("Pilkada Lebong 2024", (7,))]
    assert [(row.link, row.values[0]) for row in _widget(world, "by_stage").rows] == [
        ({"stage": "campaign"}, 4),
        ({"stage": "quiet_period"}, 1),
        ({"stage": "voting"}, 1),
        ({"stage": "none"}, 1),
    ]


def test_cases_by_violation_with_the_social_media_share(world):
    widget = _widget(world, "by_violation")

    assert [(row.link["violation"], row.values[0]) for row in widget.rows] == [
        ("N01", 1),
        ("N02", 1),
        ("N04", 2),
        ("N05", 1),
        ("N06", 1),
        ("N11", 1),
        ("N13", 1),
    ]
    assert widget.extra == {"social": 3, "known": 7, "social_share": 42.9}


def test_sanctions_by_level_type_and_employee_type_leave_the_annulled_decision_out(world):
    assert [(row.link, row.values[0]) for row in _widget(world, "sanctions_by_level").rows] == [
        ({"level": "light"}, 1),
        ({"level": "moderate"}, 1),
    ]
    assert [(row.link, row.values[0]) for row in _widget(world, "sanctions_by_type").rows] == [
        ({"sanction": "R2"}, 1),
        ({"sanction": "S1"}, 1),
    ]
    assert [(row.link, row.values[0]) for row in _widget(world, "sanctions_by_employee_type").rows] == [
        ({"employee": "pns", "step": "sanctioned"}, 1),
        ({"employee": "pppk", "step": "sanctioned"}, 1),
    ]


def test_objections_by_the_state_of_the_latest(world):
    widget = _widget(world, "objections")

    assert [(row.link, row.values[0]) for row in widget.rows] == [({"objection": "objection:pending"}, 1)]


def test_time_to_decision_and_delivery_median_and_90th_percentile(world):
    days = [
        working_days_between(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
        for start, end in [("2024-10-07", "2024-11-01"), ("2024-10-10", "2024-11-15"), ("2024-10-18", "2024-11-20")]
    ]
    widget = _widget(world, "durations")

    assert days == [19, 26, 23]
    # Sorted 19, 23, 26: the median is 23; the 90th percentile lies 0.8 of the way from 23 to 26.
    assert widget.rows[0].values == (3, 23.0, pytest.approx(25.4))
    # Delivery: 1 → 5 Nov (2 working days), 15 → 20 Nov (3), 20 → 22 Nov (2).
    assert widget.rows[1].values == (3, 2.0, pytest.approx(2.8))


@pytest.mark.parametrize(
    ("histogram", "median", "p90"),
    [
        ([(5, 1)], 5.0, 5.0),
        ([(1, 1), (2, 1), (3, 1), (4, 1)], 2.5, 3.7),
        ([(10, 3), (20, 1)], 10.0, 17.0),
        ([], None, None),
    ],
)
def test_percentiles_interpolate_between_ranks_like_percentile_cont(histogram, median, p90):
    assert percentile(histogram, 0.5) == median
    assert percentile(histogram, 0.9) == (pytest.approx(p90) if p90 is not None else None)


def test_steps_overdue_today_name_the_responsible_official(world):
    widget = _widget(world, "overdue_by_official")

    assert _values(widget) == [("Budi Santoso", (1,))]
    assert widget.total.values == (1,)
    assert widget.rows[0].link == {"overdue": "1"}


def test_follow_through_counts_as_the_register_does(world):
    widget = _widget(world, "follow_through")
    executed, total = follow_through_share(follow_through_rows(user=world.leader))

    assert [row.values for row in widget.rows] == [(5, 100.0), (4, 80.0), (1, 20.0)]
    assert (executed, total) == (1, 5)
    assert widget.extra == {"rate": 20.0}


def test_filters_narrow_every_widget(world):
    november = {"from": "2024-11-01", "to": "2024-11-30"}

    assert [row.values[0] for row in _widget(world, "funnel", **november).rows][:2] == [3, 2]
    assert [row.values[0] for row in _widget(world, "by_channel", unit=str(world.units["education"].pk)).rows] == [
        2,
        1,
        1,
    ]
    assert _widget(world, "funnel", violation="N04").rows[1].values[0] == 2
    assert _widget(world, "funnel", stage="none").rows[1].values[0] == 1
    assert _widget(world, "funnel", channel="bkn").rows[0].values[0] == 2
    assert _widget(world, "funnel", status="decided").rows[1].values[0] == 2
    assert _widget(world, "funnel", overdue="1").rows[1].values[0] == 1


def test_an_invalid_filter_value_is_ignored(world):
    assert Filters.from_query(
        {"unit": "99999", "channel": "nope", "from": "2024-13-01"}, agency_id=world.agency.pk
    ) == (Filters(agency_id=world.agency.pk))
    other_unit = world.cases["b1"].accused.unit_id
    assert Filters.from_query({"unit": str(other_unit)}, agency_id=world.agency.pk).unit == ""
