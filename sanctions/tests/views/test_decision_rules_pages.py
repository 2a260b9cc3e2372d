"""The decision pages show the rules of what may be decided: the LHP's recommendation and the reason to depart from it
(for the reviewer), the team a heavy sanction needs, the PPPK catalogue and its points to verify, N10's recorded
alternative reading. A refusal is a message on the form; nothing is written."""

import pytest
from django.urls import reverse

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.models import Case, ExaminationReport
from sanctions.models import Decision
from sanctions.services import decision_submit_for_review
from sanctions.tests.decision_helpers import World, decision_on, forwarded_case
from sanctions.tests.factories import sanction
from sanctions.tests.views.helpers import client_for, decision_page, draft_data, messages_of
from violations.models import ViolationType

pytestmark = pytest.mark.django_db


def _draft_url(case: Case) -> str:
    return reverse("sanctions:decision-draft", kwargs={"case_id": case.pk})


def test_another_sanction_than_the_lhp_without_a_reason_is_a_form_error(case: Case, world: World) -> None:
    response = client_for(world.examiner).post(
        _draft_url(case), draft_data(case, sanction_type=sanction("B2").pk, new_position="Pengadministrasi Sekolah")
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"sanction_change_reason"}
    assert not Decision.objects.exists()


def test_the_reviewer_sees_the_lhp_recommendation_and_the_reason_to_depart_from_it(case: Case, world: World) -> None:
    client_for(world.examiner).post(
        _draft_url(case),
        draft_data(
            case,
            sanction_type=sanction("B2").pk,
            new_position="Pengadministrasi Sekolah",
            sanction_change_reason="Terlapor mengulangi ajakan memilih di grup sekolah.",
        ),
    )
    decision = decision_submit_for_review(decision=Decision.objects.get(case=case), actor=world.examiner)

    page = client_for(world.officer).get(decision_page(decision)).content.decode()

    assert 'id="lhp-recommendation"' in page and "Penurunan jabatan setingkat lebih rendah" in page
    assert 'id="sanction-change-reason"' in page
    assert "Terlapor mengulangi ajakan memilih di grup sekolah." in page
    assert 'id="decision-new-position"' in page and "Pengadministrasi Sekolah" in page


def test_a_heavy_draft_on_a_case_without_a_team_is_a_message_and_writes_nothing(world: World) -> None:
    case = forwarded_case(world, team=False)

    response = client_for(world.examiner).post(_draft_url(case), draft_data(case))

    assert response.status_code == 200
    assert response.context["form"].errors["sanction_type"]
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert not Decision.objects.exists()


def test_a_pppk_draft_offers_the_pppk_catalogue_and_the_decision_shows_what_to_verify(world: World) -> None:
    teacher = CivilServantFactory.create(
        employee_type=CivilServant.EmployeeType.PPPK, position_kind="functional", functional_level="ahli_pertama",
        unit=world.principal.unit, direct_superior=world.principal,
    )  # fmt: skip
    case = forwarded_case(world, teacher, bawaslu=False)

    form = client_for(world.examiner).get(_draft_url(case)).context["form"]
    offered = {row.code for row in form.fields["sanction_type"].queryset}
    assert "PK-B3" in offered and "B3" not in offered

    decision = decision_on(case, world, sanction_code="PK-B1")
    page = client_for(world.examiner).get(decision_page(decision)).content.decode()
    assert 'id="sanction-verify"' in page
    assert "PP 49/2018" in page


def test_the_guidance_shows_n10_heavy_with_the_skb_reading_recorded(world: World) -> None:
    case = forwarded_case(world, codes=("N10",), bawaslu=False)
    report = ExaminationReport.objects.create(
        case=case, act_time="1 Oktober 2024", act_place="Balai desa", proven=True, recommended_sanction_code="B1",
        recommended_sanction_level="heavy", submitted_by=world.examiner,
    )  # fmt: skip
    report.violation_types.set([ViolationType.objects.get(code="N10")])

    response = client_for(world.examiner).get(_draft_url(case))

    assert response.context["guidance"].discipline_level == "heavy"
    page = response.content.decode()
    assert "PP 94/2021 Pasal 5 huruf n angka 6 jo. Pasal 14" in page
    assert 'class="muted alternative-reading"' in page and "SKB 2022 Lampiran II huruf B" in page
