"""Intake officers' pages: the queue, a report with its action forms, evidence downloads (audited)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import Channel, Report, ViolationType
from violations.tests.factories import ForwardingFactory, ReportFactory
from violations.tests.triage_pages import NIP, ago, full_report, listed, triage_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso")


@pytest.fixture
def client(officer) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


# --- queue ------------------------------------------------------------------------------------------------


def test_queue_shows_open_reports_of_every_channel_newest_first(client):
    old = ReportFactory(received_at=ago(days=3))
    forwarded = ForwardingFactory(report__received_at=ago(days=2)).report
    internal = ReportFactory(channel=Channel.DISKOMINFO, source="staff", received_at=ago(days=1))
    awaiting = ReportFactory(status=Report.Status.AWAITING_INFORMATION, received_at=ago(hours=1))
    ReportFactory(status=Report.Status.REJECTED)
    ReportFactory(status=Report.Status.IN_PROCESS)
    ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    response = client.get(reverse("triage:queue"))

    assert response.status_code == 200
    assert listed(response) == [
        awaiting.tracking_code,
        internal.tracking_code,
        forwarded.tracking_code,
        old.tracking_code,
    ]
    assert forwarded.forwarding.reference_number in response.content.decode()


def test_queue_never_shows_or_audits_reporters(client):
    ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890"})

    response = client.get(reverse("triage:queue"))

    assert "Siti Aminah" not in response.content.decode()
    assert not AuditEvent.objects.filter(action="reporter_identity_viewed").exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "all"}, ["in_process", "rejected", "review", "citizen"]),
        ({"status": "rejected"}, ["rejected"]),
        ({"status": "in_review"}, ["review"]),
        ({"channel": "bawaslu"}, ["review"]),
        ({"violation_type": "N04"}, ["citizen"]),
        ({"q": "hidayat"}, ["citizen"]),
        ({"q": "19780512"}, ["review"]),
        ({"q": "ntr-find-0001"}, ["citizen"]),
        ({"received_from": "2024-10-08", "received_to": "2024-10-09"}, ["review"]),
        ({"status": "all", "received_to": "2024-10-07"}, ["citizen"]),
    ],
)
def test_queue_filters(client, query, expected):
    n04 = ViolationType.objects.get(code="N04")
    at = {name: timezone.make_aware(datetime.datetime(2024, 10, day, 10)) for name, day in [("c", 7), ("r", 8)]}
    reports = {
        "citizen": ReportFactory(
            tracking_code="NTR-FIND-0001", accused_name="Drs. Rahmat Hidayat", violation_type=n04, received_at=at["c"]
        ),
        "review": ForwardingFactory(
            report__status=Report.Status.IN_REVIEW,
            report__accused_name="Yuliani",
            report__accused_nip=NIP,
            report__received_at=at["r"],
        ).report,
        "rejected": ReportFactory(status=Report.Status.REJECTED, accused_name="Agus", received_at=ago(days=2)),
        "in_process": ReportFactory(status=Report.Status.IN_PROCESS, accused_name="Dewi", received_at=ago(days=1)),
    }

    response = client.get(reverse("triage:queue"), query)

    assert listed(response) == [reports[name].tracking_code for name in expected]


def test_queue_shows_an_invalid_filter_value_as_an_error_not_a_crash(client):
    ReportFactory()

    response = client.get(reverse("triage:queue"), {"received_from": "kemarin"})

    assert response.status_code == 200
    assert response.context["filters"].errors["received_from"] == ["Enter a valid date."]


def test_queue_is_paginated(client):
    for hours in range(27):
        ReportFactory(received_at=ago(hours=hours))

    first = client.get(reverse("triage:queue"))
    second = client.get(reverse("triage:queue"), {"page": 2})

    assert (len(listed(first)), len(listed(second))) == (25, 2)
    assert second.context["page"].paginator.count == 27


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_query_count_does_not_grow_with_rows(client, django_assert_num_queries, rows):
    n04 = ViolationType.objects.get(code="N04")
    for index in range(rows):
        if index % 3 == 0:
            ForwardingFactory(report__violation_type=n04)
        else:
            ReportFactory(violation_type=n04)

    # session, user, roles, count, page of reports (with type and forwarding), violation types for the filter
    with django_assert_num_queries(6):
        response = client.get(reverse("triage:queue"))

    assert response.status_code == 200


def test_queue_offers_checkboxes_to_register_only_for_reports_still_in_triage(client):
    open_report = ReportFactory()
    closed = ReportFactory(status=Report.Status.REJECTED)

    page = client.get(reverse("triage:queue"), {"status": "all"}).content.decode()

    assert f'name="reports" value="{open_report.pk}"' in page
    assert f'name="reports" value="{closed.pk}"' not in page
    assert f'action="{reverse("casework:case-register")}"' in page


# --- the report page ----------------------------------------------------------------------------------------


def test_report_page_shows_every_fact_link_evidence_addition_timeline_and_audit_event(client):
    report = full_report()
    png = report.evidence.get(kind="image")

    response = client.get(triage_url("report-detail", report))

    page = response.content.decode()
    for text in (
        "Drs. Rahmat Hidayat",
        NIP,
        "Kepala SMP Negeri 1",
        "Dinas Pendidikan",
        "Membagikan tiga unggahan kampanye pasangan calon bupati.",
        "Pak Joko",
        "https://www.facebook.com/share/p/abc/",
        "tangkapan-layar.png",
        "image/png",
        png.sha256,
        "arsip.pdf",
        "Unggahan sudah dihapus pagi ini.",
        "Report received.",
        "The reporter added information.",
        "Reporter&#x27;s identity viewed",
    ):
        assert text in page, text
    assert triage_url("evidence-download", report, evidence_id=png.pk) in page
    assert f"{png.size}\xa0bytes" in page


def test_report_page_shows_the_reporter_and_writes_exactly_one_audit_event_per_view(client, officer):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890", "email": "siti@example.id"})

    first = client.get(triage_url("report-detail", report))
    assert AuditEvent.objects.filter(action="reporter_identity_viewed").count() == 1
    client.get(triage_url("report-detail", report))

    assert "Siti Aminah" in first.content.decode() and "081234567890" in first.content.decode()
    events = AuditEvent.objects.filter(action="reporter_identity_viewed")
    assert [(event.actor, event.target_id) for event in events] == [(officer, report.pk), (officer, report.pk)]


def test_report_page_of_an_anonymous_report_says_so(client):
    report = ReportFactory(reporter={"anonymous": True})

    page = client.get(triage_url("report-detail", report)).content.decode()

    assert "Anonymous" in page


def test_report_page_shows_the_bawaslu_forwarding(client):
    forwarding = ForwardingFactory(
        reference_number="003/Reg/TM/PB/Kab/07.04/X/2024",
        recommendation="Diteruskan kepada BKPSDM untuk ditindaklanjuti.",
        letter_number="123/PP.01.02/K.BE-07/10/2024",
    )

    page = client.get(triage_url("report-detail", forwarding.report)).content.decode()

    for text in (
        forwarding.office.name,
        "003/Reg/TM/PB/Kab/07.04/X/2024",
        "Diteruskan kepada BKPSDM untuk ditindaklanjuti.",
        "123/PP.01.02/K.BE-07/10/2024",
    ):
        assert text in page


def test_report_page_suggests_duplicates_with_the_reason_each_matched(client):
    report = ReportFactory(accused_nip=NIP, links=["https://fb.com/p/1"])
    by_nip = ReportFactory(accused_nip=NIP, accused_agency="Lain")
    by_link = ReportFactory(accused_name="Lain", accused_agency="", links=["https://fb.com/p/1/"])

    response = client.get(triage_url("report-detail", report))

    matches = {match["report"]: [str(reason) for reason in match["reasons"]] for match in response.context["matches"]}
    assert matches == {by_nip: ["same NIP"], by_link: ["same link"]}
    page = response.content.decode()
    assert f'value="{by_nip.tracking_code}"' in page  # a one-click "mark as duplicate of" form
    assert f'name="reports" value="{by_link.pk}"' in page  # and listed for registering together


def test_report_page_of_a_closed_report_offers_no_actions(client):
    report = ReportFactory(status=Report.Status.REJECTED, rejection_reason="Bukan ASN.")

    page = client.get(triage_url("report-detail", report)).content.decode()

    assert "Bukan ASN." in page
    for name in ("report-start-review", "report-reject", "report-request-information", "report-link-duplicate"):
        assert triage_url(name, report) not in page
    assert reverse("casework:case-register") not in page


def test_report_page_of_another_agencys_report_is_not_found(client):
    report = ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    assert client.get(triage_url("report-detail", report)).status_code == 404
    assert not AuditEvent.objects.exists()


# --- evidence download --------------------------------------------------------------------------------------


def test_evidence_download_streams_the_file_as_an_attachment_and_audits_it(client, officer):
    report = full_report()
    evidence = report.evidence.get(kind="image")

    response = client.get(triage_url("evidence-download", report, evidence_id=evidence.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="tangkapan-layar.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    event = AuditEvent.objects.get(action="evidence_downloaded")
    assert (event.actor, event.target_id, event.data["sha256"]) == (officer, report.pk, evidence.sha256)


def test_evidence_of_another_report_is_not_found(client):
    report = full_report()
    other = ReportFactory()

    response = client.get(triage_url("evidence-download", other, evidence_id=report.evidence.first().pk))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="evidence_downloaded").exists()


def test_evidence_whose_file_is_missing_is_not_found(client, private_storage):
    report = full_report()
    for path in stored_files(private_storage):
        path.unlink()

    response = client.get(triage_url("evidence-download", report, evidence_id=report.evidence.first().pk))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("status", "step", "says"),
    [
        (Report.Status.RECEIVED, "intake", "Next: an intake officer reviews the report"),
        (Report.Status.IN_REVIEW, "intake", "Next: an intake officer reviews the report"),
        (Report.Status.AWAITING_INFORMATION, "reporter", "Next: the reporter adds the information requested"),
    ],
)
def test_the_report_page_names_who_must_act_next(client, officer, status, step, says):
    report = ReportFactory(status=status, agency=officer.agency)

    page = client.get(reverse("triage:report-detail", args=[report.pk])).content.decode()

    assert f'id="waiting-on" data-step="{step}"' in page
    assert says in page
    if step == "intake":
        assert officer.get_full_name() in page.split('id="waiting-on"')[1].split("</p>")[0]


def test_a_report_out_of_triage_names_nobody_on_its_page(client, officer):
    report = ReportFactory(status=Report.Status.REJECTED, rejection_reason="Bukan ASN.", agency=officer.agency)

    assert 'id="waiting-on"' not in client.get(reverse("triage:report-detail", args=[report.pk])).content.decode()
