"""Who decides an objection (docs/legal-basis.md §5.4, the remedy rules as data): the PPK for the PPK's decisions, the
superior of the deciding official for another official's decision, found up the register as routing does; only that
official decides and signs the Keputusan on it. The due date (D12) is computed from the calendar when read."""

import datetime

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.models import Case, Letter
from core import clock
from core.errors import DomainError, PermissionDenied
from core.models import AuditEvent
from core.services import day_off_add
from sanctions.competent_official import remedy_rule_for, route_decision, route_objection
from sanctions.models import ConflictOfInterest, Decision, Objection, RemedyRule
from sanctions.permissions import can_decide_objection
from sanctions.services.objections import objection_decide, objection_file
from sanctions.tests.after_helpers import D, decision, issued_pdf_text
from sanctions.tests.decision_helpers import World, build_world, forwarded_case
from sanctions.tests.factories import sanctioning_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def _executor(world: World) -> CivilServant:
    return CivilServantFactory.create(
        name="Andi Pratama", position_title="Pengadministrasi Umum", position_kind=CivilServant.PositionKind.EXECUTOR,
        functional_level="", unit=world.kasi.unit, direct_superior=world.kasi,
    )  # fmt: skip


def _delivered(world: World, accused: CivilServant, code: str) -> Decision:
    """A decision on `accused` signed by the official the authority table names, received 2026-07-06."""
    case = forwarded_case(world, accused, bawaslu=False, status=Case.Status.DECIDED)
    made = decision(world, case=case, code=code, decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    routing = route_decision(made)
    Decision.objects.filter(pk=made.pk).update(
        competent_official=routing.official, competent_official_title=routing.title, signed_by=routing.official
    )
    made.refresh_from_db()
    return made


def _file(world: World, made: Decision, filed_on: str = "2026-07-20") -> Objection:
    return objection_file(decision=made, actor=world.officer, filed_on=D(filed_on), filed_by_name="Terlapor",
                          grounds="Mohon keringanan.")  # fmt: skip


def _decide(objection: Objection, actor, outcome: str = "upheld") -> Objection:
    return objection_decide(objection=objection, actor=actor, outcome=outcome, decided_on=D("2026-08-10"),
                            reason="Keberatan tidak beralasan.")  # fmt: skip


def test_the_remedy_rules_are_data_with_their_basis():
    rows = {
        (rule.remedy, rule.decided_by): (rule.decider, rule.window_rule, rule.decision_rule, rule.late_filing)
        for rule in RemedyRule.objects.all()
    }
    assert rows == {
        ("objection", "staffing_authority"): ("staffing_authority", "D11", "D12", "inadmissible"),
        ("objection", "official"): ("superior_of_official", "D11", "D12", "inadmissible"),
        ("appeal", ""): ("bpasn", "D13", "D14", "recorded"),
    }
    assert {(rule.regulation[:10], rule.needs_verification) for rule in RemedyRule.objects.all()} == {
        ("PP 79/2021", True)
    }


def test_an_objection_to_a_jpt_pratamas_moderate_sanction_goes_to_the_ppk(world):
    made = _delivered(world, world.kadis, "S1")
    assert made.signed_by == world.bupati

    objection = _file(world, made)

    assert (objection.decider, objection.decider_title, objection.remedy_rule.decided_by) == (
        world.bupati, "Bupati Lebong", "staffing_authority",
    )  # fmt: skip
    assert [can_decide_objection(user, made) for user in (world.bupati, world.kadis_user, world.officer)] == [
        True, False, False,
    ]  # fmt: skip
    decided = _decide(objection, world.bupati)
    text = issued_pdf_text(decided.letter)
    assert "KEPUTUSAN BUPATI LEBONG" in text and "Kopli Ansori" in text


def test_an_objection_to_a_lower_officials_light_sanction_goes_to_that_officials_superior(world):
    made = _delivered(world, _executor(world), "R1")
    assert made.signed_by == world.kasi_user  # the supervisor decided (Keputusan Pejabat)

    objection = _file(world, made)

    assert (objection.decider, objection.decider_title, objection.remedy_rule.decided_by) == (
        world.kabid_user, "Kepala Bidang Pembinaan SMP", "official",
    )  # fmt: skip
    made.refresh_from_db()
    before = (AuditEvent.objects.count(), Letter.objects.count(), Objection.objects.get(pk=objection.pk).status)
    for someone in (world.kasi_user, world.bupati, world.kadis_user, world.officer):
        with pytest.raises(PermissionDenied) as refused:
            _decide(objection, someone)
        assert refused.value.code == "objection_not_permitted"
    assert (AuditEvent.objects.count(), Letter.objects.count(), Objection.objects.get(pk=objection.pk).status) == before

    decided = _decide(objection, world.kabid_user)

    assert (decided.status, decided.decided_by, decided.letter.kind, decided.letter.register) == (
        "decided", world.kabid_user, "objection_decision", "decision",
    )  # fmt: skip
    assert decided.letter.context["letterhead"]["office"] == world.kabid.unit.name
    text = " ".join(issued_pdf_text(decided.letter).split())
    for expected in [
        "KEPUTUSAN KEPALA BIDANG PEMBINAAN SMP",
        f"NOMOR {decided.letter.number}",
        "Peraturan Pemerintah Nomor 79 Tahun 2021",
        "menguatkan Keputusan Nomor",
        world.kabid.name,
    ]:
        assert expected in text, expected
    assert "D12" not in text and "R1 " not in text


def test_a_jpt_pratamas_decision_goes_to_his_superior_or_else_the_ppk(world):
    made = _delivered(world, world.principal, "S1")
    assert made.signed_by == world.kadis_user  # a JPT Pratama's moderate sanction on a functional officer

    assert route_objection(made).official == world.bupati  # no superior of his in the register: the PPK

    sekda = CivilServantFactory.create(
        nip="196801011990031001", name="H. Sekretaris Daerah", position_title="Sekretaris Daerah",
        position_kind=CivilServant.PositionKind.JPT_PRATAMA, functional_level="", unit=world.kadis.unit,
    )  # fmt: skip
    CivilServant.objects.filter(pk=world.kadis.pk).update(direct_superior=sekda)
    sekda_user = sanctioning_official("sekda-lebong", first_name=sekda.name, last_name="", nip=sekda.nip)

    objection = _file(world, made)

    assert (objection.decider, objection.decider_title) == (sekda_user, "Sekretaris Daerah")
    assert can_decide_objection(sekda_user, made) and not can_decide_objection(world.bupati, made)


def test_a_recused_superior_is_passed_over_for_the_next_one_up(world):
    made = _delivered(world, _executor(world), "R1")
    ConflictOfInterest.objects.create(official=world.kabid_user, description="Kerabat terlapor",
                                      valid_from=clock.today() - datetime.timedelta(days=1000),
                                      recorded_by=world.officer)  # fmt: skip

    routing = route_objection(made, on=D("2026-07-20"))

    assert (routing.official, routing.title, [recusal.official for recusal in routing.recusals]) == (
        world.kadis_user, world.kadis.position_title, [world.kabid_user],
    )  # fmt: skip


def test_without_a_rule_in_force_an_objection_is_refused_and_nothing_written(world):
    made = _delivered(world, world.kadis, "S1")
    RemedyRule.objects.filter(remedy="objection").update(valid_to=D("2026-06-30"))
    before = (AuditEvent.objects.count(), Objection.objects.count(), made.version)

    with pytest.raises(DomainError) as refused:
        _file(world, made)

    made.refresh_from_db()
    assert refused.value.code == "remedy_rule_missing"
    assert (AuditEvent.objects.count(), Objection.objects.count(), made.version) == before
    with pytest.raises(DomainError):
        remedy_rule_for(made)


def test_an_added_day_off_moves_d12_by_one_working_day(world):
    made = _delivered(world, world.kadis, "S1")
    objection = _file(world, made)
    assert objection.due_on == D("2026-08-19")  # docs/scenarios.md scenario 3

    day_off_add(actor=world.reviewer, date=D("2026-08-05"), name="Hari jadi Kabupaten Lebong",
                legal_basis="Keputusan Bupati Lebong")  # fmt: skip

    assert Objection.objects.get(pk=objection.pk).due_on == D("2026-08-20")
    assert Objection.objects.get(pk=objection.pk).window_ends_on == D("2026-07-24")  # the lateness found at filing


def test_an_added_day_off_moves_d14_too(world):
    made = decision(world, code="B3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    appeal = _file(world, made)
    assert appeal.due_on == D("2026-08-19")

    day_off_add(actor=world.reviewer, date=D("2026-07-31"), name="Cuti bersama daerah", legal_basis="SE Bupati")

    assert Objection.objects.get(pk=appeal.pk).due_on == D("2026-08-20")


def test_an_administrator_ends_a_remedy_rule_and_adds_its_successor_in_the_admin(client):
    from django.urls import reverse

    from accounts.roles import Role
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(username="administrator", is_staff=True, roles=[Role.ADMINISTRATOR]))
    rule = RemedyRule.objects.get(remedy="objection", decided_by="official")
    listing = client.get(reverse("admin:sanctions_remedyrule_changelist")).content.decode()
    assert "PP 79/2021" in listing and "superior" in listing
    page = client.get(reverse("admin:sanctions_remedyrule_change", args=[rule.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:sanctions_remedyrule_delete", args=[rule.pk])).status_code == 403

    response = client.post(
        reverse("admin:sanctions_remedyrule_add"),
        {
            "remedy": "objection", "decided_by": "official", "decider": "staffing_authority", "window_rule": "D11",
            "decision_rule": "D12", "late_filing": "inadmissible", "regulation": rule.regulation, "article": "Pasal 5",
            "valid_from": "2027-01-01", "needs_verification": "on", "note": "Bacaan baru: PPK memutus.",
        },
    )  # fmt: skip

    assert response.status_code == 302
    assert RemedyRule.objects.filter(remedy="objection", decided_by="official").count() == 2


def test_an_objection_is_recorded_even_when_nobody_may_decide_it_today(world):
    made = _delivered(world, world.kadis, "S1")
    for official in (world.bupati, world.wakil):
        ConflictOfInterest.objects.create(official=official, description="Kerabat terlapor",
                                          valid_from=D("2026-01-01"), recorded_by=world.officer)  # fmt: skip

    objection = _file(world, made)

    assert (objection.status, objection.decider, objection.decider_title) == ("pending", None, "")
    assert not can_decide_objection(world.bupati, made)
    with pytest.raises(PermissionDenied):
        _decide(objection, world.bupati)
