"""Who signs a summons: the accused's direct superior, or the chair of the examination team; never the account that
recorded it, which is audited as the recorder. Refused, naming who must be recorded, when neither is known."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from casework import letters, services
from casework.models import Case, Letter, Summons
from casework.services import TeamMemberInput
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory
from casework.tests.letter_helpers import pdf_text
from core.errors import DomainError
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _issue(case: Case, actor: Any) -> Summons:
    return services.summons_issue(
        case=case,
        actor=actor,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM Kabupaten Lebong",
    )


def _rows() -> tuple[int, int, int]:
    return (Summons.objects.count(), AuditEvent.objects.count(), Letter.objects.count())


def _reviewed(case: Case, officer: Any, level: str = "moderate") -> Case:
    services.case_start_review(case=case, actor=officer, probable_level=level, tracks=["discipline"])
    return Case.objects.get(pk=case.pk)


def test_without_a_team_the_direct_superior_signs_and_the_officer_is_the_recorder(case, officer):
    summons = _issue(_reviewed(case, officer), officer)

    assert (summons.signatory_name, summons.signatory_nip, summons.signatory_position, summons.signatory_role) == (
        "Drs. Syamsul Bahri, M.Pd.",
        "196903111994031005",
        "Kepala Dinas Pendidikan dan Kebudayaan",
        "direct_superior",
    )
    event = AuditEvent.objects.get(action="summons_issued")
    assert (event.actor, event.data["signatory"]) == (officer, "Drs. Syamsul Bahri, M.Pd.")
    text = pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="summons_1")))
    assert "atasan langsung Saudara, Drs. Syamsul Bahri, M.Pd., Kepala Dinas Pendidikan dan Kebudayaan" in text
    assert "Tim Pemeriksa" not in text and "Yanti Oktaviani" not in text


def test_with_a_team_its_chair_signs_and_the_summons_cites_the_decree(case, officer, travel):
    case = _reviewed(case, officer, "heavy")
    travel(2024, 10, 14)
    services.examination_team_form(
        case=case,
        actor=officer,
        members=[
            TeamMemberInput(role="direct_superior", name="Drs. Syamsul Bahri, M.Pd."),
            TeamMemberInput(
                role="inspectorate",
                name="Rina Marlina, S.E., M.Ak.",
                nip="198104242006042011",
                position_title="Inspektur Pembantu",
                is_chair=True,
            ),
            TeamMemberInput(role="bkpsdm", name="Hendra Saputra, S.H."),
        ],
    )

    summons = _issue(case, officer)

    assert (summons.signatory_name, summons.signatory_role) == ("Rina Marlina, S.E., M.Ak.", "team_chair")
    text = " ".join(pdf_text(letters.letter_pdf_bytes(Letter.objects.get(kind="summons_1"))).replace("/ ", "/").split())
    assert (
        "menghadap kepada Tim Pemeriksa yang dibentuk dengan Keputusan Bupati Lebong Nomor 800/0001/KEP/BKPSDM/2024 "
        "tanggal 14 Oktober 2024, pada:"
    ) in text
    assert "Ketua Tim Pemeriksa, Rina Marlina, S.E., M.Ak. NIP. 198104242006042011" in text


def test_a_summons_whose_direct_superior_is_unknown_is_refused_naming_who_to_record(case, officer, principal):
    principal.direct_superior = None
    principal.save(update_fields=["direct_superior"])
    case = _reviewed(case, officer)
    before = _rows()

    with translation.override("id"), pytest.raises(DomainError) as refused:
        _issue(case, officer)

    assert (refused.value.code, refused.value.field, str(refused.value.message)) == (
        "signatory_unknown",
        "signatory",
        "Atasan langsung Drs. Rahmat Hidayat belum tercatat di data kepegawaian; catat atasan langsungnya atau "
        "bentuk tim pemeriksa dengan ketua.",
    )
    assert _rows() == before
    assert Case.objects.get(pk=case.pk).status == "under_review"


def test_a_direct_superior_no_longer_in_service_signs_nothing(case, officer, superior):
    superior.is_active = False
    superior.save(update_fields=["is_active"])
    case = _reviewed(case, officer)
    before = _rows()

    with pytest.raises(DomainError) as refused:
        _issue(case, officer)

    assert refused.value.code == "signatory_unknown"
    assert _rows() == before


def test_an_accused_outside_the_register_needs_a_team_to_be_summoned(officer):
    case = _reviewed(CaseFactory(agency=officer.agency, registered_by=officer, accused_name="Camat Contoh"), officer)
    before = _rows()

    with translation.override("id"), pytest.raises(DomainError) as refused:
        _issue(case, officer)

    assert str(refused.value.message) == (
        "Camat Contoh belum terhubung dengan data kepegawaian, sehingga atasan langsung yang menandatangani tidak "
        "diketahui; hubungkan terlapor dengan data kepegawaian atau bentuk tim pemeriksa dengan ketua."
    )
    assert _rows() == before
