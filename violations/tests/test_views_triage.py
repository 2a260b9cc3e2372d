"""Intake officers' pages: the queue, a report with its actions, evidence downloads, internal findings."""

import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.evidence import validate_evidence_files
from violations.models import Channel, Evidence, Report, ReportAddition, ViolationType
from violations.selectors import report_get_by_tracking_code
from violations.services import (
    ReporterInput,
    ReportInput,
    report_add_information,
    report_mark_duplicate,
    report_submit,
)
from violations.tests.factories import TEST_PIN, ForwardingFactory, ReportFactory

pytestmark = pytest.mark.django_db

NIP = "197805122005011003"


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso")


@pytest.fixture
def client(officer) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


def _messages(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def _url(name: str, report: Report, **kwargs) -> str:
    return reverse(f"triage:{name}", kwargs={"report_id": report.pk, **kwargs})


def _ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def _listed(response) -> list[str]:
    return [report.tracking_code for report in response.context["page"].object_list]


# --- queue ------------------------------------------------------------------------------------------------


def test_queue_shows_open_reports_of_every_channel_newest_first(client):
    old = ReportFactory(received_at=_ago(days=3))
    forwarded = ForwardingFactory(report__received_at=_ago(days=2)).report
    internal = ReportFactory(channel=Channel.DISKOMINFO, source="staff", received_at=_ago(days=1))
    awaiting = ReportFactory(status=Report.Status.AWAITING_INFORMATION, received_at=_ago(hours=1))
    ReportFactory(status=Report.Status.REJECTED)
    ReportFactory(status=Report.Status.IN_PROCESS)
    ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    response = client.get(reverse("triage:queue"))

    assert response.status_code == 200
    assert _listed(response) == [
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
        "rejected": ReportFactory(status=Report.Status.REJECTED, accused_name="Agus", received_at=_ago(days=2)),
        "in_process": ReportFactory(status=Report.Status.IN_PROCESS, accused_name="Dewi", received_at=_ago(days=1)),
    }

    response = client.get(reverse("triage:queue"), query)

    assert _listed(response) == [reports[name].tracking_code for name in expected]


def test_queue_shows_an_invalid_filter_value_as_an_error_not_a_crash(client):
    ReportFactory()

    response = client.get(reverse("triage:queue"), {"received_from": "kemarin"})

    assert response.status_code == 200
    assert response.context["filters"].errors["received_from"] == ["Enter a valid date."]


def test_queue_is_paginated(client):
    for hours in range(27):
        ReportFactory(received_at=_ago(hours=hours))

    first = client.get(reverse("triage:queue"))
    second = client.get(reverse("triage:queue"), {"page": 2})

    assert (len(_listed(first)), len(_listed(second))) == (25, 2)
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


def _full_report() -> Report:
    AgencyFactory()
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "tangkapan-layar.png")])
    report = report_submit(
        data=ReportInput(
            accused_name="Drs. Rahmat Hidayat",
            accused_nip=NIP,
            accused_position="Kepala SMP Negeri 1",
            accused_agency="Dinas Pendidikan",
            incident_date=datetime.date(2024, 10, 7),
            incident_place="Facebook",
            platform="Facebook",
            description="Membagikan tiga unggahan kampanye pasangan calon bupati.",
            witnesses="Pak Joko",
            links=["https://www.facebook.com/share/p/abc/"],
        ),
        reporter=ReporterInput(name="Siti Aminah", email="siti@example.id", phone="081234567890"),
        evidence=evidence,
    ).report
    report_add_information(
        report=report,
        description="Unggahan sudah dihapus pagi ini.",
        evidence=validate_evidence_files([(io.BytesIO(pdf_bytes()), "arsip.pdf")]),
    )
    return report


def test_report_page_shows_every_fact_link_evidence_addition_timeline_and_audit_event(client):
    report = _full_report()
    png = report.evidence.get(kind="image")

    response = client.get(_url("report-detail", report))

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
    assert _url("evidence-download", report, evidence_id=png.pk) in page
    assert f"{png.size}\xa0bytes" in page


def test_report_page_shows_the_reporter_and_writes_exactly_one_audit_event_per_view(client, officer):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890", "email": "siti@example.id"})

    first = client.get(_url("report-detail", report))
    assert AuditEvent.objects.filter(action="reporter_identity_viewed").count() == 1
    client.get(_url("report-detail", report))

    assert "Siti Aminah" in first.content.decode() and "081234567890" in first.content.decode()
    events = AuditEvent.objects.filter(action="reporter_identity_viewed")
    assert [(event.actor, event.target_id) for event in events] == [(officer, report.pk), (officer, report.pk)]


