"""The PDF summary report: numbered in its own register, rendered once from its snapshot, verifiable, its text
pinned; a monthly one for every agency's leadership."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.models import AuditEvent, Notification
from figures.filters import Filters
from figures.models import SummaryReport
from figures.reports.issuing import summary_report_render
from figures.reports.requesting import monthly_reports_request, summary_report_request
from figures.tests.test_views import _identity_in


def _text(report: SummaryReport) -> str:
    report.pdf.open("rb")
    reader = PdfReader(io.BytesIO(report.pdf.read()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def issued(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = summary_report_request(user=world.leader, filters=Filters(agency_id=world.agency.pk))
    assert len(callbacks) == 1
    return summary_report_render(report_id=report.pk)


def test_a_report_is_numbered_in_its_agency_s_register_and_issued_once(
    world, issued, django_capture_on_commit_callbacks
):
    again = summary_report_render(report_id=issued.pk)
    with django_capture_on_commit_callbacks(execute=False):
        second = summary_report_request(user=world.leader, filters=Filters(agency_id=world.agency.pk))

    year = issued.year
    assert (issued.number, second.number) == (f"001/RST/BKPSDM/{year}", f"002/RST/BKPSDM/{year}")
    assert (again.sha256, again.pdf.name) == (issued.sha256, issued.pdf.name)
    assert issued.status == "issued" and len(issued.sha256) == 64 and len(issued.verification_code) == 12
    assert list(AuditEvent.objects.filter(action="summary_report_issued").values_list("target_id", flat=True)) == [
        issued.pk
    ]


def test_the_pdf_says_the_main_figures_and_names_nobody(world, issued):
    text = _text(issued)

    assert issued.number in text
    assert "Pemerintah Kabupaten Lebong".upper() in text
    assert re.search(r"10 laporan|10 reports", text)
    assert "Dinas Pendidikan" in text and "Budi Santoso" in text
    assert _identity_in(text) == []


def test_the_report_is_verifiable_by_its_code(world, issued, client):
    code = issued.verification_code
    page = client.get(reverse("figures:report-verify", args=[f"{code[:4]}-{code[4:8]}-{code[8:]}".lower()]))

    assert page.status_code == 200
    assert issued.sha256 in page.content.decode() and issued.number in page.content.decode()
    assert client.get(reverse("figures:report-verify", args=["0000-0000-0000"])).status_code == 404


def test_the_letters_verification_page_and_api_answer_for_the_report_too(world, issued, client):
    code = issued.verification_code
    typed = f"{code[:4]}-{code[4:8]}-{code[8:]}".lower()
    page = client.get(reverse("letter-verify", args=[typed]), HTTP_ACCEPT_LANGUAGE="id")
    answer = client.get(f"/api/v1/public/documents/{typed}/", HTTP_ACCEPT_LANGUAGE="id")

    assert page.status_code == 200
    assert issued.sha256 in page.content.decode() and issued.number in page.content.decode()
    assert "Laporan ringkas statistik sanksi" in page.content.decode()
    assert answer.status_code == 200
    body = answer.json()
    assert (body["kind"], body["number"], body["sha256"], body["superseded"]) == (
        "summary_report",
        issued.number,
        issued.sha256,
        False,
    )
    assert body["issuing_office"] == world.agency.name


def test_a_report_not_issued_yet_is_unknown_to_the_verification_page(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        report = summary_report_request(user=world.leader, filters=Filters(agency_id=world.agency.pk))

    assert client.get(reverse("letter-verify", args=[report.verification_code])).status_code == 404


def test_download_is_for_the_agency_and_audited(world, issued, client_for):
    url = reverse("figures:report-download", args=[issued.pk])

    assert client_for(world.other_leader).get(url).status_code == 404
    response = client_for(world.leader).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert list(AuditEvent.objects.filter(action="summary_report_downloaded").values_list("actor_id", flat=True)) == [
        world.leader.pk
    ]


def test_a_leader_of_another_agency_may_not_ask_for_this_one(world):
    from core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        summary_report_request(user=world.other_leader, filters=Filters(agency_id=world.agency.pk))
    assert SummaryReport.objects.count() == 0


def test_a_monthly_report_for_every_agency_with_leadership_once(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        made = monthly_reports_request(today=datetime.date(2024, 12, 1))
        again = monthly_reports_request(today=datetime.date(2024, 12, 1))

    assert sorted(report.agency_id for report in made) == sorted([world.agency.pk, world.other_agency.pk])
    assert again == []
    lebong = next(report for report in made if report.agency_id == world.agency.pk)
    assert (lebong.period_start, lebong.period_end) == (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30))
    with django_capture_on_commit_callbacks(execute=True):
        issued = summary_report_render(report_id=lebong.pk)
    assert (
        Notification.objects.filter(user=world.leader, url=reverse("figures:report-download", args=[issued.pk])).count()
        == 1
    )
    assert "2 kasus" in _text(issued) or "2 cases" in _text(issued)
