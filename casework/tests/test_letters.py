"""Letters: numbering, rendering exactly once, retries, superseding and verification codes."""

import hashlib
import threading
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import translation

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from casework import letters, tasks
from casework.letters import (
    CROCKFORD_ALPHABET,
    MAX_RENDER_ATTEMPTS,
    letter_get_for_user,
    letter_mark_failed,
    letter_render,
    letter_request,
    letter_retry,
    letter_supersede,
    letter_verify,
    normalize_verification_code,
    rendering,
    requesting,
)
from casework.models import Letter, LetterNumberSequence
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import scenario_context
from core import clock
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from core.testing import stored_files

YEAR = clock.today().year


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Letter ids whose rendering was enqueued (after commit), instead of publishing to the broker."""
    calls: list[int] = []
    monkeypatch.setattr(
        requesting, "enqueue_render", lambda letter: transaction.on_commit(lambda: calls.append(letter.pk))
    )
    return calls


@pytest.fixture
def lebong(db: Any) -> Any:
    return AgencyFactory(address="Jl. Raya Tubei No. 1, Kabupaten Lebong")


@pytest.fixture
def clerk(lebong: Any) -> Any:
    return IntakeOfficerFactory(username="verifikator-surat", agency=lebong)


@pytest.fixture
def a_case(clerk: Any) -> Any:
    return CaseFactory(agency=clerk.agency, registered_by=clerk)


def _request(case: Any, actor: Any, kind: str = "summons_1") -> Letter:
    return letter_request(case=case, kind=kind, actor=actor, context=scenario_context(kind))


def _issued(case: Any, actor: Any, kind: str = "summons_1") -> Letter:
    return letter_render(letter_id=_request(case, actor, kind).pk)


@pytest.mark.django_db
def test_letter_numbers_run_per_register_without_gaps(a_case, clerk, enqueued):
    numbers = [_request(a_case, clerk).number for _ in range(3)]
    decision = _request(a_case, clerk, "examination_team_decision")

    assert numbers == [f"800/{n:04d}/BKPSDM/{YEAR}" for n in (1, 2, 3)]
    assert decision.number == f"800/0001/KEP/BKPSDM/{YEAR}"
    assert (decision.register, decision.year, decision.sequence) == ("decision", YEAR, 1)


@pytest.mark.django_db
def test_each_agency_has_its_own_register(a_case, clerk, enqueued):
    other_agency = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    other_clerk = IntakeOfficerFactory(username="verifikator-rl", agency=other_agency)
    other_case = CaseFactory(agency=other_agency, registered_by=other_clerk)

    _request(a_case, clerk)
    _request(a_case, clerk)
    first_elsewhere = _request(other_case, other_clerk)

    assert first_elsewhere.sequence == 1
    assert first_elsewhere.agency == other_agency


@pytest.mark.django_db
def test_a_rolled_back_request_consumes_no_number_and_leaves_nothing(a_case, clerk, enqueued):
    _request(a_case, clerk)
    events_before = AuditEvent.objects.count()

    with pytest.raises(RuntimeError), transaction.atomic():
        _request(a_case, clerk)
        raise RuntimeError("the step that asked for the letter failed")

    assert Letter.objects.count() == 1
    assert AuditEvent.objects.count() == events_before
    assert _request(a_case, clerk).number == f"800/0002/BKPSDM/{YEAR}"


@pytest.mark.django_db
def test_request_snapshots_the_content_adds_the_letterhead_and_audits_on_the_case(a_case, clerk, enqueued):
    context = scenario_context("summons_1")

    letter = letter_request(case=a_case, kind="summons_1", actor=clerk, context=context)
    context["accused"]["name"] = "changed afterwards"

    letter.refresh_from_db()
    assert letter.context["accused"]["name"] == "Drs. Rahmat Hidayat"
    assert letter.context["letterhead"] == {
        "government": "Pemerintah Kabupaten Lebong",
        "office": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "office_code": "BKPSDM",
        "region": "Kabupaten Lebong",
        "seat": "Tubei",
        "address": "Jl. Raya Tubei No. 1, Kabupaten Lebong",
    }
    assert (letter.status, letter.requested_by, letter.attempts, letter.pdf.name) == ("requested", clerk, 0, "")
    event = AuditEvent.objects.get(action="letter_requested")
    assert (event.target_type, event.target_id, event.actor) == ("casework.case", a_case.pk, clerk)
    assert event.data == {"letter": letter.pk, "kind": "summons_1", "number": letter.number}


@pytest.mark.django_db
def test_rendering_is_enqueued_only_when_the_request_commits(
    a_case, clerk, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = _request(a_case, clerk)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _request(a_case, clerk)
        raise RuntimeError("rolled back")

    assert enqueued == [letter.pk]


@pytest.mark.django_db
def test_an_unknown_kind_or_unstorable_content_is_refused_and_nothing_is_written(a_case, clerk, enqueued):
    with pytest.raises(DomainError) as unknown:
        letter_request(case=a_case, kind="love_letter", actor=clerk, context={})
    with pytest.raises(DomainError) as unstorable:
        letter_request(case=a_case, kind="summons_1", actor=clerk, context={"when": object()})

    assert (unknown.value.code, unknown.value.field) == ("letter_kind_unknown", "kind")
    assert unstorable.value.code == "letter_context_invalid"
    assert Letter.objects.count() == 0
    assert LetterNumberSequence.objects.count() == 0
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_verification_codes_are_twelve_crockford_characters_and_unique(a_case, clerk, enqueued):
    codes = [_request(a_case, clerk).verification_code for _ in range(20)]

    assert len(set(codes)) == 20
    assert all(len(code) == 12 and set(code) <= set(CROCKFORD_ALPHABET) for code in codes)


def test_a_typed_code_is_read_leniently_but_must_be_plausible():
    assert normalize_verification_code("abcd-efgh-jkmn") == "ABCDEFGHJKMN"
    assert normalize_verification_code(" O1IL 2345 6789 ") == "011123456789"
    assert normalize_verification_code("ABCDEFGHJKMU") is None  # U is not in Crockford's alphabet
    assert normalize_verification_code("ABCDEFGHJKM") is None
    assert normalize_verification_code("../../etc/passwd") is None


@pytest.mark.django_db
def test_rendering_twice_stores_one_file_and_one_hash(a_case, clerk, enqueued, private_storage):
    letter = _request(a_case, clerk)

    first = letter_render(letter_id=letter.pk)
    second = letter_render(letter_id=letter.pk)

    files = stored_files(private_storage)
    assert [path.relative_to(private_storage).as_posix() for path in files] == [
        f"letters/{YEAR}/{letter.verification_code}.pdf"
    ]
    assert first.sha256 == second.sha256 == hashlib.sha256(files[0].read_bytes()).hexdigest()
    assert (second.status, second.attempts, second.last_error) == ("issued", 1, "")
    assert AuditEvent.objects.filter(action="letter_issued").count() == 1


@pytest.mark.django_db
def test_a_file_left_by_a_crashed_run_is_replaced_not_duplicated(a_case, clerk, enqueued, private_storage):
    letter = _request(a_case, clerk)
    leftover = private_storage / "letters" / str(YEAR) / f"{letter.verification_code}.pdf"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half-written")

    issued = letter_render(letter_id=letter.pk)

    assert stored_files(private_storage) == [leftover]
    assert issued.sha256 == hashlib.sha256(leftover.read_bytes()).hexdigest()
    assert leftover.read_bytes().startswith(b"%PDF")


@pytest.mark.django_db
def test_the_task_renders_the_letter(a_case, clerk, enqueued):
    letter = _request(a_case, clerk)

    result = tasks.render_letter.apply(args=[letter.pk])

    letter.refresh_from_db()
    assert result.get() == "issued"
    assert letter.status == "issued"


@pytest.mark.django_db
def test_a_transient_error_is_retried_a_bounded_number_of_times_then_the_letter_fails(
    a_case, clerk, enqueued, monkeypatch, private_storage
):
    letter = _request(a_case, clerk)

    def broken_disk(letter: Letter) -> bytes:
        raise OSError("No space left on device")

    monkeypatch.setattr(rendering, "letter_pdf_bytes", broken_disk)

    tasks.render_letter.apply(args=[letter.pk])

    letter.refresh_from_db()
    assert (letter.status, letter.attempts) == ("failed", 1 + tasks.render_letter.max_retries)
    assert letter.last_error == "OSError: No space left on device"
    assert stored_files(private_storage) == []
    assert AuditEvent.objects.filter(action="letter_failed").count() == 1


@pytest.mark.django_db
def test_a_permanent_error_fails_the_letter_at_once(a_case, clerk, enqueued, monkeypatch):
    letter = _request(a_case, clerk)

    def bad_template(letter: Letter) -> bytes:
        raise ValueError("unknown variable")

    monkeypatch.setattr(rendering, "letter_pdf_bytes", bad_template)

    tasks.render_letter.apply(args=[letter.pk])

    letter.refresh_from_db()
    assert (letter.status, letter.attempts, letter.last_error) == ("failed", 1, "ValueError: unknown variable")


@pytest.mark.django_db
def test_a_letter_redelivered_too_often_is_failed_instead_of_rendered_again(a_case, clerk, enqueued, private_storage):
    letter = _request(a_case, clerk)
    Letter.objects.filter(pk=letter.pk).update(status="rendering", attempts=MAX_RENDER_ATTEMPTS)

    with translation.override("en"):
        result = letter_render(letter_id=letter.pk)

    assert (result.status, result.last_error) == ("failed", f"Gave up after {MAX_RENDER_ATTEMPTS} attempts.")
    assert stored_files(private_storage) == []


@pytest.mark.django_db
def test_a_failed_letter_is_retried_with_the_same_number_and_code(
    a_case, clerk, enqueued, django_capture_on_commit_callbacks
):
    letter = _request(a_case, clerk)
    letter_mark_failed(letter_id=letter.pk, error="WorkerLostError")

    with django_capture_on_commit_callbacks(execute=True):
        retried = letter_retry(letter=letter, actor=clerk)
    issued = letter_render(letter_id=letter.pk)

    assert (retried.status, retried.attempts) == ("requested", 0)
    assert enqueued == [letter.pk]
    assert (issued.status, issued.number, issued.verification_code) == (
        "issued",
        letter.number,
        letter.verification_code,
    )
    event = AuditEvent.objects.get(action="letter_retried")
    assert (event.actor, event.from_status, event.to_status, event.reason) == (
        clerk,
        "failed",
        "requested",
        "WorkerLostError",
    )


@pytest.mark.django_db
def test_a_letter_still_being_prepared_cannot_be_retried(a_case, clerk, enqueued, django_capture_on_commit_callbacks):
    letter = _request(a_case, clerk)
    events = AuditEvent.objects.count()

    with pytest.raises(ConflictError), django_capture_on_commit_callbacks(execute=True):
        letter_retry(letter=letter, actor=clerk)

    assert AuditEvent.objects.count() == events
    assert enqueued == []


@pytest.mark.django_db
def test_a_letter_stuck_for_long_can_be_retried(a_case, clerk, enqueued):
    letter = _request(a_case, clerk)
    Letter.objects.filter(pk=letter.pk).update(requested_at=clock.now() - letters.STALE_AFTER * 2)

    assert letter_retry(letter=letter, actor=clerk).status == "requested"


@pytest.mark.django_db
def test_only_those_working_on_the_case_may_retry_or_see_a_letter(a_case, clerk, enqueued):
    letter = _request(a_case, clerk)
    letter_mark_failed(letter_id=letter.pk, error="boom")
    outsider = UserFactory(username="pemeriksa-lain", agency=a_case.agency, roles=[Role.EXAMINER])

    with pytest.raises(PermissionDenied):
        letter_retry(letter=letter, actor=outsider)

    assert Letter.objects.get(pk=letter.pk).status == "failed"
    assert letter_get_for_user(user=outsider, letter_id=letter.pk) is None
    assert letter_get_for_user(user=clerk, letter_id=letter.pk) == letter


@pytest.mark.django_db
def test_a_superseded_letter_stays_verifiable_and_says_so(a_case, clerk, enqueued):
    first = _issued(a_case, clerk)
    second = _issued(a_case, clerk)

    letter_supersede(letter=first, replacement=second, actor=clerk, reason="Salah tanggal pemeriksaan")
    again = letter_supersede(letter=first, replacement=second, actor=clerk, reason="twice")

    assert again.superseded_by == second
    assert letter_verify(first.verification_code).superseded is True
    assert letter_verify(second.verification_code).superseded is False
    event = AuditEvent.objects.get(action="letter_superseded")
    assert (event.reason, event.data["by"]) == ("Salah tanggal pemeriksaan", second.number)


@pytest.mark.django_db
def test_superseding_is_refused_without_reason_by_an_earlier_letter_or_twice(a_case, clerk, enqueued):
    first = _issued(a_case, clerk)
    second = _issued(a_case, clerk)
    third = _issued(a_case, clerk)
    letter_supersede(letter=first, replacement=second, actor=clerk, reason="Koreksi")

    with pytest.raises(DomainError) as no_reason:
        letter_supersede(letter=second, replacement=third, actor=clerk, reason=" ")
    with pytest.raises(DomainError) as earlier:
        letter_supersede(letter=third, replacement=second, actor=clerk, reason="Koreksi")
    with pytest.raises(ConflictError):
        letter_supersede(letter=first, replacement=third, actor=clerk, reason="Koreksi")

    assert (no_reason.value.field, earlier.value.field) == ("reason", "replacement")
    assert list(Letter.objects.filter(superseded_by__isnull=False).values_list("pk", "superseded_by")) == [
        (first.pk, second.pk)
    ]


@pytest.mark.django_db
def test_verification_answers_only_issued_letters(a_case, clerk, enqueued):
    pending = _request(a_case, clerk)
    issued = _issued(a_case, clerk)

    found = letter_verify(issued.verification_code.lower())

    assert letter_verify(pending.verification_code) is None
    assert found is not None
    assert (found.kind, found.number, found.date, found.issuing_office, found.sha256, found.superseded) == (
        "summons_1",
        issued.number,
        clock.local_date(issued.requested_at),
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        issued.sha256,
        False,
    )


# --- concurrency (real transactions, one connection per thread) ---------------------------------------------------


def _in_threads(count: int, work: Any) -> list[Any]:
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run() -> None:
        try:
            barrier.wait()
            results.append(work())
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_get_distinct_numbers_without_gaps(a_case, clerk, enqueued):
    letters_made = _in_threads(8, lambda: _request(a_case, clerk))

    assert sorted(letter.sequence for letter in letters_made) == list(range(1, 9))
    assert LetterNumberSequence.objects.get(agency=a_case.agency, year=YEAR, register="letter").last_number == 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_renders_of_one_letter_store_one_file(a_case, clerk, enqueued, private_storage):
    letter = _request(a_case, clerk)

    results = _in_threads(3, lambda: letter_render(letter_id=letter.pk))

    assert len(stored_files(private_storage)) == 1
    assert {result.sha256 for result in results} == {Letter.objects.get(pk=letter.pk).sha256}
    assert AuditEvent.objects.filter(action="letter_issued").count() == 1


@pytest.mark.django_db
def test_the_render_task_for_a_letter_that_does_not_exist_does_nothing(private_storage):
    from casework.tasks import render_letter

    assert render_letter.run(letter_id=987_654) == "missing"
    assert stored_files(private_storage) == []


def test_the_render_task_lives_with_the_letters_and_keeps_its_name_and_limits():
    from casework.letters import tasks as letter_tasks

    task = tasks.render_letter

    assert task is letter_tasks.render_letter
    assert (task.name, task.acks_late, task.reject_on_worker_lost, task.max_retries) == (
        "casework.render_letter",
        True,
        True,
        3,
    )
    assert (task.soft_time_limit, task.time_limit, task.retry_backoff, task.retry_backoff_max) == (120, 150, 5, 120)
