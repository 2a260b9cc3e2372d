"""The admin of people and organisations. The whole site (catalogues, reports, cases) is in tests/test_admin_site.py."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import Agency, CivilServant, Unit, User
from accounts.roles import Role
from accounts.tests.factories import (
    AgencyFactory,
    BawasluOfficeFactory,
    CivilServantFactory,
    IntakeOfficerFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MODELS = ["agency", "unit", "bawasluoffice", "user", "civilservant"]


@pytest.fixture
def administrator():
    return UserFactory(username="administrator", is_staff=True, roles=[Role.ADMINISTRATOR])


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def objects(administrator):
    agency = AgencyFactory()
    unit = UnitFactory(agency=agency)
    return {
        "agency": agency,
        "unit": unit,
        "bawasluoffice": BawasluOfficeFactory(agency=agency),
        "user": IntakeOfficerFactory(agency=agency),
        "civilservant": CivilServantFactory(unit=unit),
    }


@pytest.mark.parametrize("model", MODELS)
def test_administrator_opens_changelist_add_and_change_pages(admin_client, objects, model):
    changelist = admin_client.get(reverse(f"admin:accounts_{model}_changelist"))
    add = admin_client.get(reverse(f"admin:accounts_{model}_add"))
    change = admin_client.get(reverse(f"admin:accounts_{model}_change", args=[objects[model].pk]))

    assert (changelist.status_code, add.status_code, change.status_code) == (200, 200, 200)


@pytest.mark.parametrize("model", MODELS)
def test_intake_officer_is_sent_to_the_admin_login(client, model):
    client.force_login(IntakeOfficerFactory())

    response = client.get(reverse(f"admin:accounts_{model}_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", MODELS)
def test_intake_officer_with_staff_status_is_refused(client, model):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    assert client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 403
    assert client.get(reverse(f"admin:accounts_{model}_add")).status_code == 403


def test_intake_officer_with_staff_status_cannot_add_an_agency(client):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    response = client.post(
        reverse("admin:accounts_agency_add"), {"code": "kepahiang", "name": "Pemerintah Kabupaten Kepahiang"}
    )

    assert response.status_code == 403
    assert not Agency.objects.filter(code="kepahiang").exists()


def test_administrator_adds_a_unit(admin_client):
    agency = AgencyFactory()

    response = admin_client.post(
        reverse("admin:accounts_unit_add"), {"agency": agency.pk, "code": "dinkes", "name": "Dinas Kesehatan"}
    )

    assert response.status_code == 302
    assert list(Unit.objects.values_list("agency", "code", "name")) == [(agency.pk, "dinkes", "Dinas Kesehatan")]


def test_civil_servant_with_invalid_nip_is_not_saved_from_the_admin(admin_client):
    unit = UnitFactory()
    data = {
        "nip": "198013322005031001",
        "name": "Andi Wijaya",
        "employee_type": "pns",
        "position_title": "Camat Amen",
        "position_kind": "administrator",
        "functional_level": "",
        "rank": "Pembina (IV/a)",
        "unit": unit.pk,
        "direct_superior": "",
        "is_active": "on",
    }
    url = reverse("admin:accounts_civilservant_add")

    invalid = admin_client.post(url, data)
    assert CivilServant.objects.count() == 0
    valid = admin_client.post(url, {**data, "nip": "198001012005031001"})

    assert invalid.status_code == 200
    assert invalid.context["adminform"].form.errors["nip"] == [
        "8 angka pertama NIP harus berupa tanggal lahir yang benar (TTTTBBHH)."
    ]
    assert valid.status_code == 302
    assert list(CivilServant.objects.values_list("nip", "unit")) == [("198001012005031001", unit.pk)]


def test_functional_level_on_a_structural_position_is_refused_in_the_admin(admin_client):
    data = {
        "nip": "198001012005031001",
        "name": "Andi Wijaya",
        "employee_type": "pns",
        "position_title": "Camat Amen",
        "position_kind": "administrator",
        "functional_level": "ahli_muda",
        "rank": "Pembina (IV/a)",
        "unit": UnitFactory().pk,
        "is_active": "on",
    }

    response = admin_client.post(reverse("admin:accounts_civilservant_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert CivilServant.objects.count() == 0


def test_civil_servant_search_finds_by_nip_and_name(admin_client):
    CivilServantFactory(name="Drs. Rahmat Hidayat", nip="196905121994031004")
    CivilServantFactory(name="Yuliana Sari", nip="199203082019032011")
    url = reverse("admin:accounts_civilservant_changelist")

    by_nip = admin_client.get(url, {"q": "196905121994031004"}).context["cl"].result_list
    by_name = admin_client.get(url, {"q": "yuliana"}).context["cl"].result_list

    assert [servant.name for servant in by_nip] == ["Drs. Rahmat Hidayat"]
    assert [servant.name for servant in by_name] == ["Yuliana Sari"]


def test_civil_servant_autocomplete_finds_a_superior_by_name(admin_client):
    CivilServantFactory(name="Drs. Hendra Saputra", nip="197204151998031002")
    CivilServantFactory(name="Yuliana Sari", nip="199203082019032011")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "accounts", "model_name": "civilservant", "field_name": "direct_superior", "term": "Hendra"},
    )

    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Drs. Hendra Saputra (197204151998031002)"]


def test_civil_servant_changelist_filters_by_position_kind(admin_client):
    CivilServantFactory(name="Camat Amen", position_kind="administrator", functional_level="")
    CivilServantFactory(name="Guru", position_kind="functional")

    response = admin_client.get(
        reverse("admin:accounts_civilservant_changelist"), {"position_kind__exact": "administrator"}
    )

    assert [servant.name for servant in response.context["cl"].result_list] == ["Camat Amen"]


def test_user_change_page_shows_the_organisation_fields(admin_client, objects):
    response = admin_client.get(reverse("admin:accounts_user_change", args=[objects["user"].pk]))

    fields = set(response.context["adminform"].form.fields)
    assert {"agency", "units", "bawaslu_office", "position_title", "nip", "groups"} <= fields


def test_administrator_cannot_change_a_superuser_or_their_password(admin_client):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    password_hash = superuser.password

    change = admin_client.post(reverse("admin:accounts_user_change", args=[superuser.pk]), {"username": "taken"})
    password = admin_client.post(
        reverse("admin:auth_user_password_change", args=[superuser.pk]),
        {"password1": "netra-new-pass-2026", "password2": "netra-new-pass-2026"},
    )

    assert (change.status_code, password.status_code) == (403, 403)
    superuser.refresh_from_db()
    assert (superuser.username, superuser.password) == ("root", password_hash)


def test_administrator_cannot_make_anyone_a_superuser(admin_client):
    officer = IntakeOfficerFactory(username="officer")
    form = admin_client.get(reverse("admin:accounts_user_change", args=[officer.pk])).context["adminform"].form
    data = {
        "username": "officer",
        "first_name": "Petugas",
        "last_name": "",
        "email": "officer@example.go.id",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [group.pk for group in officer.groups.all()],
        "agency": officer.agency_id,
        "position_title": "Analis Kepegawaian",
        "nip": "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "08:00:00",
    }

    response = admin_client.post(reverse("admin:accounts_user_change", args=[officer.pk]), data)

    assert "is_superuser" not in form.fields
    assert response.status_code == 302
    officer.refresh_from_db()
    assert (officer.is_staff, officer.is_superuser, officer.position_title) == (True, False, "Analis Kepegawaian")


def test_superuser_may_grant_superuser_status(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    officer = IntakeOfficerFactory(username="officer")

    form = client.get(reverse("admin:accounts_user_change", args=[officer.pk])).context["adminform"].form

    assert "is_superuser" in form.fields


def test_user_changelist_filters_by_role(admin_client):
    IntakeOfficerFactory(username="intake-one")
    UserFactory(username="plain-user")
    group = Group.objects.get(name=Role.INTAKE_OFFICER)

    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"groups__id__exact": group.pk})

    assert [user.username for user in response.context["cl"].result_list] == ["intake-one"]


def test_user_changelist_filters_by_agency(admin_client):
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)
    UserFactory(username="lebong-user")
    UserFactory(username="rejang-user", agency=other)

    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"agency__id__exact": other.pk})

    assert [user.username for user in response.context["cl"].result_list] == ["rejang-user"]
    assert User.objects.count() == 3
