"""The staff search (casework.staff_search): what a query is read as, what it finds, and for whom."""

from typing import Any

import pytest
from django.db import connection

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework.staff_search import PAGE_SIZE, QueryKind, query_kind, staff_search
from casework.tests.factories import CaseFactory, examiner
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

CODE = "NTR-7K2M-Q9XD"
NIP = "198001012005031001"


@pytest.mark.parametrize(
    ("typed", "kind", "term"),
    [
        ("", QueryKind.EMPTY, ""),
        ("   ", QueryKind.EMPTY, ""),
        ("NTR-7K2M-Q9XD", QueryKind.TRACKING_CODE, CODE),
        ("ntr7k2mq9xd", QueryKind.TRACKING_CODE, CODE),
        ("7k2m q9xd", QueryKind.TRACKING_CODE, CODE),
        ("19800101 200503 1 001", QueryKind.NIP, NIP),
        ("0001/kasus/lebong/2026", QueryKind.CASE_NUMBER, "0001/KASUS/LEBONG/2026"),
        ("  Rahmat   Hidayat ", QueryKind.TEXT, "Rahmat Hidayat"),
        ("kampanye", QueryKind.TEXT, "kampanye"),
    ],
)
def test_a_query_is_read_as_the_most_specific_thing_it_can_be(typed: str, kind: str, term: str) -> None:
    assert query_kind(typed) == (kind, term)


@pytest.fixture
def officer(db: Any) -> Any:
    return IntakeOfficerFactory(username="intake")


def test_an_empty_query_finds_nothing_and_runs_no_query(officer: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        results = staff_search(user=officer, query="  ")
    assert (results.kind, results.cases, results.reports, results.found_nothing) == ("empty", [], [], False)


def test_a_tracking_code_typed_any_way_finds_its_report_and_case(officer: Any) -> None:
    report = ReportFactory.create(tracking_code=CODE)
    ReportFactory.create(tracking_code="NTR-AAAA-BBBB")
    case = CaseFactory.create(reports=[report])
    results = staff_search(user=officer, query="ntr 7k2m q9xd")
    assert (results.kind, results.reports, results.cases) == (QueryKind.TRACKING_CODE, [report], [case])


def test_a_nip_finds_the_cases_and_reports_of_that_accused(officer: Any) -> None:
    report = ReportFactory.create(accused_nip=NIP)
    ReportFactory.create(accused_nip="198001022005031002")
    case = CaseFactory.create(accused_nip=NIP)
    results = staff_search(user=officer, query=NIP)
    assert (results.reports, results.cases) == ([report], [case])


def test_a_case_number_finds_the_case_and_its_reports(officer: Any) -> None:
    report = ReportFactory.create()
    case = CaseFactory.create(number="0007/KASUS/LEBONG/2026", reports=[report])
    CaseFactory.create(number="0008/KASUS/LEBONG/2026")
    results = staff_search(user=officer, query="0007/kasus/lebong/2026")
    assert (results.cases, results.reports) == ([case], [report])


def test_words_find_the_accused_by_name_and_the_report_by_its_text_newest_first(officer: Any) -> None:
    older = ReportFactory.create(accused_name="Budi Santoso", description="Hadir di kampanye akbar pasangan calon.")
    newer = ReportFactory.create(accused_name="Rina Marlina", description="Mengunggah foto kampanye di Instagram.")
    ReportFactory.create(accused_name="Joko Widodo", description="Menyukai unggahan di Facebook.")
    case = CaseFactory.create(accused_name="Budi Santoso", summary="Camat hadir di rapat umum.")
    assert staff_search(user=officer, query="kampanye").reports == [newer, older]
    by_name = staff_search(user=officer, query="budi")
    assert (by_name.reports, by_name.cases) == ([older], [case])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's indonesian configuration")
def test_the_indonesian_configuration_matches_a_word_and_its_affixed_forms(officer: Any) -> None:
    report = ReportFactory.create(description="Kepala dinas mengkampanyekan calon bupati di depan pegawai.")
    assert staff_search(user=officer, query="kampanyekan").reports == [report]


def test_only_one_page_is_read_and_more_is_said(officer: Any, django_assert_num_queries: Any) -> None:
    for _ in range(PAGE_SIZE + 1):
        ReportFactory.create(description="Ikut kampanye.")
    with django_assert_num_queries(3):  # the user's roles, one page of cases, one page of reports
        results = staff_search(user=officer, query="kampanye")
    assert (len(results.reports), results.more_reports, results.more_cases) == (PAGE_SIZE, True, False)


def test_nothing_of_another_agency_is_found(officer: Any) -> None:
    other = AgencyFactory(code="rejang", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    ReportFactory.create(agency=other, accused_nip=NIP)
    CaseFactory.create(agency=other, accused_nip=NIP)
    results = staff_search(user=officer, query=NIP)
    assert (results.reports, results.cases, results.found_nothing) == ([], [], True)


def test_an_examiner_finds_only_the_cases_assigned_and_no_report(db: Any) -> None:
    user = examiner()
    mine = CaseFactory.create(accused_nip=NIP)
    mine.assigned_examiners.add(user)
    CaseFactory.create(accused_nip=NIP)
    ReportFactory.create(accused_nip=NIP)
    results = staff_search(user=user, query=NIP)
    assert (results.cases, results.reports) == ([mine], [])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text indexes exist on PostgreSQL only")
@pytest.mark.parametrize(
    ("table", "index", "query"),
    [
        ("violations_report", "report_text_search_idx", "reports"),
        ("casework_case", "case_text_search_idx", "cases"),
    ],
)
def test_the_text_search_uses_its_index(officer: Any, table: str, index: str, query: str) -> None:
    from casework.models import Case
    from casework.staff_search import _matching_cases, _matching_reports
    from violations.models import Report

    matching = (
        _matching_reports(Report.objects.all(), QueryKind.TEXT, "kampanye")
        if query == "reports"
        else _matching_cases(Case.objects.all(), QueryKind.TEXT, "kampanye")
    )
    # With a handful of rows the planner would rather scan; forbid that and every plain index scan (the newest-first
    # index walked with the match as a filter), so that only an index that answers `@@` itself can serve.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = matching.order_by().explain()
    assert index in plan, plan


@pytest.mark.parametrize("typed", ["kampanye", "Kampanye"])
def test_an_eight_letter_word_is_read_as_words_not_as_a_code(typed: str) -> None:
    assert query_kind(typed) == (QueryKind.TEXT, typed)


@pytest.mark.parametrize("typed", ["ntrkampanye", "kamp-anye", "KAMP ANYE"])
def test_a_code_without_digits_is_read_as_a_code_when_typed_like_one(typed: str) -> None:
    assert query_kind(typed) == (QueryKind.TRACKING_CODE, "NTR-KAMP-ANYE")
