import factory
from django.contrib.auth.models import Group

from accounts.models import Agency, BawasluOffice, CivilServant, Unit, User
from accounts.roles import Role


def _add_roles(user: User, create: bool, *roles: Role) -> None:
    if create:
        user.groups.add(*[Group.objects.get_or_create(name=str(role))[0] for role in roles])


class AgencyFactory(factory.django.DjangoModelFactory[Agency]):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = "lebong"
    name = "Pemerintah Kabupaten Lebong"
    region_name = "Kabupaten Lebong"
    seat = "Tubei"
    is_default = True


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")


def _nip(n: int) -> str:
    # Born 1980-01-01 + (n % 28) days, appointed 2005-03, male, sequence n.
    return f"198001{(n % 28) + 1:02d}200503{1}{(n % 999) + 1:03d}"


class CivilServantFactory(factory.django.DjangoModelFactory[CivilServant]):
    class Meta:
        model = CivilServant

    nip = factory.Sequence(_nip)
    name = factory.Sequence(lambda n: f"Pegawai Contoh {n}")
    employee_type = CivilServant.EmployeeType.PNS
    position_title = "Kepala Sekolah SMP Negeri 1"
    position_kind = CivilServant.PositionKind.FUNCTIONAL
    functional_level = CivilServant.FunctionalLevel.JUNIOR_EXPERT
    rank = "Penata Tk. I (III/d)"
    unit = factory.SubFactory(UnitFactory)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Petugas"
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.go.id")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.PostGenerationMethodCall("set_password", "netra-test-password")

    @factory.post_generation
    def roles(self: User, create: bool, extracted: list[Role] | None, **kwargs: object) -> None:
        if create and extracted:
            self.groups.add(*[Group.objects.get_or_create(name=str(role))[0] for role in extracted])

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: object = None) -> None:
        if create:
            instance.save()  # persist the password set by a post-generation step


class IntakeOfficerFactory(UserFactory):
    roles = factory.PostGeneration(lambda user, create, extracted, **kw: _add_roles(user, create, Role.INTAKE_OFFICER))


class BawasluOfficeFactory(factory.django.DjangoModelFactory[BawasluOffice]):
    class Meta:
        model = BawasluOffice
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Bawaslu Kabupaten Contoh {n}")
    agency = factory.SubFactory(AgencyFactory)


class BawasluUserFactory(UserFactory):
    agency = None  # type: ignore[assignment]
    bawaslu_office = factory.SubFactory(BawasluOfficeFactory)
    roles = factory.PostGeneration(lambda user, create, extracted, **kw: _add_roles(user, create, Role.BAWASLU_OFFICE))
