"""Factories for sanctions tests (decisions put straight into a status; real decisions move through services)."""

from typing import Any

import factory

from accounts.models import User
from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework.models import Case
from casework.tests.factories import CaseFactory, examiner
from sanctions.models import Decision, SanctionType, StaffingAuthority


def sanction(code: str) -> SanctionType:
    """The catalogue's sanction type in force for `code` (loaded by the data migrations)."""
    return SanctionType.objects.filter(code=code).order_by("-valid_from").first()  # type: ignore[return-value]


def sanctioning_official(username: str = "bupati", **kwargs: Any) -> User:
    return UserFactory.create(username=username, roles=[Role.SANCTIONING_OFFICIAL], **kwargs)


class StaffingAuthorityFactory(factory.django.DjangoModelFactory[StaffingAuthority]):
    class Meta:
        model = StaffingAuthority

    agency = factory.LazyAttribute(lambda o: o.user.agency)
    order = 1
    user = factory.LazyFunction(sanctioning_official)
    title = "Bupati Lebong"


class DecisionFactory(factory.django.DjangoModelFactory[Decision]):
    """A decision in `status` (default draft) on a case forwarded for decision; B1 on the discipline track."""

    class Meta:
        model = Decision
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory, status=Case.Status.FORWARDED_FOR_DECISION)
    track = Decision.Track.DISCIPLINE
    outcome = Decision.Outcome.SANCTION
    status = Decision.Status.DRAFT
    sanction_type = factory.LazyAttribute(lambda o: sanction("B1") if o.outcome == Decision.Outcome.SANCTION else None)
    drafted_by = factory.LazyFunction(lambda: examiner(f"pemeriksa-{User.objects.count() + 1}"))

    @factory.post_generation
    def violation_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.violation_types.set(extracted)
