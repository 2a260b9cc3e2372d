import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.INTAKE_OFFICER, "/triage/"),
        (Role.BAWASLU_OFFICE, "/bawaslu/"),
        (Role.INTERNAL_REPORTER, "/triage/internal-finding/"),
        (Role.ADMINISTRATOR, "/admin/"),
        (Role.EXAMINER, "/"),
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
