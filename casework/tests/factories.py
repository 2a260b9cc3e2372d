import datetime
from typing import Any

import factory

from accounts.models import Agency, User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from casework.models import (
    Case,
    CaseReport,
    Examination,
    ExaminationTeam,
    ExaminationTeamMember,
    TeamDecreeSignatory,
)
from core import clock


class CaseFactory(factory.django.DjangoModelFactory[Case]):
    """A registered case as case_register leaves it; pass `reports=[...]` to link reports (status untouched)."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"{n + 1:04d}/KASUS/LEBONG/2026")
    agency = factory.SubFactory(AgencyFactory)
    status = Case.Status.REGISTERED
    accused_name = "Drs. Rahmat Hidayat"
    registered_at = factory.LazyFunction(clock.now)
    registered_by = factory.SubFactory(IntakeOfficerFactory)

    @factory.post_generation
    def reports(self, create, extracted, **kwargs):
        if create:
            for report in extracted or []:
                CaseReport.objects.create(case=self, report=report, linked_at=self.registered_at)


def examiner(username: str = "pemeriksa", **kwargs: Any) -> User:
    """An examiner of the (default) agency."""
    return UserFactory.create(username=username, roles=[Role.EXAMINER], **kwargs)


def agency_administrator(username: str = "admin-bkpsdm", **kwargs: Any) -> User:
    return UserFactory.create(username=username, roles=[Role.ADMINISTRATOR], is_staff=True, **kwargs)


def case_in(status: str, **kwargs: Any) -> Case:
    """A case put straight into `status` (fixtures for the transition table; real cases move through services)."""
    if status == Case.Status.MERGED and "merged_into" not in kwargs:
        kwargs["merged_into"] = CaseFactory(agency=kwargs.get("agency") or AgencyFactory())
    return CaseFactory.create(status=status, **kwargs)


def team_decree_signatory(agency: Agency, **kwargs: Any) -> TeamDecreeSignatory:
    """The Bupati as the one who signs the agency's team decrees, from 2020 on (the fixture of every team test)."""
    values: dict[str, Any] = {
        "kind": TeamDecreeSignatory.Kind.PPK,
        "name": "Kopli Ansori",
        "position_title": "Bupati Lebong",
        "valid_from": datetime.date(2020, 1, 1),
        "recorded_by": kwargs.pop("recorded_by", None) or UserFactory.create(username="admin-penandatangan"),
    }
    values.update(kwargs)
    return TeamDecreeSignatory.objects.create(agency=agency, **values)


def examined_by_team(case: Case, *, actor: User, decision_number: str = "800/0001/KEP/BKPSDM/2024") -> Examination:
    """Rows, not services: the case gets a team (chaired by its direct superior; its decree issued on paper) and a
    current examination held under it, so casework.selectors.case_examined_by_team(case=case) is True (for the
    sanctions tests of heavy decisions)."""
    team = ExaminationTeam.objects.create(
        case=case,
        decision_number=decision_number,
        decision_date=datetime.date(2024, 10, 14),
        decree_is_external=True,
        formed_by=actor,
    )
    for role, name in (("direct_superior", "Drs. Syamsul Bahri, M.Pd."), ("inspectorate", "Rina Marlina, S.E.")):
        ExaminationTeamMember.objects.create(team=team, role=role, name=name, is_chair=role == "direct_superior")
    ExaminationTeamMember.objects.create(team=team, role="bkpsdm", name="Hendra Saputra, S.H.", user=actor)
    return Examination.objects.create(
        case=case,
        examination_team=team,
        held_at=clock.at(datetime.date(2024, 10, 28), 9),
        place="Ruang Pemeriksaan BKPSDM",
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        recorded_by=actor,
    )
