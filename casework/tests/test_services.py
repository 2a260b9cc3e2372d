"""case_register: one case over one or more reports, numbered per agency and year without gaps."""

import threading

import pytest
from django.db import connections

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from casework import selectors
from casework.models import Case, CaseNumberSequence, CaseReport
from casework.services import case_register
from core import clock
from core.audit import audit_verify
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from violations import services as violation_services
from violations.models import Report
from violations.tests.factories import ReportFactory

YEAR = clock.today().year


@pytest.fixture
def officer(db):
    return IntakeOfficerFactory(username="verifikator")


def _nothing_written(events_before: int) -> None:
    assert Case.objects.count() == 0
    assert CaseReport.objects.count() == 0
    assert CaseNumberSequence.objects.filter(last_number__gt=0).count() == 0
    assert AuditEvent.objects.count() == events_before


@pytest.mark.django_db
def test_case_register_opens_a_registered_case_and_puts_every_report_in_process(officer):
    first, second = ReportFactory(accused_nip="198001012005031001"), ReportFactory()

    case = case_register(actor=officer, reports=[first, second], summary="Unggahan kampanye di Facebook.")

    assert case.number == f"0001/KASUS/LEBONG/{YEAR}"
    assert (case.status, case.agency.code, case.registered_by) == ("registered", "lebong", officer)
    assert (case.accused_name, case.accused_nip, case.summary) == (
        "Drs. Rahmat Hidayat",
        "198001012005031001",
        "Unggahan kampanye di Facebook.",
    )
    assert set(case.reports.values_list("pk", flat=True)) == {first.pk, second.pk}
    for report in (first, second):
        report.refresh_from_db()
        assert (report.status, report.public_status) == ("in_process", "in_process")
        assert report.timeline.order_by("id").last().status == "in_process"


@pytest.mark.django_db
def test_case_register_writes_one_event_for_the_case_and_one_per_report(officer):
    first, second = ReportFactory(), ReportFactory(status=Report.Status.IN_REVIEW)

    case = case_register(actor=officer, reports=[first, second])

    events = list(AuditEvent.objects.order_by("id"))
    assert [(e.action, e.target_type, e.target_id, e.from_status, e.to_status) for e in events] == [
        ("case_registered", "casework.case", case.pk, "", "registered"),
        ("report_case_registered", "violations.report", first.pk, "received", "in_process"),
        ("report_case_registered", "violations.report", second.pk, "in_review", "in_process"),
    ]
    assert events[0].data == {"reports": [first.tracking_code, second.tracking_code]}
    assert all(event.actor == officer for event in events)
    assert audit_verify() is None


@pytest.mark.django_db
def test_case_numbers_run_per_agency_and_year_without_gaps(officer):
    rejang = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    rejang_officer = IntakeOfficerFactory(username="verifikator-rl", agency=rejang)

    numbers = [case_register(actor=officer, reports=[ReportFactory()]).number for _ in range(3)]
    other = case_register(actor=rejang_officer, reports=[ReportFactory(agency=rejang)]).number

    assert numbers == [f"0001/KASUS/LEBONG/{YEAR}", f"0002/KASUS/LEBONG/{YEAR}", f"0003/KASUS/LEBONG/{YEAR}"]
    assert other == f"0001/KASUS/REJANG-LEBONG/{YEAR}"


@pytest.mark.django_db
def test_a_refused_registration_does_not_use_up_a_number(officer):
    case_register(actor=officer, reports=[ReportFactory()])
    with pytest.raises(ConflictError):
        case_register(actor=officer, reports=[ReportFactory(status=Report.Status.REJECTED)])

    case = case_register(actor=officer, reports=[ReportFactory()])

    assert case.number == f"0002/KASUS/LEBONG/{YEAR}"


@pytest.mark.django_db
def test_reports_merged_into_a_registered_report_join_the_case(officer):
    original, duplicate = ReportFactory(), ReportFactory()
    violation_services.report_mark_duplicate(report=duplicate, original=original, actor=officer)

    case = case_register(actor=officer, reports=[original])

    duplicate.refresh_from_db()
    assert duplicate.status == "in_process"
    assert CaseReport.objects.get(report=duplicate).case == case
    assert list(selectors.case_reports(case=case)) == [original, duplicate]


