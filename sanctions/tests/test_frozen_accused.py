"""A decision needs the accused identified in the register, and freezes what the register said of them when it was
drafted: its letters print those values even after the register changes; the case's accused is fixed meanwhile."""

import datetime
import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import CivilServantFactory
from casework import services as case_services
from casework.letters import letter_render, requesting
from casework.models import Case, Letter
from casework.tests.letter_helpers import pdf_text
from core.errors import DomainError, TransitionNotAllowed
from core.models import AuditEvent
from sanctions.letter_contents.decision import decision_letter_context
from sanctions.models import DECISION_ACCUSED_FIELDS, Decision
from sanctions.services import decision_cancel_draft, decision_sign
from sanctions.tests.decision_helpers import World, build_world, decision_on, forwarded_case, to_awaiting_signature
from sanctions.tests.views.helpers import draft_data

pytestmark = pytest.mark.django_db

FROZEN = {
    "name": "Drs. Rahmat Hidayat",
    "nip": "197805122003121003",
    "position": "Kepala SMP Negeri 1 Lebong",
    "rank": "Pembina (IV/a)",
    "unit": "SMP Negeri 1 Lebong",
    "employee_type": "pns",
    "employee_term": "Pegawai Negeri Sipil",
}


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: Any) -> None:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)


@pytest.fixture
def world() -> World:
    return build_world()


def _promote_in_the_register(world: World) -> None:
    """The register changes after the draft: a promotion, a new post in another unit."""
    principal = world.principal
    principal.rank = "Pembina Tingkat I (IV/b)"
    principal.position_title = "Pengawas Sekolah Ahli Madya"
    principal.unit.name = "Dinas Pendidikan dan Kebudayaan Kabupaten Lebong"
    principal.unit.save()
    principal.save()


def test_a_draft_for_an_unidentified_accused_is_refused_and_nothing_is_written(world):
    case = forwarded_case(world, accused=None, number="0007/KASUS/LEBONG/2024")
    events = AuditEvent.objects.count()
    version = Case.objects.get(pk=case.pk).version

    with pytest.raises(DomainError) as refusal:
        decision_on(case, world)

    assert refusal.value.code == "accused_not_identified"
    assert str(refusal.value.message) == (
        "Terlapor perkara 0007/KASUS/LEBONG/2024 belum diidentifikasi dalam data kepegawaian: tautkan terlapor pada "
        "halaman perkara terlebih dahulu. Keputusan memuat NIP, pangkat, jabatan, dan unit kerjanya dari data "
        "kepegawaian."
    )
    assert Decision.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert Case.objects.get(pk=case.pk).version == version


def test_the_draft_page_refuses_an_unidentified_accused_with_the_message(world):
    case = forwarded_case(world, accused=None, number="0007/KASUS/LEBONG/2024")
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(world.examiner)

    response = client.post(reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}), draft_data(case))

    assert "belum diidentifikasi dalam data kepegawaian" in response.content.decode()
    assert Decision.objects.count() == 0


def test_drafting_freezes_the_accused_as_the_register_says_then(world):
    decision = decision_on(forwarded_case(world), world)

    stored = Decision.objects.get(pk=decision.pk)
    assert (
        stored.accused_name,
        stored.accused_nip,
        stored.accused_rank,
        stored.accused_position,
        stored.accused_unit,
        stored.accused_employee_type,
    ) == (
        "Drs. Rahmat Hidayat",
        "197805122003121003",
        "Pembina (IV/a)",
        "Kepala SMP Negeri 1 Lebong",
        "SMP Negeri 1 Lebong",
        "pns",
    )


def test_the_frozen_values_survive_a_later_change_in_the_register(world):
    decision = decision_on(forwarded_case(world), world)

    _promote_in_the_register(world)

    assert decision_letter_context(Decision.objects.get(pk=decision.pk))["accused"] == FROZEN


def test_the_signed_decree_prints_the_frozen_nip_rank_position_and_unit(world):
    draft = decision_on(forwarded_case(world), world)
    _promote_in_the_register(world)

    decision = decision_sign(
        decision=to_awaiting_signature(draft, world),
        actor=world.bupati,
        decision_date=datetime.date(2024, 11, 20),
    )

    letter = letter_render(letter_id=decision.letter.pk)
    assert letter.status == Letter.Status.ISSUED
    with letter.pdf.open("rb") as stored:
        text = pdf_text(stored.read())
    for printed in (
        "Nama : Drs. Rahmat Hidayat",
        "NIP : 197805122003121003",
        "Pangkat/golongan : Pembina (IV/a)",
        "Jabatan : Kepala SMP Negeri 1 Lebong",
        "Unit kerja : SMP Negeri 1 Lebong",
    ):
        assert printed in text, printed
    for later in ("Pembina Tingkat I (IV/b)", "Pengawas Sekolah Ahli Madya"):
        assert later not in text, later


def test_the_case_accused_cannot_change_once_a_decision_is_drafted(world):
    case = forwarded_case(world)
    decision_on(case, world)
    namesake = CivilServantFactory(name="Rahmat Hidayat", unit=world.principal.unit)

    with pytest.raises(TransitionNotAllowed) as refusal:
        case_services.case_identify_accused(
            case=case, actor=world.officer, civil_servant=namesake, reason="Salah orang."
        )

    assert refusal.value.code == "case_accused_fixed"
    assert str(refusal.value.message).startswith(
        "Terlapor tidak dapat diubah lagi: keputusan telah disusun pada perkara"
    )
    assert Case.objects.get(pk=case.pk).accused == world.principal
    assert not AuditEvent.objects.filter(action="case_accused_identified").exists()


def test_a_cancelled_draft_frees_the_accused_again(world):
    case = forwarded_case(world)
    draft = decision_on(case, world)
    decision_cancel_draft(decision=draft, actor=world.examiner, reason="Salah jalur.")
    namesake = CivilServantFactory(name="Rahmat Hidayat", unit=world.principal.unit)

    case_services.case_identify_accused(case=case, actor=world.officer, civil_servant=namesake, reason="Salah orang.")

    assert Case.objects.get(pk=case.pk).accused == namesake


def test_the_case_page_no_longer_offers_to_change_the_accused_after_a_draft(world):
    case = forwarded_case(world)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(world.officer)
    page = reverse("casework:case-detail", kwargs={"case_id": case.pk})
    assert 'id="identify-accused"' in client.get(page).content.decode()

    decision_on(case, world)

    assert 'id="identify-accused"' not in client.get(page).content.decode()


def test_decisions_drafted_before_keep_what_their_letters_read_until_now(world):
    """The data migration freezes the case's register entry into decisions that kept nothing."""
    migration = importlib.import_module("sanctions.migrations.0011_freeze_accused_of_existing_decisions")
    decision = decision_on(forwarded_case(world), world)
    Decision.objects.filter(pk=decision.pk).update(**dict.fromkeys(DECISION_ACCUSED_FIELDS, ""))
    assert not Decision.objects.get(pk=decision.pk).has_frozen_accused

    migration.freeze_accused(django_apps, None)

    assert decision_letter_context(Decision.objects.get(pk=decision.pk))["accused"] == FROZEN
