"""Taking effect (D10) and executing the sanction (D15, execution records), the daily runs and the case's close."""

import pytest

from casework.models import Case
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from sanctions.models import Decision, ExecutionRecord, Objection
from sanctions.services.execution import (
    decision_take_effect,
    decisions_take_effect_due,
    effective_date,
    execution_record_add,
    executions_complete_due,
)
from sanctions.tests.after_helpers import D, case_with_reports, decision, lebong
from sanctions.tests.factories import sanction
from violations.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lebong()


def _statuses(case: Case) -> list[str]:
    return sorted(report.status for report in Report.objects.filter(case_report__case=case))


def test_scenario_1_received_2024_11_25_takes_effect_2024_12_17_and_is_served_until_2025_12_17(world):
    delivered = decision(world, received_on=D("2024-11-25"))
    assert effective_date(delivered) == D("2024-12-17")

    with pytest.raises(ConflictError) as early:
        decision_take_effect(decision=delivered, today=D("2024-12-16"))
    assert early.value.code == "decision_not_yet_effective"

    # The run happens weeks later: the date in effect is still the D10 date, not the run date.
    effective = decision_take_effect(decision=delivered, today=D("2025-01-06"))

    effective.refresh_from_db()
    assert (
        effective.status,
        effective.effective_on,
        effective.execution_status,
        effective.sanction_starts_on,
        effective.sanction_ends_on,
    ) == ("effective", D("2024-12-17"), "serving", D("2024-12-17"), D("2025-12-17"))
    version = effective.version
    assert decision_take_effect(decision=effective, today=D("2025-01-07")).version == version
    assert list(
        AuditEvent.objects.filter(
            target_type="casework.case", target_id=delivered.case_id, data__decision=delivered.pk
        ).values_list("action", "from_status", "to_status")
    ) == [("decision_effective", "delivered", "effective")]
    # Serving: the case stays decided.
    effective.case.refresh_from_db()
    assert effective.case.status == "decided"


def test_the_daily_run_makes_due_decisions_effective_once(world):
    due = decision(world, received_on=D("2024-11-25"))
    not_yet = decision(world, case=case_with_reports(world, bawaslu=False), received_on=D("2024-11-26"))
    signed_only = decision(world, case=case_with_reports(world, bawaslu=False))

    assert decisions_take_effect_due(today=D("2024-12-16")) == []
    assert decisions_take_effect_due(today=D("2024-12-17")) == [due.pk]
    assert decisions_take_effect_due(today=D("2024-12-17")) == []
    assert decisions_take_effect_due(today=D("2024-12-18")) == [not_yet.pk]
    statuses = dict(Decision.objects.values_list("pk", "status"))
    assert (statuses[due.pk], statuses[not_yet.pk], statuses[signed_only.pk]) == ("effective", "effective", "signed")


def test_a_pending_objection_keeps_the_decision_from_taking_effect(world):
    objected = decision(world, received_on=D("2024-11-25"), status=Decision.Status.OBJECTED)
    Objection.objects.create(
        decision=objected,
        kind=Objection.Kind.OBJECTION,
        filed_on=D("2024-12-02"),
        filed_by_name="Drs. Rahmat Hidayat",
        grounds="Unggahan sudah dihapus.",
        window_ends_on=D("2024-12-16"),
        recorded_by=world.officer,
    )
    assert decisions_take_effect_due(today=D("2025-01-06")) == []
    with pytest.raises(ConflictError) as refused:
        decision_take_effect(decision=objected, today=D("2025-01-06"))
    assert refused.value.code == "objection_pending"


def test_the_daily_run_completes_a_served_sanction_on_its_end_date_and_closes_the_case(world):
    made = decision(world, received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))

    assert executions_complete_due(today=D("2025-12-16")) == []
    assert executions_complete_due(today=D("2025-12-18")) == [made.pk]
    assert executions_complete_due(today=D("2025-12-18")) == []

    made.refresh_from_db()
    made.case.refresh_from_db()
    assert (made.execution_status, made.completed_on) == ("completed", D("2025-12-17"))
    assert (made.case.status, made.case.closure_reason) == (
        "closed",
        "Every decision on the case took effect and was carried out, or was annulled.",
    )
    assert _statuses(made.case) == ["closed", "closed"]


def test_an_allowance_cut_is_recorded_and_the_sanction_runs_until_its_end(world):
    made = decision(world, code="S1", received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))
    made.refresh_from_db()
    assert (made.execution_status, made.sanction_ends_on) == ("serving", D("2025-06-17"))

    record = execution_record_add(
        decision=made,
        actor=world.officer,
        action=ExecutionRecord.Action.ALLOWANCE_CUT,
        carried_out_on=D("2025-01-02"),
        document_number="900/12/BPKAD/2025",
    )

    made.refresh_from_db()
    assert (record.action, record.carried_out_on, record.recorded_by) == (
        "allowance_cut",
        D("2025-01-02"),
        world.officer,
    )
    assert made.execution_status == "serving"
    assert executions_complete_due(today=D("2025-06-17")) == [made.pk]


