"""The examination team and the decree forming it: one number per act, given by Netra's register of decisions; the
decree signed by the agency's team-decree signatory (the PPK or the official the PPK designated); a decree issued
on paper recorded with its own number; the team's chair (docs/legal-basis.md §4.3, §7.3)."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from casework import services
from casework.models import (
    Case,
    ExaminationTeam,
    ExaminationTeamMember,
    Letter,
    LetterNumberSequence,
    Summons,
    TeamDecreeSignatory,
)
from casework.services import ExternalDecree, TeamMemberInput
from casework.tests.conftest import at
from casework.tests.factories import agency_administrator
from core.errors import ConflictError, DomainError
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _members(chair: str = "direct_superior", *, examiner: Any = None) -> list[TeamMemberInput]:
    people = [
        ("direct_superior", "Drs. Syamsul Bahri, M.Pd.", "196903111994031005", "Kepala Dinas Pendidikan"),
        ("inspectorate", "Rina Marlina, S.E., M.Ak.", "198104242006042011", "Auditor Ahli Muda, Inspektorat"),
        ("bkpsdm", "Hendra Saputra, S.H.", "198203152006041002", "Analis Kepegawaian Ahli Muda"),
    ]
    return [
        TeamMemberInput(
            role=role,
            name=name,
            nip=nip,
            position_title=position,
            is_chair=role == chair,
            user=examiner if role == "bkpsdm" else None,
        )
        for role, name, nip, position in people
    ]


@pytest.fixture
def heavy(case: Case, officer: Any, travel: Any) -> Case:
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    travel(2024, 10, 14)
    return Case.objects.get(pk=case.pk)


def _rows() -> tuple[int, ...]:
    return (
        ExaminationTeam.objects.count(),
        ExaminationTeamMember.objects.count(),
        Letter.objects.count(),
        AuditEvent.objects.count(),
        sum(LetterNumberSequence.objects.values_list("last_number", flat=True)),
    )


def test_netra_numbers_the_decree_in_its_register_and_the_bupati_signs_it(heavy, officer):
    team = services.examination_team_form(case=heavy, actor=officer, members=_members())

    letter = Letter.objects.get(kind="examination_team_decision")
    assert (letter.register, letter.number, letter.requested_by) == ("decision", "800/0001/KEP/BKPSDM/2024", officer)
    assert (team.letter, team.decision_number, team.decision_date, team.decree_is_external) == (
        letter,
        "800/0001/KEP/BKPSDM/2024",
        datetime.date(2024, 10, 14),
        False,
    )
    assert (team.signatory_name, team.signatory_position, team.signatory_role, team.formed_by) == (
        "Kopli Ansori",
        "Bupati Lebong",
        "ppk",
        officer,
    )
    assert letter.context["signatory"] == {
        "name": "Kopli Ansori",
        "nip": "",
        "position": "Bupati Lebong",
        "role": "ppk",
        "role_label": "Pejabat Pembina Kepegawaian (PPK)",
    }
    assert [(m["name"], m["chair"]) for m in letter.context["members"]] == [
        ("Drs. Syamsul Bahri, M.Pd.", True),
        ("Rina Marlina, S.E., M.Ak.", False),
        ("Hendra Saputra, S.H.", False),
    ]
    assert letter.context["decision_date"] == "2024-10-14"
    event = AuditEvent.objects.get(action="examination_team_formed")
    assert (event.actor, event.data) == (
        officer,
        {"decision": "800/0001/KEP/BKPSDM/2024", "external": False, "chair": "Drs. Syamsul Bahri, M.Pd."},
    )


def test_the_next_decree_takes_the_next_number_of_the_register(heavy, officer, principal):
    from casework.tests.factories import CaseFactory

    services.examination_team_form(case=heavy, actor=officer, members=_members())
    other = CaseFactory(agency=officer.agency, accused=principal, status=Case.Status.UNDER_REVIEW)

    team = services.examination_team_form(case=other, actor=officer, members=_members(chair="inspectorate"))

    assert team.decision_number == "800/0002/KEP/BKPSDM/2024"
    assert team.chair is not None and team.chair.role == "inspectorate"


@pytest.mark.parametrize("chairs", [(), ("direct_superior", "bkpsdm")], ids=["no chair", "two chairs"])
def test_a_team_needs_exactly_one_chair_and_nothing_is_written_otherwise(heavy, officer, chairs):
    members = [TeamMemberInput(**{**vars(m), "is_chair": m.role in chairs}) for m in _members()]
    before = _rows()

    with pytest.raises(DomainError) as refused:
        services.examination_team_form(case=heavy, actor=officer, members=members)

    assert (refused.value.code, refused.value.field) == ("team_chair_required", "chair")
    assert _rows() == before


def test_without_a_team_decree_signatory_the_team_is_refused_naming_what_to_record(heavy, officer):
    TeamDecreeSignatory.objects.all().delete()
    before = _rows()

    with translation.override("id"), pytest.raises(DomainError) as refused:
        services.examination_team_form(case=heavy, actor=officer, members=_members())

    assert refused.value.code == "signatory_unknown"
    assert str(refused.value.message) == (
        "Belum tercatat pejabat yang menandatangani keputusan pembentukan tim pemeriksa untuk Pemerintah Kabupaten "
        "Lebong pada 14 Oktober 2024. Administrator mencatat PPK, atau pejabat yang ditunjuk PPK beserta dasar "
        "penunjukannya, di Administrasi → Penanda tangan keputusan tim."
    )
    assert _rows() == before  # no team, no letter, no event, no number taken
    assert Case.objects.get(pk=heavy.pk).status == "under_review"


def test_a_signatory_whose_period_ended_signs_no_decree(heavy, officer):
    TeamDecreeSignatory.objects.update(valid_to=datetime.date(2024, 10, 13))

    with pytest.raises(DomainError) as refused:
        services.examination_team_form(case=heavy, actor=officer, members=_members())

    assert refused.value.code == "signatory_unknown"
    assert not ExaminationTeam.objects.exists()


def test_an_official_the_ppk_designated_signs_with_the_basis_of_the_designation(heavy, officer):
    TeamDecreeSignatory.objects.update(
        kind="designated",
        name="Drs. H. Ahmad Fauzi, M.Si.",
        nip="197001011995031001",
        position_title="Kepala BKPSDM Kabupaten Lebong",
        designation_basis="Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024",
    )

    team = services.examination_team_form(case=heavy, actor=officer, members=_members())

    assert (team.signatory_name, team.signatory_role) == ("Drs. H. Ahmad Fauzi, M.Si.", "designated_official")
    signatory = Letter.objects.get(kind="examination_team_decision").context["signatory"]
    assert signatory["designation_basis"] == "Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024"


def test_a_decree_issued_on_paper_is_recorded_with_its_own_number_and_netra_issues_none(heavy, officer):
    TeamDecreeSignatory.objects.all().delete()  # not needed: Netra signs nothing

    team = services.examination_team_form(
        case=heavy,
        actor=officer,
        members=_members(),
        external_decree=ExternalDecree(number=" 800/77/BKPSDM/2024 ", date=datetime.date(2024, 10, 10)),
    )

    assert (team.decision_number, team.decision_date, team.decree_is_external, team.letter) == (
        "800/77/BKPSDM/2024",
        datetime.date(2024, 10, 10),
        True,
        None,
    )
    assert not Letter.objects.exists()
    assert AuditEvent.objects.get(action="examination_team_formed").data["external"] is True
    summons = services.summons_issue(
        case=heavy,
        actor=officer,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
    assert Letter.objects.get(kind="summons_1").context["team_decision"] == {
        "number": "800/77/BKPSDM/2024",
        "date": "2024-10-10",
        "issuer": "",
        "external": True,
    }
    assert (summons.examination_team, summons.signatory_role) == (team, "team_chair")


@pytest.mark.parametrize(
    ("decree", "code"),
    [
        (ExternalDecree(number=" ", date=datetime.date(2024, 10, 10)), "decision_number_required"),
        (ExternalDecree(number="800/77/BKPSDM/2024", date=datetime.date(2024, 10, 15)), "decision_date_in_future"),
    ],
)
def test_a_paper_decree_without_a_number_or_dated_in_the_future_is_refused(heavy, officer, decree, code):
    before = _rows()

    with pytest.raises(DomainError) as refused:
        services.examination_team_form(case=heavy, actor=officer, members=_members(), external_decree=decree)

    assert refused.value.code == code
    assert _rows() == before


def test_a_team_summons_cannot_be_older_than_the_decree_forming_the_team(heavy, officer):
    services.examination_team_form(case=heavy, actor=officer, members=_members())
    before = (Summons.objects.count(), AuditEvent.objects.count(), Letter.objects.count())

    with translation.override("en"), pytest.raises(DomainError) as refused:
        services.summons_issue(
            case=heavy,
            actor=officer,
            number=1,
            scheduled_at=at(2024, 10, 28),
            sent_on=datetime.date(2024, 10, 11),
            delivery_method="in_person",
            place="Kantor BKPSDM",
        )

    assert (refused.value.code, refused.value.field, str(refused.value.message)) == (
        "summons_before_team_decree",
        "sent_on",
        "The summons cannot be sent on 11 October 2024, before the decree forming the examination team "
        "(800/0001/KEP/BKPSDM/2024 of 14 October 2024) it is issued under.",
    )
    assert (Summons.objects.count(), AuditEvent.objects.count(), Letter.objects.count()) == before


# --- who signs the decrees: recorded by administrators, audited -------------------------------------------------------


def _signatory(agency: Any, **values: Any) -> TeamDecreeSignatory:
    fields = {
        "kind": "ppk",
        "name": "Fahrurrozi",
        "position_title": "Bupati Lebong",
        "valid_from": datetime.date(2025, 1, 1),
    }
    return TeamDecreeSignatory(agency=agency, **{**fields, **values})


def test_an_administrator_records_the_next_signatory_once_the_current_period_ends(agency):
    administrator = agency_administrator()
    current = TeamDecreeSignatory.objects.get()
    current.valid_to = datetime.date(2024, 12, 31)
    services.team_decree_signatory_save(actor=administrator, signatory=current, changed_fields=["valid_to"])

    recorded = services.team_decree_signatory_save(actor=administrator, signatory=_signatory(agency, nip=" "))

    assert (recorded.recorded_by, recorded.nip) == (administrator, "")
    changed, added = AuditEvent.objects.order_by("id")
    assert (changed.action, changed.data, changed.target_id) == (
        "team_decree_signatory_changed",
        {"valid_to": "2024-12-31"},
        current.pk,
    )
    assert (added.action, added.actor, added.data["name"], added.data["valid_from"]) == (
        "team_decree_signatory_recorded",
        administrator,
        "Fahrurrozi",
        "2025-01-01",
    )


def test_a_period_overlapping_the_current_signatory_is_refused_and_nothing_is_stored(agency):
    before = (TeamDecreeSignatory.objects.count(), AuditEvent.objects.count())

    with translation.override("en"), pytest.raises(ConflictError) as refused:
        services.team_decree_signatory_save(actor=agency_administrator(), signatory=_signatory(agency))

    assert (refused.value.code, str(refused.value.message)) == (
        "team_decree_signatory_overlaps",
        "Kopli Ansori (Bupati Lebong) is already recorded as the signatory from 1 January 2020; end that period "
        "before this one starts.",
    )
    assert (TeamDecreeSignatory.objects.count(), AuditEvent.objects.count()) == before


def test_a_designated_official_needs_the_basis_of_the_designation(agency):
    TeamDecreeSignatory.objects.update(valid_to=datetime.date(2024, 12, 31))
    before = (TeamDecreeSignatory.objects.count(), AuditEvent.objects.count())

    with pytest.raises(DomainError) as refused:
        services.team_decree_signatory_save(
            actor=agency_administrator(), signatory=_signatory(agency, kind="designated", designation_basis=" ")
        )

    assert (refused.value.code, refused.value.field) == ("designation_basis_required", "designation_basis")
    assert (TeamDecreeSignatory.objects.count(), AuditEvent.objects.count()) == before
