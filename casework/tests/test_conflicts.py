"""Two officers acting on the same case at once: one wins, the other gets a clear conflict, nothing is lost."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.utils import translation

from casework import services
from casework.models import Case, CaseTrack
from core.audit import audit_verify
from core.errors import ConflictError, DomainError
from core.models import AuditEvent


def _start_review(case: Case, actor: Any, version: int | None) -> Any:
    return services.case_start_review(
        case=case, actor=actor, probable_level="heavy", tracks=["discipline"], expected_version=version
    )


def _dismiss(case: Case, actor: Any, version: int | None) -> Any:
    return services.case_dismiss(case=case, actor=actor, reason="Bukan ASN Kabupaten Lebong.", expected_version=version)


def _race(
    case: Case, actor: Any, calls: list[Callable[[Case, Any, int | None], Any]], version: int | None
) -> list[Any]:
    """Run the calls in parallel threads, each with its own connection and its own copy of the case as loaded."""
    loaded = [Case.objects.get(pk=case.pk) for _ in calls]
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = calls[index](loaded[index], actor, version)
        except DomainError as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_moving_the_same_version_one_wins_the_other_gets_a_conflict(case, officer):
    results = _race(case, officer, [_start_review, _dismiss], version=1)

    winners = [result for result in results if isinstance(result, Case)]
    losers = [result for result in results if isinstance(result, ConflictError)]
    assert (len(winners), len(losers)) == (1, 1)
    assert (losers[0].code, losers[0].http_status) == ("case_changed", 409)
    case.refresh_from_db()
    assert (case.status, case.version) == (winners[0].status, 2)
    moves = list(AuditEvent.objects.filter(target_id=case.pk).values_list("from_status", "to_status"))
    assert moves == [("registered", case.status)]
    assert audit_verify() is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_starting_the_same_review_at_once_start_it_once(case, officer):
    results = _race(case, officer, [_start_review, _start_review], version=None)

    assert all(isinstance(result, Case) for result in results)
    case.refresh_from_db()
    assert (case.status, case.version) == ("under_review", 2)
    assert AuditEvent.objects.filter(action="case_review_started").count() == 1
    assert CaseTrack.objects.filter(case=case).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_version_the_row_lock_serialises_the_moves_and_the_table_checks_the_second(case, officer):
    results = _race(case, officer, [_start_review, _dismiss], version=None)

    # Review then dismissal is a legal path; dismissal then review is refused by the table. Either way the case
    # ends dismissed and its history is exactly what happened.
    case.refresh_from_db()
    outcome = [type(result).__name__ for result in results]
    moves = list(AuditEvent.objects.filter(target_id=case.pk).order_by("id").values_list("from_status", "to_status"))
    assert case.status == "dismissed"
    assert (outcome, moves) in [
        (["Case", "Case"], [("registered", "under_review"), ("under_review", "dismissed")]),
        (["TransitionNotAllowed", "Case"], [("registered", "dismissed")]),
    ]


@pytest.mark.django_db
def test_a_stale_version_is_a_conflict_with_a_clear_message_and_nothing_is_saved(case, officer):
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    events = AuditEvent.objects.count()

    with translation.override("en"), pytest.raises(ConflictError) as refused:
        services.case_dismiss(case=case, actor=officer, reason="Bukan ASN.", expected_version=1)

    assert str(refused.value.message) == (
        f"Case {case.number} was changed by another officer while you were working on it (it is now “Under review”). "
        "Reload the case and try again; nothing was saved."
    )
    case.refresh_from_db()
    assert (case.status, case.version, case.closure_reason, AuditEvent.objects.count()) == (
        "under_review",
        2,
        "",
        events,
    )


@pytest.mark.django_db
def test_the_conflict_reads_in_indonesian(case, officer):
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])

    with translation.override("id"), pytest.raises(ConflictError) as refused:
        services.case_withdraw(case=case, actor=officer, reason="Salah registrasi.", expected_version=1)

    assert str(refused.value.message) == (
        f"Kasus {case.number} telah diubah oleh petugas lain saat Anda mengerjakannya "
        "(statusnya kini “Sedang ditelaah”). Muat ulang kasus dan coba lagi; tidak ada yang disimpan."
    )


@pytest.mark.django_db
def test_the_current_version_is_accepted(case, officer):
    services.case_start_review(
        case=case, actor=officer, probable_level="moderate", tracks=["discipline"], expected_version=1
    )

    services.case_dismiss(case=case, actor=officer, reason="Bukan ASN.", expected_version=2)

    assert Case.objects.get(pk=case.pk).status == "dismissed"