@pytest.mark.parametrize(
    ("code", "track", "action"),
    [
        ("R2", "discipline", "reprimand_delivered"),
        ("M1", "ethics", "moral_statement_read"),
        ("B3", "discipline", "dismissed"),
    ],
)
def test_a_sanction_without_duration_is_completed_by_its_record(world, code, track, action):
    made = decision(world, code=code, track=track, received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))
    made.refresh_from_db()
    # A sanksi moral takes effect on the day it was set (decision_date), a disciplinary sanction by D10.
    assert (made.execution_status, made.sanction_starts_on, made.sanction_ends_on) == (
        "not_started",
        made.decision_date if track == "ethics" else D("2024-12-17"),
        None,
    )
    # Another kind of record does not complete it.
    execution_record_add(decision=made, actor=world.officer, action="other", carried_out_on=D("2024-12-18"))
    made.refresh_from_db()
    assert made.execution_status == "not_started"

    execution_record_add(decision=made, actor=world.examiner, action=action, carried_out_on=D("2024-12-19"))

    made.refresh_from_db()
    made.case.refresh_from_db()
    assert (made.execution_status, made.completed_on, made.case.status) == ("completed", D("2024-12-19"), "closed")


def test_a_dismissal_decision_has_nothing_to_execute_and_closes_the_case_when_effective(world):
    made = decision(world, code=None, received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))
    made.refresh_from_db()
    made.case.refresh_from_db()
    assert (made.status, made.execution_status, made.sanction_starts_on, made.case.status) == (
        "effective",
        "not_applicable",
        None,
        "closed",
    )
    with pytest.raises(ConflictError):
        execution_record_add(decision=made, actor=world.officer, action="other", carried_out_on=D("2024-12-18"))


def test_a_dismissal_takes_effect_on_its_decision_date_at_the_first_run_after_delivery(world):
    made = decision(world, code=None, received_on=D("2024-11-25"))

    assert decisions_take_effect_due(today=D("2024-11-25")) == [made.pk]

    made.refresh_from_db()
    assert (made.status, made.effective_on) == ("effective", D("2024-11-20"))


def test_the_case_closes_only_when_every_live_decision_is_final(world):
    case = case_with_reports(world)
    discipline = decision(world, case=case, code="R2", received_on=D("2024-11-25"))
    ethics = decision(world, case=case, code="M1", track="ethics", received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))
    execution_record_add(
        decision=discipline, actor=world.officer, action="reprimand_delivered", carried_out_on=D("2024-12-18")
    )
    case.refresh_from_db()
    assert case.status == "decided"

    execution_record_add(
        decision=ethics, actor=world.officer, action="moral_statement_read", carried_out_on=D("2024-12-20")
    )
    case.refresh_from_db()
    assert case.status == "closed"


def test_execution_records_are_checked(world):
    made = decision(world, code="R2", received_on=D("2024-11-25"))
    with pytest.raises(ConflictError):  # not in effect yet
        execution_record_add(
            decision=made, actor=world.officer, action="reprimand_delivered", carried_out_on=D("2024-12-18")
        )
    decisions_take_effect_due(today=D("2024-12-17"))
    with pytest.raises(DomainError) as early:
        execution_record_add(
            decision=made, actor=world.officer, action="reprimand_delivered", carried_out_on=D("2024-12-16")
        )
    assert (early.value.code, early.value.field) == ("execution_before_effective", "carried_out_on")
    with pytest.raises(DomainError) as invalid:
        execution_record_add(decision=made, actor=world.officer, action="flogged", carried_out_on=D("2024-12-18"))
    assert invalid.value.field == "action"
    with pytest.raises(PermissionDenied):
        execution_record_add(
            decision=made, actor=world.bupati, action="reprimand_delivered", carried_out_on=D("2024-12-18")
        )
    assert ExecutionRecord.objects.count() == 0
    assert sanction("R2").duration_months is None


def test_the_daily_beat_task_runs_both_steps_for_jakartas_today_and_can_run_twice(world, monkeypatch, settings):
    from core import clock
    from sanctions import tasks

    made = decision(world, received_on=D("2024-11-25"))
    monkeypatch.setattr(clock, "today", lambda: D("2025-12-17"))

    assert tasks.run_daily() == {"today": "2025-12-17", "effective": [made.pk], "completed": [made.pk]}
    assert tasks.run_daily() == {"today": "2025-12-17", "effective": [], "completed": []}
    made.refresh_from_db()
    assert (made.effective_on, made.execution_status, made.completed_on) == (
        D("2024-12-17"),
        "completed",
        D("2025-12-17"),
    )
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert (schedule["sanctions-daily"]["task"], schedule["sanctions-reminders"]["task"]) == (
        "sanctions.run_daily",
        "sanctions.send_reminders",
    )


def test_an_execution_record_sent_from_a_stale_page_is_refused_and_nothing_is_recorded(world):
    made = decision(world, code="S1", received_on=D("2024-11-25"))
    decisions_take_effect_due(today=D("2024-12-17"))
    made.refresh_from_db()
    seen = made.version
    execution_record_add(
        decision=made,
        actor=world.officer,
        action=ExecutionRecord.Action.ALLOWANCE_CUT,
        carried_out_on=D("2025-01-02"),
        expected_version=seen,
    )

    with pytest.raises(ConflictError) as refused:
        execution_record_add(
            decision=made,
            actor=world.officer,
            action=ExecutionRecord.Action.ALLOWANCE_CUT,
            carried_out_on=D("2025-01-02"),
            expected_version=seen,
        )

    assert refused.value.code == "decision_changed"
    assert ExecutionRecord.objects.filter(decision=made).count() == 1
