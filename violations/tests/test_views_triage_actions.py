"""Intake officers' actions on a report, posted from its page, and internal findings recorded by staff."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import Evidence, Report, ReportAddition
from violations.selectors import report_get_by_tracking_code
from violations.services import report_mark_duplicate
from violations.tests.factories import TEST_PIN, ReportFactory
from violations.tests.triage_pages import NIP, messages_of, triage_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator", first_name="Budi", last_name="Santoso")


@pytest.fixture
def client(officer) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


# --- actions ----------------------------------------------------------------------------------------------


def test_start_review(client, officer):
    report = ReportFactory()

    response = client.post(triage_url("report-start-review", report))

    assert response.status_code == 302 and response.url == triage_url("report-detail", report)
    assert Report.objects.get(pk=report.pk).status == "in_review"
    assert messages_of(response) == [("success", f"You are reviewing report {report.tracking_code}.")]


def test_reject_with_a_reason(client):
    report = ReportFactory()

    response = client.post(triage_url("report-reject", report), {"reason": "Terlapor bukan ASN."})

    report.refresh_from_db()
    assert (report.status, report.rejection_reason) == ("rejected", "Terlapor bukan ASN.")
    assert messages_of(response) == [
        ("success", f"Report {report.tracking_code} was rejected; the reporter sees the reason.")
    ]


def test_reject_without_a_reason_shows_the_error_and_writes_nothing(client):
    report = ReportFactory()

    response = client.post(triage_url("report-reject", report), {"reason": ""})

    assert response.status_code == 302
    assert messages_of(response) == [("error", "Give the reason for the rejection.")]
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not AuditEvent.objects.exists()


def test_request_information_emails_the_reporter(client, django_capture_on_commit_callbacks, mailoutbox):
    report = ReportFactory(reporter={"name": "Siti", "email": "siti@example.id"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(triage_url("report-request-information", report), {"message": "Kirim tautan unggahan."})

    report.refresh_from_db()
    assert (report.status, report.information_request) == ("awaiting_information", "Kirim tautan unggahan.")
    assert messages_of(response) == [
        ("success", f"The reporter of {report.tracking_code} is asked for more information.")
    ]
    assert [message.to for message in mailoutbox] == [["siti@example.id"]]


def test_link_duplicate_by_tracking_code(client):
    original = ReportFactory(tracking_code="NTR-ORIG-0001")
    report = ReportFactory()

    response = client.post(triage_url("report-link-duplicate", report), {"original": " ntr-orig-0001 "})

    report.refresh_from_db()
    assert (report.status, report.merged_into) == ("merged", original)
    assert messages_of(response) == [
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

    response = client.post(triage_url("report-link-duplicate", report), {"original": code})

    assert messages_of(response) == [("error", f"No report with tracking code {code} was found.")]
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

    response = client.post(triage_url(name, report), data)

    assert response.status_code == 302
    assert messages_of(response) == [
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

    response = client.post(triage_url("report-link-duplicate", first), {"original": second.tracking_code})

    assert messages_of(response) == [("error", "That report is already a duplicate of this one.")]
    assert Report.objects.get(pk=first.pk).status == "received"


@pytest.mark.parametrize("name", ["report-start-review", "report-reject", "report-request-information"])
def test_actions_refuse_get(client, name):
    assert client.get(triage_url(name, ReportFactory())).status_code == 405


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
    assert triage_url("report-detail", report) in page
    assert again.status_code == 302 and again.url == reverse("triage:internal-finding")


def test_a_recorded_finding_says_so_on_its_receipt(client):
    response = client.post(reverse("triage:internal-finding"), _finding(), follow=True)

    report = Report.objects.get()
    assert messages_of(response) == [("success", f"The finding was recorded as report {report.tracking_code}.")]
    assert report.tracking_code in response.content.decode()


def test_an_invalid_internal_finding_asks_once_to_correct_the_fields(client):
    response = client.post(reverse("triage:internal-finding"), _finding(description=""))

    assert messages_of(response) == [("error", "Please correct the fields marked below.")]
    assert response.content.decode().count("Please correct the fields marked below.") == 1


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


def test_an_internal_reporter_sees_their_own_findings_with_their_public_status(django_assert_num_queries):
    reporter = UserFactory(username="diskominfo", roles=[Role.INTERNAL_REPORTER])
    mine = ReportFactory(
        tracking_code="NTR-2410-AAAA-BBBB", submitted_by=reporter, status=Report.Status.AWAITING_INFORMATION
    )
    ReportFactory(tracking_code="NTR-2410-CCCC-DDDD")  # someone else's
    browser = Client()
    browser.force_login(reporter)

    with django_assert_num_queries(6):  # the findings are one query whatever their number
        page = browser.get(reverse("triage:internal-finding"), headers={"accept-language": "id"})

    assert page.context["own_findings"] == [(mine, "Sedang ditelaah")]  # the public status, as the reporter sees it
    text = page.content.decode()
    assert "Temuan Anda" in text and "NTR-2410-AAAA-BBBB" in text and "NTR-2410-CCCC-DDDD" not in text
