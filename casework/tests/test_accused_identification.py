"""The intake officer or an examiner on the case identifies its accused in the register: the case then carries the
register's name and NIP, its letters the register's NIP, rank, position and unit; the case page says when the
accused is not identified. (Refused once a decision is drafted: sanctions/tests/test_frozen_accused.py.)"""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory, UnitFactory
from casework import services
from casework.letter_snapshots import case_context
from casework.letters import letter_render, requesting
from casework.models import Case, Letter
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import pdf_text
from core.errors import ConflictError, DomainError, TransitionNotAllowed
from core.models import AuditEvent
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unidentified(officer: Any) -> Case:
    """A case over a citizen's report naming a principal and his school, without a NIP."""
    report = ReportFactory(
        agency=officer.agency,
        accused_name="Rahmat Hidayat",
        accused_nip="",
        accused_position="Kepala Sekolah",
        accused_agency="SMP Negeri 1 Lebong",
    )
    return CaseFactory.create(
        agency=officer.agency, accused=None, accused_name="Rahmat Hidayat", registered_by=officer, reports=[report]
    )


def _events(case: Case) -> list[tuple[str, str, dict[str, Any]]]:
    return list(
        AuditEvent.objects.filter(target_id=case.pk, action="case_accused_identified").values_list(
            "actor__username", "reason", "data"
        )
    )


