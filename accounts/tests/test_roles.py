import pytest
from django.contrib.auth.models import Group, Permission

from accounts.roles import Role, sync_roles
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CATALOGUE_VIEW = {"violations.view_violationtype"}
ADMINISTRATOR = {
    f"{app}.{action}_{model}"
    for app, model in [
        ("accounts", "agency"),
        ("accounts", "unit"),
        ("accounts", "civilservant"),
        ("accounts", "bawasluoffice"),
        ("accounts", "user"),
        ("accounts", "lettercopyrecipient"),
        ("violations", "violationtype"),
        ("violations", "election"),
        ("sanctions", "sanctiontype"),
        ("sanctions", "authorityrule"),
        ("sanctions", "remedyrule"),
        ("core", "deadlinerule"),
        ("core", "dayoff"),
        ("sanctions", "staffingauthority"),
        ("sanctions", "conflictofinterest"),
        ("sanctions", "priorsanction"),
        ("casework", "teamdecreesignatory"),
    ]
    for action in ("view", "add", "change")
} | {"violations.view_report", "core.view_auditevent"}
ADMINISTRATOR |= {
    f"casework.view_{model}"
    for model in (
        "case",
        "casetrack",
        "examinationteam",
        "examinationteammember",
        "summons",
        "examination",
        "examinationreport",
        "caseevidence",
        "letter",
        "letternumbersequence",
    )
} | {f"sanctions.view_{model}" for model in ("decision", "decisionrecusal", "objection", "executionrecord")}

EXPECTED = {
    "intake_officer": {"violations.view_report", "violations.view_violationtype"},
    "examiner": CATALOGUE_VIEW,
    "sanctioning_official": CATALOGUE_VIEW,
    "leadership": set(),
    "bawaslu_office": set(),
    "bkn": set(),
    "internal_reporter": CATALOGUE_VIEW,
    "administrator": ADMINISTRATOR,
}


def group_permissions(name: str) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    }


def test_every_role_has_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}
    assert set(EXPECTED) == {role.value for role in Role}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_role_group_has_exactly_its_permissions(role):
    assert group_permissions(role) == EXPECTED[role]


def test_no_role_may_delete_anything():
    deletes = Permission.objects.filter(group__name__in=list(EXPECTED), codename__startswith="delete_")

    assert list(deletes) == []


def test_sync_roles_restores_drifted_permissions():
    group = Group.objects.get(name="administrator")
    group.permissions.remove(Permission.objects.get(codename="view_auditevent"))
    group.permissions.add(Permission.objects.get(codename="delete_auditevent"))

    sync_roles()

    assert group_permissions("administrator") == ADMINISTRATOR


def test_sync_roles_is_idempotent():
    before = {name: group_permissions(name) for name in EXPECTED}
    groups = Group.objects.count()

    sync_roles()
    sync_roles()

    assert Group.objects.count() == groups
    assert {name: group_permissions(name) for name in EXPECTED} == before


def test_user_has_role_through_its_group():
    user = UserFactory(roles=[Role.EXAMINER])

    assert user.has_role(Role.EXAMINER)
    assert not user.has_role(Role.INTAKE_OFFICER)


def test_inactive_user_has_no_role():
    user = UserFactory(roles=[Role.ADMINISTRATOR], is_active=False)

    assert not user.has_role(Role.ADMINISTRATOR)


def test_administrator_group_grants_admin_model_permissions():
    user = UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True)

    assert user.has_perm("violations.change_violationtype")
    assert user.has_perm("sanctions.add_sanctiontype")
    assert not user.has_perm("core.change_auditevent")
    assert not user.has_perm("violations.change_report")