def test_report_page_of_an_anonymous_report_says_so(client):
    report = ReportFactory(reporter={"anonymous": True})

    page = client.get(_url("report-detail", report)).content.decode()

    assert "Anonymous" in page


def test_report_page_shows_the_bawaslu_forwarding(client):
    forwarding = ForwardingFactory(
        reference_number="003/Reg/TM/PB/Kab/07.04/X/2024",
        recommendation="Diteruskan kepada BKPSDM untuk ditindaklanjuti.",
        letter_number="123/PP.01.02/K.BE-07/10/2024",
    )

    page = client.get(_url("report-detail", forwarding.report)).content.decode()

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

    response = client.get(_url("report-detail", report))

    matches = {match["report"]: [str(reason) for reason in match["reasons"]] for match in response.context["matches"]}
    assert matches == {by_nip: ["same NIP"], by_link: ["same link"]}
    page = response.content.decode()
    assert f'value="{by_nip.tracking_code}"' in page  # a one-click "mark as duplicate of" form
    assert f'name="reports" value="{by_link.pk}"' in page  # and listed for registering together


def test_report_page_of_a_closed_report_offers_no_actions(client):
    report = ReportFactory(status=Report.Status.REJECTED, rejection_reason="Bukan ASN.")

    page = client.get(_url("report-detail", report)).content.decode()

    assert "Bukan ASN." in page
    for name in ("report-start-review", "report-reject", "report-request-information", "report-link-duplicate"):
        assert _url(name, report) not in page
    assert reverse("casework:case-register") not in page


def test_report_page_of_another_agencys_report_is_not_found(client):
    report = ReportFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False))

    assert client.get(_url("report-detail", report)).status_code == 404
    assert not AuditEvent.objects.exists()


# --- actions ----------------------------------------------------------------------------------------------


def test_start_review(client, officer):
    report = ReportFactory()

    response = client.post(_url("report-start-review", report))

    assert response.status_code == 302 and response.url == _url("report-detail", report)
    assert Report.objects.get(pk=report.pk).status == "in_review"
    assert _messages(response) == [("success", f"You are reviewing report {report.tracking_code}.")]


def test_reject_with_a_reason(client):
    report = ReportFactory()

    response = client.post(_url("report-reject", report), {"reason": "Terlapor bukan ASN."})

    report.refresh_from_db()
    assert (report.status, report.rejection_reason) == ("rejected", "Terlapor bukan ASN.")
    assert _messages(response) == [
        ("success", f"Report {report.tracking_code} was rejected; the reporter sees the reason.")
    ]


def test_reject_without_a_reason_shows_the_error_and_writes_nothing(client):
    report = ReportFactory()

    response = client.post(_url("report-reject", report), {"reason": ""})

    assert response.status_code == 302
    assert _messages(response) == [("error", "Give the reason for the rejection.")]
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not AuditEvent.objects.exists()


def test_request_information_emails_the_reporter(client, django_capture_on_commit_callbacks, mailoutbox):
    report = ReportFactory(reporter={"name": "Siti", "email": "siti@example.id"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("report-request-information", report), {"message": "Kirim tautan unggahan."})

    report.refresh_from_db()
    assert (report.status, report.information_request) == ("awaiting_information", "Kirim tautan unggahan.")
    assert _messages(response) == [
        ("success", f"The reporter of {report.tracking_code} is asked for more information.")
    ]
    assert [message.to for message in mailoutbox] == [["siti@example.id"]]


def test_link_duplicate_by_tracking_code(client):
    original = ReportFactory(tracking_code="NTR-ORIG-0001")
    report = ReportFactory()

    response = client.post(_url("report-link-duplicate", report), {"original": " ntr-orig-0001 "})

    report.refresh_from_db()
    assert (report.status, report.merged_into) == ("merged", original)
    assert _messages(response) == [
        ("success", f"Report {report.tracking_code} is now handled with report NTR-ORIG-0001.")
    ]


@pytest.mark.parametrize(
    "make_original",
    [lambda: "NTR-NONE-0000", lambda: ReportFactory(agency=AgencyFactory(code="x", is_default=False)).tracking_code],
    ids=["unknown", "other-agency"],
)
def test_link_duplicate_to_a_report_not_found_is_a_message(client, make_original):
    code = make_original()
    report = ReportFactory()

    response = client.post(_url("report-link-duplicate", report), {"original": code})

    assert _messages(response) == [("error", f"No report with tracking code {code} was found.")]
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report-start-review", {}),
        ("report-reject", {"reason": "Bukan ASN."}),
        ("report-request-information", {"message": "Kirim tautan."}),
    ],
)
def test_an_action_the_status_does_not_allow_is_a_message_not_an_error_page(client, name, data):
    report = ReportFactory(status=Report.Status.IN_PROCESS)

    response = client.post(_url(name, report), data)

    assert response.status_code == 302
    assert _messages(response) == [
        ("error", "A report in status “In process” cannot become “" + _target_label(name) + "”.")
    ]
    assert Report.objects.get(pk=report.pk).status == "in_process"
    assert not AuditEvent.objects.exists()


