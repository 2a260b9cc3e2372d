"""The admin site across apps: catalogues editable by administrators, reports and cases read-only, reporters hidden."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import IntakeOfficerFactory, UserFactory
from casework.models import Case
from casework.services import case_register
from core.models import AuditEvent
from sanctions.models import SanctionType
from violations.models import Election, Report, Reporter, ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

CATALOGUES = ["violations_violationtype", "violations_election", "sanctions_sanctiontype"]
READ_ONLY = ["violations_report", "casework_case", "core_auditevent"]


@pytest.fixture
def administrator():
    return UserFactory(username="administrator", is_staff=True, roles=[Role.ADMINISTRATOR])


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def objects():
    report = ReportFactory()
    case = case_register(actor=IntakeOfficerFactory(), reports=[report])
    return {
        "violations_violationtype": ViolationType.objects.get(code="N04"),
        "violations_election": Election.objects.create(name="Pilkada 2024 Kabupaten Lebong", kind="pilkada", year=2024),
        "sanctions_sanctiontype": SanctionType.objects.get(code="B1"),
        "violations_report": report,
        "casework_case": case,
        "core_auditevent": AuditEvent.objects.order_by("id").first(),
    }


@pytest.mark.parametrize("name", CATALOGUES + READ_ONLY)
def test_administrator_opens_every_changelist_and_change_page(admin_client, objects, name):
    changelist = admin_client.get(reverse(f"admin:{name}_changelist"))
    change = admin_client.get(reverse(f"admin:{name}_change", args=[objects[name].pk]))

    assert (changelist.status_code, change.status_code) == (200, 200)


@pytest.mark.parametrize("name", CATALOGUES)
def test_administrator_opens_the_add_page_of_catalogues(admin_client, name):
    assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 200


@pytest.mark.parametrize("name", READ_ONLY)
def test_read_only_models_refuse_add_change_and_delete(admin_client, objects, name):
    pk = objects[name].pk
    before = (Report.objects.count(), Case.objects.count(), AuditEvent.objects.count())

    add = admin_client.get(reverse(f"admin:{name}_add"))
    post = admin_client.post(reverse(f"admin:{name}_change", args=[pk]), {})
    delete = admin_client.post(reverse(f"admin:{name}_delete", args=[pk]), {"post": "yes"})
    change_page = admin_client.get(reverse(f"admin:{name}_change", args=[pk]))

    assert (add.status_code, post.status_code, delete.status_code) == (403, 403, 403)
    assert 'name="_save"' not in change_page.content.decode()
    assert (Report.objects.count(), Case.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("name", CATALOGUES + READ_ONLY)
def test_intake_officer_is_sent_to_the_admin_login(client, name):
    client.force_login(IntakeOfficerFactory())

    response = client.get(reverse(f"admin:{name}_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", CATALOGUES)
def test_intake_officer_with_staff_status_cannot_add_to_catalogues(client, name):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    assert client.get(reverse(f"admin:{name}_add")).status_code == 403


def test_intake_officer_with_staff_status_does_not_see_cases_or_the_audit_trail(client):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    assert client.get(reverse("admin:core_auditevent_changelist")).status_code == 403
    assert client.get(reverse("admin:casework_case_changelist")).status_code == 403


def test_reporter_is_not_registered_in_the_admin():
    assert not admin.site.is_registered(Reporter)


def test_report_pages_never_show_the_reporter(admin_client):
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890", "email": "siti@example.id"})
    url = reverse("admin:violations_report_changelist")

    changelist = admin_client.get(url)
    change = admin_client.get(reverse("admin:violations_report_change", args=[report.pk]))
    search = admin_client.get(url, {"q": "Siti Aminah"})

    for response in (changelist, change):
        body = response.content.decode()
        assert report.tracking_code in body
        assert "Siti Aminah" not in body
        assert "081234567890" not in body
        assert "siti@example.id" not in body
    assert list(search.context["cl"].result_list) == []


def test_report_change_page_omits_the_staff_account_that_entered_a_finding(admin_client):
    entered_by = UserFactory(username="monitoring.officer")
    report = ReportFactory(submitted_by=entered_by, channel="diskominfo", reporter={"organisation": "Diskominfo"})

    body = admin_client.get(reverse("admin:violations_report_change", args=[report.pk])).content.decode()

    assert report.tracking_code in body
    assert "monitoring.officer" not in body


def test_administrator_edits_a_violation_type_article(admin_client):
    violation = ViolationType.objects.get(code="N06")
    data = {
        field: getattr(violation, field)
        for field in ("code", "sort_order", "name", "name_en", "description", "description_en", "category")
    }
    data.update(
        discipline_level=violation.discipline_level,
        ethics_moral_sanction="on",
        regulation=violation.regulation,
        article="Lampiran II huruf A angka 6",
        valid_from=violation.valid_from.isoformat(),
        valid_to="",
        needs_verification="on",
        note="Diperiksa ulang oleh BKPSDM.",
    )

    response = admin_client.post(reverse("admin:violations_violationtype_change", args=[violation.pk]), data)

    assert response.status_code == 302
    violation.refresh_from_db()
    assert (violation.article, violation.note) == ("Lampiran II huruf A angka 6", "Diperiksa ulang oleh BKPSDM.")


def test_sanction_catalogue_list_shows_the_legal_basis(admin_client):
    response = admin_client.get(reverse("admin:sanctions_sanctiontype_changelist"))

    body = response.content.decode()
    assert [row.code for row in response.context["cl"].result_list][:3] == ["M1", "M2", "R1"]
    assert "Pasal 8 ayat (4) huruf a" in body
    assert "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil" in body
