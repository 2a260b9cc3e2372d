"""The admin site across apps: catalogues editable by administrators, reports and cases read-only, reporters hidden."""

import datetime
import zoneinfo

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import IntakeOfficerFactory, UserFactory
from casework import sanction_options, services
from casework.models import Case, CaseEvidence, CaseTrack, Letter, LetterNumberSequence, Summons
from casework.services import case_register
from casework.tests.factories import CaseFactory, team_decree_signatory
from casework.tests.sanction_catalogue import fake_options
from core.models import AuditEvent
from sanctions.models import (
    ConflictOfInterest,
    Decision,
    DecisionRecusal,
    ExecutionRecord,
    Objection,
    SanctionType,
    StaffingAuthority,
)
from sanctions.tests.factories import DecisionFactory, StaffingAuthorityFactory, sanctioning_official
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


# --- casework and sanctions records: read-only; staffing authorities and conflicts of interest editable ----------

CASEWORK_READ_ONLY = [
    "casework_casetrack",
    "casework_examinationteam",
    "casework_summons",
    "casework_examination",
    "casework_examinationreport",
    "casework_caseevidence",
    "casework_letter",
    "casework_letternumbersequence",
]
SANCTIONS_READ_ONLY = [
    "sanctions_decision",
    "sanctions_decisionrecusal",
    "sanctions_objection",
    "sanctions_executionrecord",
]
SANCTIONS_EDITABLE = ["sanctions_staffingauthority", "sanctions_conflictofinterest"]


def _at(day: int) -> datetime.datetime:
    return datetime.datetime(2024, 10, day, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))


