"""Bawaslu offices' web pages: their own forwardings only, forwarding by web form, role access."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import BawasluOfficeFactory, BawasluUserFactory, IntakeOfficerFactory, UserFactory
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.models import BawasluForwarding, Evidence, Report
from violations.services import forwarding_fingerprint, report_record_outcome, report_request_information
from violations.tests.factories import ForwardingFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("bawaslu_web:forwarding-list")
CREATE_URL = reverse("bawaslu_web:forwarding-create")
REFERENCE = "001/Reg/LP/PB/Kab/04.06/XI/2024"


def _detail_url(reference_number: str) -> str:
    return reverse("bawaslu_web:forwarding-detail", kwargs={"reference_number": reference_number})


@pytest.fixture
def office_user():
    return BawasluUserFactory(username="bawaslu-lebong", bawaslu_office__name="Bawaslu Kabupaten Lebong")


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


def _form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "reference_number": REFERENCE,
        "origin": "report",
        "election": "Pilkada 2024 Kabupaten Lebong",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": "198001012005031001",
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Terlapor membagikan unggahan kampanye pasangan calon bupati.",
        "violation_type": "N04",
        "recommendation": "Direkomendasikan untuk diproses sesuai PP 94/2021.",
        "links": "https://facebook.com/p/1",
    }
    data.update(overrides)
    return data


def _api_payload(**overrides: object) -> dict[str, object]:
    """The payload as the API normalises it for the fingerprint (shared shape)."""
    payload: dict[str, object] = {**_form_data(), "letter_number": "", "links": ["https://facebook.com/p/1"]}
    payload.update(overrides)
    return payload


def _nothing_written(private_storage) -> None:
    assert BawasluForwarding.objects.count() == 0
    assert Report.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert stored_files(private_storage) == []


# --- role access ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST_URL, CREATE_URL, _detail_url(REFERENCE)])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: IntakeOfficerFactory(),
        lambda: UserFactory(roles=[Role.LEADERSHIP]),
        lambda: BawasluUserFactory(bawaslu_office=None),  # the role without an office
        lambda: UserFactory(is_staff=True, is_superuser=True),
    ],
    ids=["intake_officer", "leadership", "office_role_without_office", "superuser"],
)
@pytest.mark.parametrize("url", [LIST_URL, CREATE_URL, _detail_url(REFERENCE)])
def test_other_accounts_are_refused(client, make_user, url):
    client.force_login(make_user())

    assert client.get(url).status_code == 403


def test_refused_forwarding_post_writes_nothing(client, private_storage):
    client.force_login(IntakeOfficerFactory())
    BawasluOfficeFactory()

    response = client.post(CREATE_URL, {**_form_data(), "evidence": [SimpleUploadedFile("a.png", png_bytes())]})

    assert response.status_code == 403
    _nothing_written(private_storage)


def test_anonymous_forwarding_post_writes_nothing(client, private_storage):
    response = client.post(CREATE_URL, _form_data())

    assert response.status_code == 302
    _nothing_written(private_storage)


def test_office_account_can_log_in_and_sees_its_navigation(client, office_user):
    response = client.post(reverse("login"), {"username": "bawaslu-lebong", "password": "netra-test-password"})
    assert response.status_code == 302

    content = client.get(LIST_URL).content.decode()

    assert f'href="{LIST_URL}"' in content and f'href="{CREATE_URL}"' in content


# --- the list -------------------------------------------------------------------------------------------------


def test_list_shows_own_forwardings_newest_first(office_client, office_user, django_assert_num_queries):
    office = office_user.bawaslu_office
    now = datetime.datetime(2024, 11, 5, 9, 0, tzinfo=datetime.UTC)
    older = ForwardingFactory(office=office, report__received_at=now - datetime.timedelta(days=2))
    newer = ForwardingFactory(office=office, report__received_at=now)
    ForwardingFactory()  # another office's
    report_record_outcome(
        report=older.report,
        proven=True,
        decided_at=datetime.date(2024, 12, 1),
        sanction_type="B1",
        sanction_label="Penurunan jabatan setingkat lebih rendah selama 12 bulan",
    )

    with django_assert_num_queries(6):  # session, user, roles, office, count, page
        response = office_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en")

    rows = response.context["rows"]
    assert [row["forwarding"].reference_number for row in rows] == [newer.reference_number, older.reference_number]
    assert [row["status_label"] for row in rows] == ["Received", "Received"]
    assert rows[1]["outcome"].sanction_type == "B1"
    content = response.content.decode()
    assert newer.report.tracking_code in content
    assert "Penurunan jabatan setingkat lebih rendah selama 12 bulan" in content


def test_list_filters_by_public_status(office_client, office_user):
    office = office_user.bawaslu_office
    waiting = ForwardingFactory(office=office)
    report_request_information(report=waiting.report, actor=IntakeOfficerFactory(), message="Lampirkan berkas.")
    ForwardingFactory(office=office)

    response = office_client.get(LIST_URL, {"status": "in_review"})

    assert [row["forwarding"].pk for row in response.context["rows"]] == [waiting.pk]


def test_list_is_paginated(office_client, office_user):
    for _n in range(21):
        ForwardingFactory(office=office_user.bawaslu_office)

    first = office_client.get(LIST_URL, {"status": "received"})
    second = office_client.get(LIST_URL, {"status": "received", "page": 2})

    assert len(first.context["rows"]) == 20
    assert len(second.context["rows"]) == 1
    assert "?status=received&amp;page=2" in first.content.decode()


def test_list_refuses_an_unknown_status_filter_by_showing_everything(office_client, office_user):
    ForwardingFactory(office=office_user.bawaslu_office)

    response = office_client.get(LIST_URL, {"status": "nonsense"})

    assert len(response.context["rows"]) == 1


# --- the detail page -------------------------------------------------------------------------------------------


def test_detail_shows_timeline_and_no_outcome_until_decided(office_client, office_user):
    forwarding = ForwardingFactory(office=office_user.bawaslu_office, reference_number=REFERENCE)

    response = office_client.get(_detail_url(REFERENCE), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.context["outcome"] is None
    assert [(item.status_label, item.note) for item in response.context["timeline"]] == [
        ("Received", "Report received.")
    ]
    content = response.content.decode()
    assert forwarding.report.tracking_code in content
    assert "No decision yet." in content


def test_detail_shows_the_outcome_once_decided(office_client, office_user):
    forwarding = ForwardingFactory(office=office_user.bawaslu_office, reference_number=REFERENCE)
    report_record_outcome(
        report=forwarding.report,
        proven=True,
        decided_at=datetime.date(2024, 12, 1),
        sanction_type="B1",
        sanction_label="Penurunan jabatan",
        decision_number="800.1.6.4/12/BKPSDM/2024",
    )

    response = office_client.get(_detail_url(REFERENCE))

    assert response.context["outcome"].decision_number == "800.1.6.4/12/BKPSDM/2024"
    assert "800.1.6.4/12/BKPSDM/2024" in response.content.decode()


def test_another_office_forwarding_is_not_found(office_client):
    ForwardingFactory(reference_number=REFERENCE)  # same number, another office

    assert office_client.get(_detail_url(REFERENCE)).status_code == 404
    assert office_client.get(_detail_url("999/none")).status_code == 404


# --- forwarding by web form --------------------------------------------------------------------------------------


def test_forwarding_by_web_form_is_stored_like_the_api_would(office_client, office_user, private_storage):
    upload = SimpleUploadedFile("bukti.png", png_bytes(), "image/png")

    response = office_client.post(CREATE_URL, {**_form_data(), "evidence": [upload]})

    assert response.status_code == 302
    assert response["Location"] == _detail_url(REFERENCE)
    forwarding = BawasluForwarding.objects.select_related("report").get()
    report = forwarding.report
    assert (forwarding.office, forwarding.origin, forwarding.recommendation) == (
        office_user.bawaslu_office,
        "report",
        "Direkomendasikan untuk diproses sesuai PP 94/2021.",
    )
    assert (report.channel, report.source, report.submitted_by, report.election_text) == (
        "bawaslu",
        "web",
        office_user,
        "Pilkada 2024 Kabupaten Lebong",
    )
    assert report.reporter.organisation == "Bawaslu Kabupaten Lebong"
    assert report.violation_type.code == "N04"
    evidence = Evidence.objects.get()
    assert len(stored_files(private_storage)) == 1
    # The same content sent through the API is recognised as identical.
    assert forwarding.content_fingerprint == forwarding_fingerprint(payload=_api_payload(), evidence=[evidence])
    page = office_client.get(response["Location"])
    assert f"Penerusan diterima. Kode pelacakannya {report.tracking_code}." in page.content.decode()


def test_identical_resubmission_shows_the_existing_forwarding(office_client, private_storage):
    office_client.post(CREATE_URL, {**_form_data(), "evidence": [SimpleUploadedFile("b.png", png_bytes())]})
    events = AuditEvent.objects.count()

    response = office_client.post(
        CREATE_URL, {**_form_data(), "evidence": [SimpleUploadedFile("b.png", png_bytes())]}, follow=True
    )

    assert response.redirect_chain == [(_detail_url(REFERENCE), 302)]
    assert "sudah diterima" in response.content.decode()
    assert BawasluForwarding.objects.count() == 1
    assert Evidence.objects.count() == 1
    assert AuditEvent.objects.count() == events
    assert len(stored_files(private_storage)) == 1


def test_conflicting_resubmission_is_refused_and_changes_nothing(office_client, private_storage):
    office_client.post(CREATE_URL, _form_data())
    forwarding = BawasluForwarding.objects.get()
    events = AuditEvent.objects.count()

    response = office_client.post(
        CREATE_URL,
        {
            **_form_data(description="Isi lain untuk nomor yang sama."),
            "evidence": [SimpleUploadedFile("c.png", png_bytes())],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 409
    assert f"A forwarding with reference number {REFERENCE} already exists with other content." in (
        response.content.decode()
    )
    assert BawasluForwarding.objects.get() == forwarding
    assert Report.objects.get().description == "Terlapor membagikan unggahan kampanye pasangan calon bupati."
    assert Evidence.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert stored_files(private_storage) == []


def test_same_reference_number_at_two_offices_are_two_forwardings(office_client):
    ForwardingFactory(reference_number=REFERENCE)

    response = office_client.post(CREATE_URL, _form_data())

    assert response.status_code == 302
    assert BawasluForwarding.objects.filter(reference_number=REFERENCE).count() == 2


def test_invalid_forwarding_re_renders_and_stores_nothing(office_client, private_storage):
    response = office_client.post(
        CREATE_URL,
        {
            **_form_data(accused_name="", accused_nip="123", origin="rumour"),
            "evidence": [SimpleUploadedFile("ok.png", png_bytes())],
        },
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"accused_name", "accused_nip", "origin"}
    assert "Penerusan belum terkirim" in response.content.decode()
    _nothing_written(private_storage)


def test_spoofed_forwarding_evidence_is_refused_and_nothing_stored(office_client, private_storage):
    script = SimpleUploadedFile("bukti.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf")

    response = office_client.post(CREATE_URL, {**_form_data(), "evidence": [script]})

    assert response.status_code == 200
    assert response.context["form"].errors["evidence"][0].startswith("bukti.pdf: ")
    _nothing_written(private_storage)
