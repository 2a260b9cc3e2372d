"""An intake officer identifies a report's accused in the register: ranked suggestions, one click, audited, a reason
to change, refused once the report left triage."""

import pytest
from django.test import Client
from django.utils import translation

from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from core.errors import DomainError, TransitionNotAllowed
from core.models import AuditEvent
from violations.models import Report
from violations.services import report_identify_accused
from violations.tests.factories import ReportFactory
from violations.tests.triage_pages import messages_of, triage_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator")


@pytest.fixture
def client(officer) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


@pytest.fixture
def school(officer):
    return UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong", agency=officer.agency)


@pytest.fixture
def principal(school):
    return CivilServantFactory(
        nip="197805122003121003",
        name="Drs. Rahmat Hidayat",
        unit=school,
        position_title="Kepala Sekolah SMP Negeri 1 Lebong",
        rank="Pembina (IV/a)",
    )


@pytest.fixture
def namesake(officer):
    unit = UnitFactory(code="dinkes", name="Dinas Kesehatan", agency=officer.agency)
    return CivilServantFactory(
        nip="198101012006041001", name="Rahmat Hidayat", unit=unit, position_title="Perawat Ahli Muda"
    )


@pytest.fixture
def report(officer):
    """What a citizen wrote: a name and a school, no NIP."""
    return ReportFactory(
        agency=officer.agency,
        accused_name="Pak Rahmat Hidayat",
        accused_nip="",
        accused_position="Kepala Sekolah",
        accused_agency="SMP Negeri 1 Lebong",
    )


def _events(report):
    return list(
        AuditEvent.objects.filter(target_id=report.pk, action="report_accused_identified").values_list(
            "actor__username", "reason", "data"
        )
    )


# --- the service -------------------------------------------------------------------------------------------------


def test_linking_the_accused_keeps_what_the_reporter_wrote_and_is_audited(officer, report, principal):
    linked = report_identify_accused(report=report, actor=officer, civil_servant=principal)

    stored = Report.objects.get(pk=report.pk)
    assert linked.accused == principal and stored.accused == principal
    assert (stored.accused_name, stored.accused_nip) == ("Pak Rahmat Hidayat", "")
    assert _events(report) == [
        (
            "verifikator",
            "",
            {"from_civil_servant": None, "from_nip": "", "civil_servant": principal.pk, "nip": principal.nip},
        )
    ]


def test_linking_the_same_entry_again_changes_nothing(officer, report, principal):
    report_identify_accused(report=report, actor=officer, civil_servant=principal)

    report_identify_accused(report=report, actor=officer, civil_servant=principal, reason="lagi")

    assert len(_events(report)) == 1


def test_changing_the_link_needs_a_reason_and_nothing_is_written_without_one(officer, report, principal, namesake):
    report_identify_accused(report=report, actor=officer, civil_servant=namesake)

    with translation.override("en"), pytest.raises(DomainError) as refusal:
        report_identify_accused(report=report, actor=officer, civil_servant=principal, reason="  ")

    assert (refusal.value.code, refusal.value.field) == ("accused_change_reason_required", "reason")
    assert str(refusal.value.message) == (
        "Rahmat Hidayat is linked already: give the reason for linking another civil servant."
    )
    assert Report.objects.get(pk=report.pk).accused == namesake
    assert len(_events(report)) == 1


def test_changing_the_link_with_a_reason_records_both_entries(officer, report, principal, namesake):
    report_identify_accused(report=report, actor=officer, civil_servant=namesake)

    report_identify_accused(
        report=report, actor=officer, civil_servant=principal, reason="Pelapor menyebut sekolahnya: SMPN 1."
    )

    assert Report.objects.get(pk=report.pk).accused == principal
    assert _events(report)[1] == (
        "verifikator",
        "Pelapor menyebut sekolahnya: SMPN 1.",
        {
            "from_civil_servant": namesake.pk,
            "from_nip": namesake.nip,
            "civil_servant": principal.pk,
            "nip": principal.nip,
        },
    )


def test_a_report_out_of_triage_is_identified_on_its_case(officer, principal):
    report = ReportFactory(agency=officer.agency, status=Report.Status.IN_PROCESS)

    with pytest.raises(TransitionNotAllowed) as refusal:
        report_identify_accused(report=report, actor=officer, civil_servant=principal)

    assert refusal.value.code == "report_accused_fixed"
    assert Report.objects.get(pk=report.pk).accused is None
    assert _events(report) == []


def test_another_agencys_civil_servant_cannot_be_linked(officer, report):
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    stranger = CivilServantFactory(unit=UnitFactory(agency=other))

    with pytest.raises(DomainError) as refusal:
        report_identify_accused(report=report, actor=officer, civil_servant=stranger)

    assert refusal.value.code == "accused_other_agency"
    assert Report.objects.get(pk=report.pk).accused is None


# --- the page ----------------------------------------------------------------------------------------------------


def test_the_page_ranks_suggestions_from_what_the_reporter_wrote(
    client, report, principal, namesake, django_assert_num_queries
):
    url = triage_url("report-identify-accused", report)
    client.get(url)  # the session and the user's roles are cached from here on

    with django_assert_num_queries(5):
        response = client.get(url)

    assert response.status_code == 200
    assert [item["servant"] for item in response.context["suggestions"]] == [principal, namesake]
    assert [list(map(str, item["reasons"])) for item in response.context["suggestions"]] == [
        ["name", "unit", "position"],
        ["name"],
    ]
    assert b"Not identified yet" in response.content
    assert f'name="civil_servant" value="{principal.pk}"'.encode() in response.content


def test_the_officers_search_replaces_the_suggestions(client, report, principal, namesake):
    response = client.get(triage_url("report-identify-accused", report), {"q": "Dinas Kesehatan"})

    assert [item["servant"] for item in response.context["suggestions"]] == [namesake]


def test_one_click_links_the_accused(client, report, principal):
    response = client.post(triage_url("report-identify-accused", report), {"civil_servant": principal.pk})

    assert response.status_code == 302 and response.url == triage_url("report-detail", report)
    assert Report.objects.get(pk=report.pk).accused == principal
    assert messages_of(response) == [
        (
            "success",
            f"The accused of report {report.tracking_code} is Drs. Rahmat Hidayat (NIP 197805122003121003) "
            "of the register.",
        )
    ]
    page = client.get(triage_url("report-detail", report))
    assert "197805122003121003" in page.content.decode()


def test_a_change_without_a_reason_comes_back_to_the_page(client, officer, report, principal, namesake):
    report_identify_accused(report=report, actor=officer, civil_servant=namesake)

    response = client.post(triage_url("report-identify-accused", report), {"civil_servant": principal.pk})

    assert response.status_code == 200
    assert "give the reason for linking another civil servant" in response.content.decode()
    assert Report.objects.get(pk=report.pk).accused == namesake


def test_another_agencys_entry_posted_is_not_found(client, report):
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    stranger = CivilServantFactory(unit=UnitFactory(agency=other))

    response = client.post(triage_url("report-identify-accused", report), {"civil_servant": stranger.pk})

    assert response.status_code == 200
    assert "not in your agency&#x27;s register" in response.content.decode()
    assert Report.objects.get(pk=report.pk).accused is None


def test_the_page_in_indonesian_shows_no_english(officer, report, principal):
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(officer)

    content = client.get(triage_url("report-identify-accused", report)).content.decode()

    assert "Identifikasi terlapor" in content
    assert "Not identified" not in content and "Search the register" not in content
