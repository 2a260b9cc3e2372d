import re

import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from core.work_items import work_item_open, work_item_resolve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.INTAKE_OFFICER, "/triage/"),
        (Role.BAWASLU_OFFICE, "/bawaslu/"),
        (Role.INTERNAL_REPORTER, "/triage/internal-finding/"),
        (Role.ADMINISTRATOR, "/admin/"),
        (Role.EXAMINER, "/cases/?tab=mine&order=due"),
        (Role.SANCTIONING_OFFICIAL, "/decisions/"),
        (Role.LEADERSHIP, "/figures/"),
    ],
)
def test_login_lands_on_the_page_of_the_users_role(client, role, expected):
    user = UserFactory(username=f"landing-{role}")
    user.groups.add(Group.objects.get(name=role))

    response = client.post("/login/", {"username": user.username, "password": "netra-test-password"})

    assert response.status_code == 302
    assert response.url == "/landing/"
    assert client.get("/landing/").url == expected


def test_landing_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/landing/")

    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_a_wrong_password_is_refused_in_one_plain_indonesian_sentence(client):
    user = UserFactory(username="verifikator")

    response = client.post("/login/", {"username": user.username, "password": "salah"}, HTTP_ACCEPT_LANGUAGE="id")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah. Huruf besar dan kecil dibedakan." in page
    assert "nama pengguna nama pengguna" not in page.lower()


@pytest.mark.parametrize("role", [Role.INTAKE_OFFICER, Role.ADMINISTRATOR])
def test_a_reviewer_with_a_draft_to_review_lands_on_the_decisions(client, role):
    user = UserFactory(username="kasubbid", roles=[role])
    work_item_open(users=[user], work_key="decision:7:review", message="Review", url="/decisions/7/")
    client.force_login(user)

    assert client.get("/landing/").url == "/decisions/"

    work_item_resolve(work_key="decision:7:review")
    assert client.get("/landing/").url == ("/triage/" if role == Role.INTAKE_OFFICER else "/admin/")


def test_a_user_without_a_role_lands_on_the_home_page(client):
    client.force_login(UserFactory(username="tanpa-peran"))

    assert client.get("/landing/").url == "/"


# The menu of each role: the pages of its work, then Notifications.
NAV = {
    Role.INTAKE_OFFICER: ["Triage queue", "Cases", "Record an internal finding", "Decisions",
                          "Follow-through register", "Figures"],
    Role.EXAMINER: ["Cases", "Decisions"],
    Role.SANCTIONING_OFFICIAL: ["Decisions"],
    Role.LEADERSHIP: ["Figures", "Follow-through register"],
    Role.BAWASLU_OFFICE: ["Our forwardings", "Forward a finding"],
    Role.INTERNAL_REPORTER: ["Record an internal finding"],
}  # fmt: skip


@pytest.mark.parametrize("role", list(NAV))
def test_each_role_sees_the_pages_of_its_work_in_the_menu(client, role):
    client.force_login(UserFactory(username=f"menu-{role}", roles=[role]))

    page = client.get("/notifications/", headers={"accept-language": "en"}).content.decode()

    menu = page.split('<nav class="main-nav">')[1].split("</nav>")[0]
    labels = re.findall(r'<a href="[^"]+">([^<]+)</a>', menu)
    assert labels == NAV[role]
    assert "Notifications" in menu
