import factory
from django.utils import timezone

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework.models import Case, CaseReport


class CaseFactory(factory.django.DjangoModelFactory):
    """A registered case as case_register leaves it; pass `reports=[...]` to link reports (status untouched)."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"{n + 1:04d}/KASUS/LEBONG/2026")
    agency = factory.SubFactory(AgencyFactory)
    status = Case.Status.REGISTERED
    accused_name = "Drs. Rahmat Hidayat"
    registered_at = factory.LazyFunction(timezone.now)
    registered_by = factory.SubFactory(IntakeOfficerFactory)

    @factory.post_generation
    def reports(self, create, extracted, **kwargs):
        if create:
            for report in extracted or []:
                CaseReport.objects.create(case=self, report=report, linked_at=self.registered_at)