def _client(user: Any, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _page(case: Case) -> str:
    return reverse("casework:case-detail", kwargs={"case_id": case.pk})


def _identify_url(case: Case) -> str:
    return reverse("casework_actions:identify-accused", kwargs={"case_id": case.pk})


# --- the service -------------------------------------------------------------------------------------------------


def test_the_case_takes_the_registers_name_and_nip_and_the_link_is_audited(officer, unidentified, principal):
    case = services.case_identify_accused(
        case=unidentified, actor=officer, civil_servant=principal, expected_version=unidentified.version
    )

    stored = Case.objects.get(pk=case.pk)
    assert (stored.accused, stored.accused_name, stored.accused_nip, stored.version) == (
        principal,
        "Drs. Rahmat Hidayat",
        "197805122003121003",
        unidentified.version + 1,
    )
    assert _events(case) == [
        (
            "verifikator",
            "",
            {"from_civil_servant": None, "from_nip": "", "civil_servant": principal.pk, "nip": principal.nip},
        )
    ]


def test_an_examiner_on_the_case_may_identify_the_accused(examiner_user, unidentified, principal):
    unidentified.assigned_examiners.add(examiner_user)

    services.case_identify_accused(case=unidentified, actor=examiner_user, civil_servant=principal)

    assert Case.objects.get(pk=unidentified.pk).accused == principal


def test_changing_the_accused_needs_a_reason(officer, case, principal):
    namesake = CivilServantFactory(name="Rahmat Hidayat", unit=principal.unit)
    before = Case.objects.get(pk=case.pk).version

    with pytest.raises(DomainError) as refusal:
        services.case_identify_accused(case=case, actor=officer, civil_servant=namesake)

    assert (refusal.value.code, refusal.value.field) == ("accused_change_reason_required", "reason")
    stored = Case.objects.get(pk=case.pk)
    assert (stored.accused, stored.version) == (principal, before)
    assert _events(case) == []


def test_changing_the_accused_with_a_reason_records_both_entries(officer, case, principal):
    namesake = CivilServantFactory(name="Rahmat Hidayat", unit=principal.unit)

    services.case_identify_accused(
        case=case, actor=officer, civil_servant=namesake, reason="NIP dari Bawaslu menunjuk pegawai lain."
    )

    assert Case.objects.get(pk=case.pk).accused_nip == namesake.nip
    assert _events(case) == [
        (
            "verifikator",
            "NIP dari Bawaslu menunjuk pegawai lain.",
            {
                "from_civil_servant": principal.pk,
                "from_nip": principal.nip,
                "civil_servant": namesake.pk,
                "nip": namesake.nip,
            },
        )
    ]


def test_a_stale_page_is_a_conflict_and_writes_nothing(officer, unidentified, principal):
    with pytest.raises(ConflictError):
        services.case_identify_accused(
            case=unidentified, actor=officer, civil_servant=principal, expected_version=unidentified.version + 5
        )

    assert Case.objects.get(pk=unidentified.pk).accused is None


def test_a_closed_case_keeps_its_accused(officer, unidentified, principal):
    Case.objects.filter(pk=unidentified.pk).update(status=Case.Status.DISMISSED)

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.case_identify_accused(case=unidentified, actor=officer, civil_servant=principal)

    assert refusal.value.code == "case_accused_fixed"
    assert Case.objects.get(pk=unidentified.pk).accused is None


# --- the pages ---------------------------------------------------------------------------------------------------


def test_the_case_page_warns_that_the_accused_is_not_identified(officer, unidentified):
    page = _client(officer).get(_page(unidentified)).content.decode()

    assert 'id="accused-unidentified"' in page
    assert "The accused is not identified in the civil-servant register." in page
    assert f'href="{_identify_url(unidentified)}"' in page


def test_the_case_page_shows_the_register_data_once_linked(officer, case):
    page = _client(officer).get(_page(case)).content.decode()

    assert 'id="accused-unidentified"' not in page
    for shown in ("197805122003121003", "Penata Tk. I (III/d)", "Kepala Sekolah SMP Negeri 1", "SMP Negeri 1 Lebong"):
        assert shown in page
    assert "Change the civil servant linked" in page


def test_the_identify_page_ranks_from_the_reports_and_one_click_links(
    officer, unidentified, principal, django_assert_num_queries
):
    namesake = CivilServantFactory(name="Rahmat Hidayat Saputra", unit=UnitFactory(name="Dinas Kesehatan"))
    client = _client(officer)
    client.get(_identify_url(unidentified))

    with django_assert_num_queries(7):
        response = client.get(_identify_url(unidentified))

    assert [item["servant"] for item in response.context["suggestions"]] == [principal, namesake]
    response = client.post(
        _identify_url(unidentified), {"civil_servant": principal.pk, "expected_version": unidentified.version}
    )
    assert response.status_code == 302 and response.url == _page(unidentified)
    assert Case.objects.get(pk=unidentified.pk).accused == principal


def test_the_identify_page_in_indonesian(officer, unidentified, principal):
    content = _client(officer, "id").get(_identify_url(unidentified)).content.decode()

    assert "Identifikasi terlapor" in content
    for english in ("Search the register", "Linked now", "Suggestions from the register", "Matched on"):
        assert english not in content


# --- the letters -------------------------------------------------------------------------------------------------


def test_before_identification_letters_carry_the_name_and_unit_as_reported(unidentified):
    assert case_context(unidentified)["accused"] == {
        "name": "Rahmat Hidayat",
        "nip": "",
        "position": "Kepala Sekolah",
        "rank": "",
        "unit": "SMP Negeri 1 Lebong",
    }


def test_once_identified_the_summons_prints_the_registers_nip_rank_position_and_unit(
    officer, unidentified, principal: CivilServant, monkeypatch, travel
):
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)
    travel(2024, 10, 14)
    services.case_identify_accused(case=unidentified, actor=officer, civil_servant=principal)
    services.case_start_review(case=unidentified, actor=officer, probable_level="moderate", tracks=["discipline"])

    services.summons_issue(
        case=unidentified,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM Kabupaten Lebong",
    )

    letter = letter_render(letter_id=Letter.objects.get(kind="summons_1").pk)
    with letter.pdf.open("rb") as stored:
        text = pdf_text(stored.read())
    for printed in (
        "Drs. Rahmat Hidayat",
        "NIP : 197805122003121003",
        "Pangkat/golongan : Penata Tk. I (III/d)",
        "Jabatan : Kepala Sekolah SMP Negeri 1",
        "Unit kerja : SMP Negeri 1 Lebong",
    ):
        assert printed in text, printed