def _target_label(name: str) -> str:
    return {
        "report-start-review": "In review",
        "report-reject": "Rejected",
        "report-request-information": "Awaiting information",
    }[name]


def test_a_duplicate_cycle_is_a_message(client, officer):
    first, second = ReportFactory(), ReportFactory()
    report_mark_duplicate(report=second, original=first, actor=officer)

    response = client.post(_url("report-link-duplicate", first), {"original": second.tracking_code})

    assert _messages(response) == [("error", "That report is already a duplicate of this one.")]
    assert Report.objects.get(pk=first.pk).status == "received"


@pytest.mark.parametrize("name", ["report-start-review", "report-reject", "report-request-information"])
def test_actions_refuse_get(client, name):
    assert client.get(_url(name, ReportFactory())).status_code == 405


# --- evidence download --------------------------------------------------------------------------------------


def test_evidence_download_streams_the_file_as_an_attachment_and_audits_it(client, officer):
    report = _full_report()
    evidence = report.evidence.get(kind="image")

    response = client.get(_url("evidence-download", report, evidence_id=evidence.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="tangkapan-layar.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    event = AuditEvent.objects.get(action="evidence_downloaded")
    assert (event.actor, event.target_id, event.data["sha256"]) == (officer, report.pk, evidence.sha256)


def test_evidence_of_another_report_is_not_found(client):
    report = _full_report()
    other = ReportFactory()

    response = client.get(_url("evidence-download", other, evidence_id=report.evidence.first().pk))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="evidence_downloaded").exists()


def test_evidence_whose_file_is_missing_is_not_found(client, private_storage):
    report = _full_report()
    for path in stored_files(private_storage):
        path.unlink()

    response = client.get(_url("evidence-download", report, evidence_id=report.evidence.first().pk))

    assert response.status_code == 404


# --- internal findings ---------------------------------------------------------------------------------------


def _finding(**overrides) -> dict:
    data = {
        "channel": "diskominfo",
        "organisation": "Tim Pemantau Media Sosial Diskominfo",
        "accused_nip": "",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_position": "",
        "accused_agency": "",
        "incident_date": "2024-10-07",
        "platform": "Facebook",
        "description": "Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati.",
        "links": "https://www.facebook.com/share/p/abc/",
        "election_stage": "campaign",
        "evidence-TOTAL_FORMS": "3",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "10",
    }
    data.update(overrides)
    return data


def test_internal_finding_form_is_shown(client):
    response = client.get(reverse("triage:internal-finding"))

    assert response.status_code == 200
    assert [value for value, _label in response.context["form"].fields["channel"].choices] == [
        "diskominfo",
        "inspectorate",
        "superior",
    ]


def test_internal_finding_with_a_register_nip_and_a_screenshot_is_recorded(client, officer, private_storage):
    servant = CivilServantFactory(nip=NIP, name="Drs. Rahmat Hidayat", position_title="Kepala SMP Negeri 1")
    screenshot = SimpleUploadedFile("layar-1.png", png_bytes(), content_type="image/png")

    response = client.post(
        reverse("triage:internal-finding"),
        _finding(
            accused_nip=NIP,
            accused_name="",
            **{
                "evidence-0-file": screenshot,
                "evidence-0-source_url": "https://www.facebook.com/share/p/abc/",
                "evidence-0-captured_at": "2024-10-07T14:05",
            },
        ),
    )

    assert response.status_code == 302 and response.url == reverse("triage:internal-finding-receipt")
    report = Report.objects.get()
    assert (report.channel, report.source, report.submitted_by, report.agency) == (
        "diskominfo",
        "staff",
        officer,
        officer.agency,
    )
    assert (report.accused, report.accused_name, report.accused_position, report.accused_agency) == (
        servant,
        "Drs. Rahmat Hidayat",
        "Kepala SMP Negeri 1",
        servant.unit.name,
    )
    assert (report.reporter.organisation, report.reporter.name) == (
        "Tim Pemantau Media Sosial Diskominfo",
        "Budi Santoso",
    )
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.source_url) == ("layar-1.png", "https://www.facebook.com/share/p/abc/")
    assert evidence.captured_at == timezone.make_aware(datetime.datetime(2024, 10, 7, 14, 5))
    assert len(stored_files(private_storage)) == 1


