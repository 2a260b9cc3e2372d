import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation

from accounts import services
from accounts.models import Agency, BawasluOffice, Unit, User
from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, BawasluOfficeFactory, UnitFactory, UserFactory
from core.errors import ConflictError, DomainError
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _events() -> list[tuple[str, str, int, dict]]:
    return list(AuditEvent.objects.order_by("id").values_list("action", "target_type", "target_id", "data"))


# --- agency_create ----------------------------------------------------------------------------------------------


def test_agency_create_stores_the_agency_and_audits_it():
    admin = UserFactory(username="admin", agency=None)

    agency = services.agency_create(
        code="lebong",
        name="Pemerintah Kabupaten Lebong",
        region_name="Kabupaten Lebong",
        seat="Tubei",
        is_default=True,
        actor=admin,
    )

    stored = Agency.objects.get(pk=agency.pk)
    assert (stored.code, stored.name, stored.region_name, stored.seat, stored.is_default) == (
        "lebong",
        "Pemerintah Kabupaten Lebong",
        "Kabupaten Lebong",
        "Tubei",
        True,
    )
    assert _events() == [("agency_created", "accounts.agency", agency.pk, {"code": "lebong", "is_default": True})]
    assert AuditEvent.objects.get().actor == admin


def test_agency_create_refuses_a_code_in_use_and_writes_nothing():
    AgencyFactory(code="lebong", is_default=False)

    with pytest.raises(ConflictError) as raised:
        services.agency_create(code="lebong", name="Lain", region_name="Kabupaten Lain")

    assert raised.value.code == "agency_exists"
    assert Agency.objects.count() == 1
    assert AuditEvent.objects.count() == 0


def test_agency_create_refuses_a_second_default_agency_and_writes_nothing():
    AgencyFactory(code="lebong", is_default=True)

    with pytest.raises(ConflictError) as raised:
        services.agency_create(code="rejang", name="Pemkab Rejang Lebong", region_name="Rejang Lebong", is_default=True)

    assert raised.value.code == "default_agency_exists"
    assert list(Agency.objects.values_list("code", flat=True)) == ["lebong"]
    assert AuditEvent.objects.count() == 0


# --- unit_create ------------------------------------------------------------------------------------------------


def test_unit_create_stores_the_unit_under_its_parent_and_audits_it():
    agency = AgencyFactory()
    parent = UnitFactory(agency=agency, code="disdikbud")

    unit = services.unit_create(agency=agency, code="smpn-1", name="SMP Negeri 1 Lebong", parent=parent)

    stored = Unit.objects.get(pk=unit.pk)
    assert (stored.agency, stored.code, stored.name, stored.parent) == (agency, "smpn-1", "SMP Negeri 1 Lebong", parent)
    assert _events() == [
        ("unit_created", "accounts.unit", unit.pk, {"agency": "lebong", "code": "smpn-1", "parent": "disdikbud"})
    ]
    assert AuditEvent.objects.get().actor_label == "system"


def test_unit_create_refuses_a_code_the_agency_uses_and_writes_nothing():
    agency = AgencyFactory()
    UnitFactory(agency=agency, code="bkpsdm")

    with pytest.raises(ConflictError) as raised:
        services.unit_create(agency=agency, code="bkpsdm", name="BKPSDM")

    assert raised.value.code == "unit_exists"
    assert Unit.objects.count() == 1
    assert AuditEvent.objects.count() == 0


def test_unit_create_refuses_a_parent_of_another_agency_and_writes_nothing():
    agency = AgencyFactory()
    other = AgencyFactory(code="rejang", is_default=False)
    foreign_parent = UnitFactory(agency=other, code="disdik")

    with pytest.raises(DomainError) as raised:
        services.unit_create(agency=agency, code="smpn-1", name="SMP Negeri 1", parent=foreign_parent)

    assert (raised.value.code, raised.value.field) == ("unit_parent_other_agency", "parent")
    assert Unit.objects.count() == 1
    assert AuditEvent.objects.count() == 0


# --- staff_account_create ---------------------------------------------------------------------------------------


def test_staff_account_create_gives_roles_units_and_a_checked_password():
    agency = AgencyFactory()
    diskominfo = UnitFactory(agency=agency, code="diskominfo")

    user = services.staff_account_create(
        username="diskominfo",
        first_name="Junaidi Azhar, S.I.Kom.",
        email="diskominfo@example.com",
        agency=agency,
        roles=[Role.INTERNAL_REPORTER],
        position_title="Pranata Humas",
        nip="199001012015031001",
        units=[diskominfo],
        password="kata-sandi-yang-panjang-2026",
    )

    stored = User.objects.get(pk=user.pk)
    assert (stored.username, stored.first_name, stored.agency, stored.position_title, stored.nip) == (
        "diskominfo",
        "Junaidi Azhar, S.I.Kom.",
        agency,
        "Pranata Humas",
        "199001012015031001",
    )
    assert (stored.is_staff, stored.is_superuser) == (False, False)
    assert list(stored.groups.values_list("name", flat=True)) == ["internal_reporter"]
    assert list(stored.units.all()) == [diskominfo]
    assert (
        authenticate(RequestFactory().post("/login/"), username="diskominfo", password="kata-sandi-yang-panjang-2026")
        == stored
    )
    assert _events() == [
        (
            "staff_account_created",
            "accounts.user",
            user.pk,
            {"username": "diskominfo", "roles": ["internal_reporter"], "superuser": False},
        )
    ]


