from typing import Any

import factory

from accounts.models import User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from casework.models import Case, CaseReport
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