def test_the_receipt_shows_code_and_pin_once(client):
    client.post(reverse("triage:internal-finding"), _finding())
    report = Report.objects.get()

    receipt = client.get(reverse("triage:internal-finding-receipt"))
    again = client.get(reverse("triage:internal-finding-receipt"))

    page = receipt.content.decode()
    assert report.tracking_code in page
    pin = receipt.context["receipt"]["access_pin"]
    assert len(pin) == 8 and pin in page
    assert _url("report-detail", report) in page
    assert again.status_code == 302 and again.url == reverse("triage:internal-finding")


def test_an_internal_reporter_records_a_finding_without_seeing_the_queue():
    reporter = UserFactory(username="diskominfo", roles=[Role.INTERNAL_REPORTER])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(reporter)

    response = client.post(reverse("triage:internal-finding"), _finding(channel="inspectorate"))
    receipt = client.get(response.url)

    report = Report.objects.get()
    assert (report.channel, report.submitted_by) == ("inspectorate", reporter)
    assert receipt.context["report_url"] == ""
    assert client.get(reverse("triage:queue")).status_code == 403


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"accused_name": "", "accused_nip": NIP},
            "accused_name",
            "Give the civil servant's name, or a NIP that is in the civil-servant register.",
        ),
        ({"accused_nip": "197813322005011003"}, "accused_nip", None),
        ({"channel": "citizen"}, "channel", None),
        ({"incident_date": "2999-01-01"}, "incident_date", "The date cannot be in the future."),
        ({"description": ""}, "description", "This field is required."),
        ({"organisation": ""}, "organisation", "This field is required."),
    ],
)
def test_an_invalid_internal_finding_is_shown_again_and_nothing_is_written(
    client, private_storage, overrides, field, message
):
    response = client.post(
        reverse("triage:internal-finding"),
        _finding(**overrides, **{"evidence-0-file": SimpleUploadedFile("a.png", png_bytes())}),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert Report.objects.count() == 0
    assert stored_files(private_storage) == []


def test_a_spoofed_evidence_file_is_refused_and_nothing_is_stored(client, private_storage):
    fake = SimpleUploadedFile("layar.png", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/png")

    response = client.post(reverse("triage:internal-finding"), _finding(**{"evidence-0-file": fake}))

    assert response.status_code == 200
    [row_errors, *_] = response.context["evidence"].errors
    assert row_errors["file"][0].startswith("File type not accepted")
    assert (Report.objects.count(), Evidence.objects.count(), ReportAddition.objects.count()) == (0, 0, 0)
    assert stored_files(private_storage) == []


def test_a_source_address_without_its_file_is_refused(client):
    response = client.post(
        reverse("triage:internal-finding"), _finding(**{"evidence-1-source_url": "https://fb.com/p/1"})
    )

    assert response.context["evidence"].errors[1] == {
        "file": ["Attach the file this source address and capture time belong to."]
    }
    assert Report.objects.count() == 0


def test_a_capture_time_in_the_future_is_refused(client):
    future = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("triage:internal-finding"),
        _finding(**{"evidence-0-file": SimpleUploadedFile("a.png", png_bytes()), "evidence-0-captured_at": future}),
    )

    assert response.context["evidence"].errors[0] == {"captured_at": ["The capture time cannot be in the future."]}
    assert Report.objects.count() == 0


def test_the_pin_of_an_internal_finding_opens_its_public_status(client):
    client.post(reverse("triage:internal-finding"), _finding())
    pin = client.get(reverse("triage:internal-finding-receipt")).context["receipt"]["access_pin"]
    report = Report.objects.get()

    assert report_get_by_tracking_code(tracking_code=report.tracking_code, pin=pin) == report
    assert report_get_by_tracking_code(tracking_code=report.tracking_code, pin=TEST_PIN) is None
