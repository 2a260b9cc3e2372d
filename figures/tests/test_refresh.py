"""The summary tables follow the audit trail: a change named by an event is in the figures after one refresh,
a second refresh finds nothing, and a calendar change recomputes every duration."""

import datetime

from casework.audit_actions import CASE_REGISTERED
from casework.models import Case
from core.audit import audit_record
from core.models import DayOff
from figures.models import CaseFact, PublicCell, RefreshState
from figures.refresh import figures_refresh


def test_a_change_named_by_an_event_reaches_the_facts_and_the_public_cells(world):
    case = world.cases["c5"]
    Case.objects.filter(pk=case.pk).update(status=Case.Status.WITHDRAWN)
    audit_record(actor=world.officer, action=CASE_REGISTERED, target=case, to_status="withdrawn")
    before = RefreshState.objects.get().public_version

    run = figures_refresh()
    fact = CaseFact.objects.get(case=case)

    assert (run.cases, run.agencies, run.rebuilt) == (1, 1, False)
    assert (fact.status, fact.is_open) == ("withdrawn", False)
    assert PublicCell.objects.get(agency=world.agency, table="outcomes", key="stopped").value == 2
    assert RefreshState.objects.get().public_version == before + 1
    assert figures_refresh().cases == 0


def test_a_change_nobody_recorded_waits_for_the_nightly_rebuild(world):
    Case.objects.filter(pk=world.cases["c5"].pk).update(status=Case.Status.WITHDRAWN)

    assert figures_refresh().events == 0
    assert CaseFact.objects.get(case=world.cases["c5"]).status == "under_review"


def test_a_new_day_off_recomputes_every_working_day_count(world):
    assert CaseFact.objects.get(case=world.cases["c1"]).days_to_decision == 19
    DayOff.objects.create(date=datetime.date(2024, 10, 15), name="Hari jadi Kabupaten", legal_basis="Perbup 1/2024")

    run = figures_refresh()

    assert run.rebuilt is True
    assert CaseFact.objects.get(case=world.cases["c1"]).days_to_decision == 18


def test_a_running_refresh_is_not_run_twice(world):
    from django.core.cache import cache

    from figures.refresh import LOCK_KEY

    cache.add(LOCK_KEY, "taken", 60)

    assert figures_refresh().skipped is True


def test_beat_runs_the_refresh_the_rebuild_the_expiry_and_the_monthly_reports(settings):
    from config.celery_app import app

    app.loader.import_default_modules()
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert {
        "figures.refresh_figures",
        "figures.rebuild_figures",
        "figures.delete_expired_exports",
        "figures.request_monthly_reports",
    } <= tasks
    assert {"figures.run_export", "figures.render_summary_report"} <= set(app.tasks)