@pytest.mark.django_db
def test_a_duplicate_linked_after_registration_follows_the_original_into_the_case(officer):
    original = ReportFactory()
    case = case_register(actor=officer, reports=[original])
    late = ReportFactory()

    violation_services.report_mark_duplicate(report=late, original=original, actor=officer)

    late.refresh_from_db()
    assert (late.status, late.merged_into_id) == ("in_process", original.pk)
    assert list(selectors.case_reports(case=case)) == [original, late]
    assert selectors.case_list_for_user(user=officer).get().reports_count == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Report.Status.REJECTED, Report.Status.IN_PROCESS, Report.Status.DECIDED, Report.Status.CLOSED]
)
def test_case_register_refuses_reports_out_of_triage_and_writes_nothing(officer, status):
    fine, late = ReportFactory(), ReportFactory(status=status)
    events_before = AuditEvent.objects.count()

    with pytest.raises(ConflictError) as refused:
        case_register(actor=officer, reports=[fine, late])

    assert refused.value.code == "reports_not_in_triage"
    assert late.tracking_code in str(refused.value.message)
    _nothing_written(events_before)
    fine.refresh_from_db()
    assert fine.status == "received"


@pytest.mark.django_db
def test_case_register_refuses_a_report_chosen_after_it_was_merged(officer):
    original, duplicate = ReportFactory(), ReportFactory()
    violation_services.report_mark_duplicate(report=duplicate, original=original, actor=officer)
    events_before = AuditEvent.objects.count()

    with pytest.raises(ConflictError):
        case_register(actor=officer, reports=[duplicate])

    _nothing_written(events_before)


@pytest.mark.django_db
def test_case_register_refuses_a_report_already_registered_and_writes_nothing_more(officer):
    report = ReportFactory()
    case_register(actor=officer, reports=[report])
    events_before = AuditEvent.objects.count()

    with pytest.raises(ConflictError):
        case_register(actor=officer, reports=[report])

    assert Case.objects.count() == 1
    assert AuditEvent.objects.count() == events_before
    assert CaseNumberSequence.objects.get().last_number == 1


@pytest.mark.django_db
def test_case_register_refuses_reports_of_another_agency(officer):
    other_agency = AgencyFactory(code="rejang-lebong", is_default=False)
    foreign = ReportFactory(agency=other_agency)
    events_before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        case_register(actor=officer, reports=[ReportFactory(), foreign])

    assert (refused.value.code, refused.value.field) == ("reports_not_found", "reports")
    _nothing_written(events_before)
    foreign.refresh_from_db()
    assert foreign.status == "received"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [Role.EXAMINER, Role.SANCTIONING_OFFICIAL, Role.LEADERSHIP, Role.ADMINISTRATOR, Role.INTERNAL_REPORTER]
)
def test_only_intake_officers_register_cases(role):
    report = ReportFactory()
    user = UserFactory(roles=[role])

    with pytest.raises(PermissionDenied):
        case_register(actor=user, reports=[report])

    _nothing_written(0)


@pytest.mark.django_db
def test_case_register_without_reports_is_refused(officer):
    with pytest.raises(DomainError) as refused:
        case_register(actor=officer, reports=[])

    assert refused.value.code == "no_reports"
    _nothing_written(0)


@pytest.mark.django_db
def test_the_accused_of_a_case_comes_from_the_register_when_a_report_matched_it(officer):
    from accounts.tests.factories import CivilServantFactory

    servant = CivilServantFactory(name="Drs. Rahmat Hidayat, M.Pd.")
    report = ReportFactory(accused=servant, accused_nip=servant.nip, accused_name="Pak Rahmat")

    case = case_register(actor=officer, reports=[report])

    assert (case.accused, case.accused_name, case.accused_nip) == (servant, servant.name, servant.nip)


# --- concurrency ------------------------------------------------------------------------------------------


def _in_threads(*targets) -> list[object]:
    results: list[object] = [None] * len(targets)
    barrier = threading.Barrier(len(targets))

    def run(index: int, target) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, target)) for index, target in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_registering_the_same_report_at_once_open_exactly_one_case():
    officer = IntakeOfficerFactory(username="verifikator")
    colleague = IntakeOfficerFactory(username="verifikator-2")
    report = ReportFactory()

    results = _in_threads(
        lambda: case_register(actor=officer, reports=[report]),
        lambda: case_register(actor=colleague, reports=[report]),
    )

    cases = [result for result in results if isinstance(result, Case)]
    refusals = [result for result in results if isinstance(result, ConflictError)]
    assert (len(cases), len(refusals)) == (1, 1)
    assert Case.objects.count() == 1
    assert CaseReport.objects.get().report_id == report.pk
    assert CaseNumberSequence.objects.get().last_number == 1
    assert AuditEvent.objects.filter(action="case_registered").count() == 1
    assert AuditEvent.objects.filter(action="report_case_registered").count() == 1
    assert Report.objects.get(pk=report.pk).status == "in_process"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_of_different_reports_get_consecutive_numbers():
    officer = IntakeOfficerFactory(username="verifikator")
    first, second = ReportFactory(), ReportFactory()

    results = _in_threads(
        lambda: case_register(actor=officer, reports=[first]).number,
        lambda: case_register(actor=officer, reports=[second]).number,
    )

    assert sorted(results) == [f"0001/KASUS/LEBONG/{YEAR}", f"0002/KASUS/LEBONG/{YEAR}"]
