"""Casework pages: registering a case from triage, the agency's cases, one case with its reports."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework.models import Case, CaseNumberSequence, CaseReport
from casework.services import case_register
from casework.tests.factories import CaseFactory
from core import clock
from core.models import AuditEvent
from violations.models import Report
from violations.services import report_mark_duplicate
from violations.tests.factories import ForwardingFactory, ReportFactory

pytestmark = pytest.mark.django_db

YEAR = clock.today().year
REGISTER = "/cases/register/"


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator")


@pytest.fixture
def client(officer) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


def _messages(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def _nothing_written() -> None:
    assert (Case.objects.count(), CaseReport.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)
    assert not CaseNumberSequence.objects.filter(last_number__gt=0).exists()


# --- registering ---------------------------------------------------------------------------------------------


def test_the_urls_are_where_the_navigation_expects_them():
    assert (reverse("casework:case-list"), reverse("casework:case-register")) == ("/cases/", REGISTER)


def test_register_selected_reports_as_one_case(client):
    first, second = ReportFactory(), ReportFactory()

    response = client.post(REGISTER, {"reports": [first.pk, second.pk], "summary": "Unggahan kampanye.", "next": "/"})

    case = Case.objects.get()
    assert response.status_code == 302 and response.url == reverse("casework:case-detail", kwargs={"case_id": case.pk})
    assert (case.number, case.summary) == (f"0001/KASUS/LEBONG/{YEAR}", "Unggahan kampanye.")
    assert set(Report.objects.values_list("status", flat=True)) == {"in_process"}
    assert _messages(response) == [
        ("success", f"Case {case.number} was registered; every reporter now sees that it is in process.")
    ]


def test_register_without_a_report_goes_back_with_a_message(client):
    response = client.post(REGISTER, {"next": "/triage/?status=all"})

    assert (response.status_code, response.url) == (302, "/triage/?status=all")
    assert _messages(response) == [("error", "Choose at least one report.")]
    _nothing_written()


def test_register_with_an_invalid_choice_goes_back_with_a_message(client):
    response = client.post(REGISTER, {"reports": ["abc"]})

    assert (response.status_code, response.url) == (302, reverse("triage:queue"))
    assert _messages(response) == [("error", "The choice of reports is not valid.")]
    _nothing_written()


def test_register_never_redirects_to_another_site(client):
    response = client.post(REGISTER, {"next": "https://evil.example/"})

    assert response.url == reverse("triage:queue")


def test_register_a_report_of_another_agency_is_not_found(client):
    foreign = ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    response = client.post(REGISTER, {"reports": [ReportFactory().pk, foreign.pk]})

    assert response.status_code == 404
    _nothing_written()
    assert set(Report.objects.values_list("status", flat=True)) == {"received"}


def test_register_a_report_no_longer_in_triage_is_a_message(client):
    rejected = ReportFactory(status=Report.Status.REJECTED)

    response = client.post(REGISTER, {"reports": [rejected.pk], "next": f"/triage/reports/{rejected.pk}/"})

    assert (response.status_code, response.url) == (302, f"/triage/reports/{rejected.pk}/")
    assert _messages(response) == [("error", f"These reports are no longer in triage: {rejected.tracking_code}.")]
    _nothing_written()


def test_register_refuses_get(client):
    assert client.get(REGISTER).status_code == 405


# --- the list and the case page ------------------------------------------------------------------------------


def test_case_list_shows_the_agencys_cases_newest_first(client, officer):
    first = case_register(actor=officer, reports=[ReportFactory(accused_name="Drs. Rahmat Hidayat")])
    second = case_register(
        actor=officer, reports=[ReportFactory(accused_name="Yuliani, S.Pd."), ReportFactory(accused_name="Yuliani")]
    )
    CaseFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False), number="0001/KASUS/REJANG/2026")

    response = client.get(reverse("casework:case-list"))

    rows = [(case.number, case.accused_name, case.reports_count) for case in response.context["page"].object_list]
    assert rows == [(second.number, "Yuliani, S.Pd.", 2), (first.number, "Drs. Rahmat Hidayat", 1)]
    page = response.content.decode()
    assert "0001/KASUS/REJANG/2026" not in page
    assert "Registered" in page


@pytest.mark.parametrize("cases", [2, 20])
def test_case_list_query_count_does_not_grow_with_rows(client, officer, django_assert_num_queries, cases):
    for _ in range(cases):
        CaseFactory(registered_by=officer, reports=[ReportFactory(), ReportFactory()])

    # session, user, roles, count, page of cases with their report counts, their examiners, units, elections
    with django_assert_num_queries(8):
        response = client.get(reverse("casework:case-list"))

    assert [case.reports_count for case in response.context["page"].object_list] == [2] * cases


def test_case_page_lists_its_reports_including_a_late_duplicate_and_never_the_reporters(client, officer):
    original = ReportFactory(reporter={"name": "Siti Aminah", "phone": "0812"})
    forwarded = ForwardingFactory(reference_number="003/Reg/TM/PB/Kab/07.04/X/2024").report
    case = case_register(actor=officer, reports=[original, forwarded])
    late = ReportFactory(reporter={"name": "Wati", "phone": "0813"})
    report_mark_duplicate(report=late, original=original, actor=officer)

    response = client.get(reverse("casework:case-detail", kwargs={"case_id": case.pk}))

    assert list(response.context["reports"]) == [original, forwarded, late]
    page = response.content.decode()
    assert case.number in page and "003/Reg/TM/PB/Kab/07.04/X/2024" in page
    assert "Siti Aminah" not in page and "Wati" not in page
    assert not AuditEvent.objects.filter(action="reporter_identity_viewed").exists()


def test_case_page_of_another_agency_is_not_found(client):
    case = CaseFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False), number="0001/KASUS/REJANG/2026")

    assert client.get(reverse("casework:case-detail", kwargs={"case_id": case.pk})).status_code == 404