def test_staff_account_create_stores_a_given_password_hash_as_it_is():
    password_hash = make_password("netra-demo-2026")

    user = services.staff_account_create(
        username="admin",
        first_name="Administrator Sistem Netra",
        agency=AgencyFactory(),
        roles=[Role.ADMINISTRATOR],
        password_hash=password_hash,
        superuser=True,
    )

    stored = User.objects.get(pk=user.pk)
    assert stored.password == password_hash
    assert (stored.is_staff, stored.is_superuser) == (True, True)
    assert authenticate(RequestFactory().post("/login/"), username="admin", password="netra-demo-2026") == stored


def test_an_administrator_uses_the_admin_site_without_being_a_superuser():
    user = services.staff_account_create(
        username="admin2", first_name="Admin", agency=AgencyFactory(), roles=[Role.ADMINISTRATOR]
    )

    assert (user.is_staff, user.is_superuser, user.has_usable_password()) == (True, False, False)


def test_staff_account_create_without_a_password_leaves_it_unusable():
    user = services.staff_account_create(
        username="examiner", first_name="Pemeriksa", agency=AgencyFactory(), roles=[Role.EXAMINER]
    )

    assert User.objects.get(pk=user.pk).has_usable_password() is False


def test_staff_account_create_refuses_a_taken_username_in_any_case_and_writes_nothing():
    UserFactory(username="intake")

    with pytest.raises(ConflictError) as raised:
        services.staff_account_create(
            username="Intake", first_name="Lain", agency=AgencyFactory(), roles=[Role.INTAKE_OFFICER]
        )

    assert raised.value.code == "username_taken"
    assert User.objects.count() == 1
    assert AuditEvent.objects.count() == 0


def test_staff_account_create_refuses_an_account_without_a_role_and_writes_nothing():
    with pytest.raises(DomainError) as raised:
        services.staff_account_create(username="nobody", first_name="Tanpa Peran", agency=AgencyFactory(), roles=[])

    assert (raised.value.code, raised.value.field) == ("account_without_role", "roles")
    assert User.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_staff_account_create_refuses_units_of_another_agency_and_writes_nothing():
    agency = AgencyFactory()
    foreign = UnitFactory(agency=AgencyFactory(code="rejang", is_default=False))

    with pytest.raises(DomainError) as raised:
        services.staff_account_create(
            username="reporter", first_name="Pelapor", agency=agency, roles=[Role.INTERNAL_REPORTER], units=[foreign]
        )

    assert (raised.value.code, raised.value.field) == ("unit_other_agency", "units")
    assert User.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_staff_account_create_refuses_a_weak_password_and_writes_nothing():
    with pytest.raises(DomainError) as raised:
        services.staff_account_create(
            username="leader", first_name="Pimpinan", agency=AgencyFactory(), roles=[Role.LEADERSHIP], password="1234"
        )

    assert (raised.value.code, raised.value.field) == ("password_invalid", "password")
    assert User.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_staff_account_create_takes_a_password_or_a_hash_not_both():
    with pytest.raises(ValueError, match="not both"):
        services.staff_account_create(
            username="both",
            first_name="Dua",
            agency=AgencyFactory(),
            roles=[Role.EXAMINER],
            password="kata-sandi-yang-panjang-2026",
            password_hash=make_password("lain"),
        )

    assert User.objects.count() == 0


# --- account_set_password ---------------------------------------------------------------------------------------


def test_account_set_password_replaces_the_password_and_audits_it_without_the_hash():
    user = UserFactory(username="bawaslu.lebong")
    password_hash = make_password("netra-demo-2026")

    services.account_set_password(user=user, password_hash=password_hash)

    assert User.objects.get(pk=user.pk).password == password_hash
    assert authenticate(RequestFactory().post("/login/"), username="bawaslu.lebong", password="netra-demo-2026") == user
    assert _events() == [("account_password_set", "accounts.user", user.pk, {"username": "bawaslu.lebong"})]


def test_account_set_password_refuses_a_weak_password_and_writes_nothing():
    user = UserFactory(username="official")
    before = User.objects.get(pk=user.pk).password

    with pytest.raises(DomainError) as raised:
        services.account_set_password(user=user, password="official")

    assert raised.value.code == "password_invalid"
    assert User.objects.get(pk=user.pk).password == before
    assert AuditEvent.objects.count() == 0


def test_account_set_password_needs_a_password_or_a_hash():
    with pytest.raises(ValueError, match="Give a password"):
        services.account_set_password(user=UserFactory())

    assert AuditEvent.objects.count() == 0


# --- bawaslu_office_set_level -----------------------------------------------------------------------------------


def test_bawaslu_office_set_level_changes_the_level_and_audits_the_change():
    office = BawasluOfficeFactory(name="Bawaslu Provinsi Bengkulu")

    changed = services.bawaslu_office_set_level(office=office, level=BawasluOffice.Level.PROVINCE)

    assert changed.level == BawasluOffice.Level.PROVINCE
    assert BawasluOffice.objects.get(pk=office.pk).level == "province"
    assert _events() == [
        ("bawaslu_office_level_changed", "accounts.bawasluoffice", office.pk, {"from": "regency", "to": "province"})
    ]


def test_setting_the_level_an_office_has_changes_nothing():
    office = BawasluOfficeFactory()

    services.bawaslu_office_set_level(office=office, level=BawasluOffice.Level.REGENCY)

    assert AuditEvent.objects.count() == 0


def test_an_unknown_level_is_refused_and_nothing_is_written():
    office = BawasluOfficeFactory()

    with pytest.raises(ValidationError, match="not a valid choice"):
        services.bawaslu_office_set_level(office=office, level="national")

    assert BawasluOffice.objects.get(pk=office.pk).level == "regency"
    assert AuditEvent.objects.count() == 0