def _examined_case(officer):
    """A case taken by the services from registration to its examination report (LHP); its team was formed by a
    decree issued on paper (so no team-decree signatory is needed)."""
    case = case_register(actor=officer, reports=[ReportFactory()])
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    services.examination_team_form(
        case=case,
        actor=officer,
        members=[
            services.TeamMemberInput(role=role, name=f"Anggota {role}", is_chair=role == "direct_superior")
            for role in ("direct_superior", "inspectorate", "bkpsdm")
        ],
        external_decree=services.ExternalDecree(number="800/0001/KEP/BKPSDM/2024", date=datetime.date(2024, 10, 14)),
    )
    summons = services.summons_issue(
        case=case,
        actor=officer,
        number=1,
        scheduled_at=_at(28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )
    examination = services.examination_record(
        case=case,
        actor=officer,
        held_at=_at(28),
        examiners=[officer],
        questions_answers=[{"question": "Benar akun Anda?", "answer": "Benar."}],
        examinee_signed=True,
        place="Kantor BKPSDM",
    )
    report = services.examination_report_submit(
        case=case,
        actor=officer,
        violation_types=[ViolationType.objects.get(code="N04")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="B1",
        reported_on=datetime.date(2024, 11, 4),
    )
    return case, summons, examination, report


def _sanctions_rows(administrator, officer):
    """One row of every sanctions model (the admin shows them read-only; most are made directly here)."""
    decided = CaseFactory(number="0099/KASUS/LEBONG/2024", agency=officer.agency, status="forwarded_for_decision")
    decision = DecisionFactory(case=decided)
    official = sanctioning_official()
    now = timezone.now()
    return {
        "sanctions_decision": decision,
        "sanctions_decisionrecusal": DecisionRecusal.objects.create(
            decision=decision, official=official, reason="party", recorded_at=now
        ),
        "sanctions_objection": Objection.objects.create(
            decision=decision,
            kind="objection",
            filed_on=datetime.date(2024, 12, 2),
            filed_by_name="Drs. Rahmat Hidayat",
            grounds="Keberatan atas hukuman.",
            window_ends_on=datetime.date(2024, 12, 13),
            recorded_by=administrator,
        ),
        "sanctions_executionrecord": ExecutionRecord.objects.create(
            decision=decision,
            action="other",
            carried_out_on=datetime.date(2024, 12, 20),
            recorded_by=administrator,
            recorded_at=now,
        ),
        "sanctions_staffingauthority": StaffingAuthorityFactory(user=official),
        "sanctions_conflictofinterest": ConflictOfInterest.objects.create(
            official=official,
            description="Saudara kandung calon Bupati.",
            valid_from=datetime.date(2024, 9, 1),
            recorded_by=administrator,
        ),
    }


@pytest.fixture
def records(administrator, monkeypatch):
    """One row of every casework and sanctions model, made through the services where they exist."""
    monkeypatch.setattr(sanction_options, "_providers", [fake_options])  # the LHP's choices, as casework tests them
    officer = IntakeOfficerFactory(username="verifikator")
    case, summons, examination, report = _examined_case(officer)
    evidence = services.case_evidence_add_statement(
        case=case, actor=officer, witness_name="Siti", statement="Saya melihat unggahan itu."
    )
    return {
        "casework_casetrack": CaseTrack.objects.get(case=case),
        "casework_examinationteam": case.examination_team,
        "casework_summons": summons,
        "casework_examination": examination,
        "casework_examinationreport": report,
        "casework_caseevidence": evidence,
        "casework_letter": Letter.objects.order_by("id").first(),
        "casework_letternumbersequence": LetterNumberSequence.objects.first(),
        **_sanctions_rows(administrator, officer),
    }


def _counts() -> list[int]:
    return [model.objects.count() for model in (Letter, Summons, CaseEvidence, Decision, Objection, AuditEvent)]


@pytest.mark.parametrize("name", CASEWORK_READ_ONLY + SANCTIONS_READ_ONLY + SANCTIONS_EDITABLE)
def test_administrator_opens_the_casework_and_sanctions_pages(admin_client, records, name):
    changelist = admin_client.get(reverse(f"admin:{name}_changelist"))
    change = admin_client.get(reverse(f"admin:{name}_change", args=[records[name].pk]))

    assert (changelist.status_code, change.status_code) == (200, 200)
    assert records[name] in list(changelist.context["cl"].result_list)


@pytest.mark.parametrize("name", CASEWORK_READ_ONLY + SANCTIONS_READ_ONLY)
def test_casework_and_decision_records_refuse_add_change_and_delete(admin_client, records, name):
    pk = records[name].pk
    before = _counts()

    add = admin_client.get(reverse(f"admin:{name}_add"))
    post = admin_client.post(reverse(f"admin:{name}_change", args=[pk]), {})
    delete = admin_client.post(reverse(f"admin:{name}_delete", args=[pk]), {"post": "yes"})
    change_page = admin_client.get(reverse(f"admin:{name}_change", args=[pk])).content.decode()

    assert (add.status_code, post.status_code, delete.status_code) == (403, 403, 403)
    assert 'name="_save"' not in change_page
    assert _counts() == before


def test_evidence_and_letter_pages_do_not_link_the_files(admin_client, records):
    letter = records["casework_letter"]

    page = admin_client.get(reverse("admin:casework_letter_change", args=[letter.pk])).content.decode()

    assert letter.number in page
    assert "letters/" not in page and ".pdf" not in page


def test_administrator_adds_a_staffing_authority(admin_client, administrator):
    official = sanctioning_official("wakil-bupati")
    data = {
        "agency": official.agency_id,
        "order": 2,
        "user": official.pk,
        "title": "Wakil Bupati Lebong",
        "is_active": "on",
    }

    response = admin_client.post(reverse("admin:sanctions_staffingauthority_add"), data)

    assert response.status_code == 302
    assert list(StaffingAuthority.objects.values_list("order", "title", "user")) == [
        (2, "Wakil Bupati Lebong", official.pk)
    ]


def test_a_conflict_of_interest_added_in_the_admin_goes_through_the_service_and_is_audited(admin_client, administrator):
    official = sanctioning_official()
    data = {"official": official.pk, "description": "Saudara kandung calon Bupati.", "valid_from": "2024-09-01"}

    response = admin_client.post(reverse("admin:sanctions_conflictofinterest_add"), data)

    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.official, conflict.recorded_by, conflict.valid_to) == (official, administrator, None)
    event = AuditEvent.objects.get(action="conflict_of_interest_recorded")
    assert (event.actor, event.target_id) == (administrator, conflict.pk)


def test_a_conflict_ending_before_it_starts_is_refused_and_nothing_is_stored(admin_client):
    official = sanctioning_official()
    data = {"official": official.pk, "description": "Konflik.", "valid_from": "2024-09-01", "valid_to": "2024-08-01"}

    response = admin_client.post(reverse("admin:sanctions_conflictofinterest_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["valid_to"] == ["Tanggal berakhir sebelum tanggal mulai."]
    assert not ConflictOfInterest.objects.exists()


@pytest.mark.parametrize("name", CASEWORK_READ_ONLY + SANCTIONS_READ_ONLY + SANCTIONS_EDITABLE)
def test_intake_officer_with_staff_status_does_not_see_casework_and_sanctions_records(client, name):
    client.force_login(IntakeOfficerFactory(is_staff=True))

    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 403


# --- who signs the decrees forming examination teams: edited here, through the audited service ------------------


@pytest.fixture
def signatory_admin(client, administrator):
    """The administrator with the team-decree signatory's permissions (accounts.roles grants them to the role)."""
    from django.contrib.auth.models import Permission

    for action in ("view", "add", "change"):
        administrator.user_permissions.add(Permission.objects.get(codename=f"{action}_teamdecreesignatory"))
    client.force_login(administrator)
    return client


def _signatory_form(administrator, **values):
    data = {
        "agency": administrator.agency_id,
        "kind": "designated",
        "name": "Drs. H. Ahmad Fauzi, M.Si.",
        "nip": "197001011995031001",
        "position_title": "Kepala BKPSDM Kabupaten Lebong",
        "designation_basis": "Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024",
        "valid_from": "2024-01-01",
        "valid_to": "",
    }
    data.update(values)
    return data


def test_a_team_decree_signatory_added_in_the_admin_goes_through_the_service_and_is_audited(
    signatory_admin, administrator
):
    from casework.models import TeamDecreeSignatory

    response = signatory_admin.post(reverse("admin:casework_teamdecreesignatory_add"), _signatory_form(administrator))

    assert response.status_code == 302
    signatory = TeamDecreeSignatory.objects.get()
    assert (signatory.kind, signatory.recorded_by, signatory.designation_basis) == (
        "designated",
        administrator,
        "Keputusan Bupati Lebong Nomor 800/12/BKPSDM/2024",
    )
    event = AuditEvent.objects.get(action="team_decree_signatory_recorded")
    assert (event.actor, event.target_id, event.data["position_title"]) == (
        administrator,
        signatory.pk,
        "Kepala BKPSDM Kabupaten Lebong",
    )


def test_a_designated_official_without_the_basis_is_refused_on_the_admin_form(signatory_admin, administrator):
    from casework.models import TeamDecreeSignatory

    response = signatory_admin.post(
        reverse("admin:casework_teamdecreesignatory_add"), _signatory_form(administrator, designation_basis="")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["designation_basis"] == [
        "Cantumkan keputusan PPK yang menunjuk pejabat ini (misalnya “Keputusan Bupati … Nomor …”)."
    ]
    assert not TeamDecreeSignatory.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="team_decree_signatory").exists()


def test_the_team_decree_signatory_pages_open(signatory_admin, administrator):
    signatory = team_decree_signatory(administrator.agency)

    changelist = signatory_admin.get(reverse("admin:casework_teamdecreesignatory_changelist"))
    change = signatory_admin.get(reverse("admin:casework_teamdecreesignatory_change", args=[signatory.pk]))

    assert (changelist.status_code, change.status_code) == (200, 200)
    assert signatory in list(changelist.context["cl"].result_list)


def test_a_team_decree_signatory_is_never_deleted_in_the_admin(signatory_admin, administrator):
    signatory = team_decree_signatory(administrator.agency)

    response = signatory_admin.post(
        reverse("admin:casework_teamdecreesignatory_delete", args=[signatory.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
