import datetime

import factory
from django.contrib.auth.hashers import make_password

from accounts.tests.factories import AgencyFactory, BawasluOfficeFactory
from core import clock
from violations.models import BawasluForwarding, Channel, Report, Reporter, ReportLink, TimelineEntry

TEST_PIN = "12345678"


class ReportFactory(factory.django.DjangoModelFactory[Report]):
    """A citizen report as report_submit would leave it (status received, a reporter, a timeline entry)."""

    class Meta:
        model = Report
        skip_postgeneration_save = True

    # Valid codes (normalize_tracking_code keeps them as they are) for any number of reports: T and digits.
    tracking_code = factory.Sequence(lambda n: f"NTR-T{n // 10000 % 1000:03d}-{n % 10000:04d}")
    access_pin_hash = factory.LazyFunction(lambda: make_password(TEST_PIN))
    agency = factory.SubFactory(AgencyFactory)
    channel = Channel.CITIZEN
    source = Report.Source.WEB
    status = Report.Status.RECEIVED
    received_at = factory.LazyFunction(clock.now)
    accused_name = "Drs. Rahmat Hidayat"
    accused_position = "Kepala SMP Negeri 1"
    accused_agency = "Dinas Pendidikan"
    incident_date = datetime.date(2024, 10, 7)
    incident_place = "Facebook"
    description = "Membagikan dan menyukai tiga unggahan kampanye pasangan calon bupati di Facebook."

    @factory.post_generation
    def reporter(self: Report, create: bool, extracted: dict | None, **kwargs: object) -> None:
        if create:
            Reporter.objects.create(report=self, **(extracted or {"name": "Siti Aminah", "phone": "081234567890"}))

    @factory.post_generation
    def links(self: Report, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        from violations.services import normalize_url

        for url in extracted or []:
            ReportLink.objects.create(report=self, url=url, normalized_url=normalize_url(url), added_at=clock.now())

    @factory.post_generation
    def timeline(self: Report, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            TimelineEntry.objects.create(report=self, status="received", at=self.received_at, note="Report received.")


class ForwardingFactory(factory.django.DjangoModelFactory[BawasluForwarding]):
    class Meta:
        model = BawasluForwarding

    report = factory.SubFactory(
        ReportFactory, channel=Channel.BAWASLU, source=Report.Source.API, reporter={"organisation": "Bawaslu"}
    )
    office = factory.SubFactory(BawasluOfficeFactory)
    reference_number = factory.Sequence(lambda n: f"{n:03d}/Reg/TM/PB/Kab/07.04/X/2024")
    origin = BawasluForwarding.Origin.FINDING
    content_fingerprint = factory.Sequence(lambda n: f"{n:064x}")
