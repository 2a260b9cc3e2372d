import datetime
import io
from collections import Counter

import pytest
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.utils import translation

from accounts.api_tokens import api_token_find
from accounts.models import Agency, ApiToken, BawasluOffice, CivilServant, Unit, User
from accounts.nip import parse_nip
from accounts.roles import Role
from casework.models import Case, CaseReport
from core.audit import audit_verify
from core.models import AuditEvent
from core.testing import stored_files
from demo import cases
from demo.data import register
from demo.data.reports import REPORTS
from demo.data.staff_accounts import DEMO_PASSWORD
from sanctions.models import Decision
from violations.models import BawasluForwarding, Election, Evidence, Report, TimelineEntry
from violations.selectors import report_get_by_tracking_code

pytestmark = pytest.mark.django_db

MODELS = [Agency, Unit, CivilServant, User, BawasluOffice, ApiToken, Election, Report, Evidence, Case, AuditEvent]
LOGINS = {
    "admin": "administrator",
    "intake": "intake_officer",
    "kasubbid": "intake_officer",
    "examiner": "examiner",
    "official": "sanctioning_official",
    "leader": "leadership",
    "diskominfo": "internal_reporter",
    "inspektorat": "internal_reporter",
    "bawaslu.lebong": "bawaslu_office",
    "bawaslu.bengkulu": "bawaslu_office",
}


def seed(*args: str) -> list[str]:
    out = io.StringIO()
    with translation.override("en"):
        call_command("seed_demo", "--force", *args, stdout=out)
    return out.getvalue().splitlines()


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in MODELS}


# --- the data the stories need ----------------------------------------------------------------------------


def test_demo_report_descriptions_are_unique_keys():
    descriptions = Counter(spec.description for spec in REPORTS)
    keys = Counter(spec.key for spec in REPORTS)

    assert [text for text, count in descriptions.items() if count > 1] == []
    assert [key for key, count in keys.items() if count > 1] == []


def test_every_demo_report_names_a_post_of_the_register_or_gives_the_accused():
    posts = {post.key for post, _unit in register.posts()}

    assert [spec.key for spec in REPORTS if spec.accused and spec.accused not in posts] == []
    assert [spec.key for spec in REPORTS if not spec.accused and not spec.accused_text[0]] == []


def test_duplicates_and_cases_refer_to_reports_received_before_them():
    by_key = {spec.key: spec for spec in REPORTS}

    for spec in REPORTS:
        if spec.duplicate_of:
            assert by_key[spec.duplicate_of].received < spec.received, spec.key


def test_demo_register_is_reproducible_with_valid_unique_nips():
    first, second = register.people(), register.people()

    assert [(p.nip, p.name, p.rank) for p in first] == [(p.nip, p.name, p.rank) for p in second]
    assert len({person.nip for person in first}) == len(first)
    for person in first:
        parts = parse_nip(person.nip)
        assert parts.sex == "male" if person.nip[14] == "1" else "female"


# --- seed_demo --------------------------------------------------------------------------------------------


def test_seed_demo_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False

    with translation.override("en"), pytest.raises(CommandError, match="refuses to run when DEBUG is off"):
        call_command("seed_demo", stdout=io.StringIO())

    assert counts() == dict.fromkeys(counts(), 0)


def test_seed_demo_builds_the_promised_regency(private_storage):
    seed()

    agency = Agency.objects.get(code="lebong")
    assert (agency.name, agency.seat, agency.is_default) == ("Pemerintah Kabupaten Lebong", "Tubei", True)
    assert Unit.objects.filter(agency=agency).count() == 23
    assert CivilServant.objects.count() == 205
    for servant in CivilServant.objects.all():
        parse_nip(servant.nip)
    assert list(CivilServant.objects.filter(direct_superior=None).values_list("position_title", flat=True)) == [
        "Sekretaris Daerah Kabupaten Lebong"
    ]
    kinds = Counter(CivilServant.objects.values_list("position_kind", flat=True))
    assert kinds == {"functional": 60, "administrator": 51, "executor": 52, "supervisor": 27, "jpt_pratama": 15}
    assert CivilServant.objects.filter(employee_type="pppk").count() == 14
    assert set(
        CivilServant.objects.filter(position_title__startswith="Camat").values_list("position_kind", flat=True)
    ) == {"administrator"}
    assert set(
        CivilServant.objects.filter(position_title__startswith="Kepala Dinas").values_list("position_kind", flat=True)
    ) == {"jpt_pratama"}
    assert set(
        CivilServant.objects.filter(position_title__startswith="Guru").values_list("position_kind", flat=True)
    ) == {"functional"}
    elections = {e.name: (e.campaign_start, e.campaign_end, e.voting_day) for e in Election.objects.all()}
    assert elections == {
        "Pilkada 2024 Kabupaten Lebong": (
            datetime.date(2024, 9, 25),
            datetime.date(2024, 11, 23),
            datetime.date(2024, 11, 27),
        ),
        "Pemilu 2024": (datetime.date(2023, 11, 28), datetime.date(2024, 2, 10), datetime.date(2024, 2, 14)),
        "Pemilu 2029": (None, None, None),
    }


def test_seed_demo_reports_span_every_channel_and_status_and_hold_story_one(private_storage):
    seed()

    _assert_reports_span_every_channel_and_status(private_storage)
    forwarding, case = _assert_scenario_1_reports_are_one_case()
    _assert_scenario_1_played_to_the_end(forwarding, case)


def _assert_reports_span_every_channel_and_status(private_storage):
    assert Report.objects.count() == 60
    assert Counter(Report.objects.values_list("channel", flat=True)) == {
        "citizen": 36,
        "bawaslu": 11,
        "diskominfo": 7,
        "inspectorate": 3,
        "superior": 3,
    }
    assert Counter(Report.objects.values_list("status", flat=True)) == {
        "in_process": 19,
        "closed": 3,
        "received": 15,
        "in_review": 13,
        "rejected": 6,
        "merged": 2,
        "awaiting_information": 2,
    }
    assert Counter(Report.objects.values_list("source", flat=True)) == {"web": 32, "api": 15, "staff": 13}
    assert Case.objects.count() == 17
    assert set(
        Report.objects.filter(status__in=["in_process", "closed"]).values_list("case_report__case", flat=True)
    ) == set(Case.objects.values_list("pk", flat=True))
    assert all(report.rejection_reason for report in Report.objects.filter(status="rejected"))
    assert all(report.information_request for report in Report.objects.filter(status="awaiting_information"))
    assert BawasluForwarding.objects.filter(office__name="Bawaslu Provinsi Bengkulu").count() == 3
    assert Evidence.objects.count() == 11
    assert len(stored_files(private_storage)) == 11
    assert {evidence.kind for evidence in Evidence.objects.all()} == {"image"}
    assert audit_verify() is None


def _assert_scenario_1_reports_are_one_case():
    # Scenario 1 of docs/scenarios.md: three channels, linked, one case.
    principal = CivilServant.objects.get(nip="196905121994031004")
    forwarding = BawasluForwarding.objects.get(reference_number="003/Reg/TM/PB/Kab/07.04/X/2024")
    case = forwarding.report.case_report.case
    reports = Report.objects.filter(case_report__case=case)

    assert principal.name == "Drs. Rahmat Hidayat"
    assert (principal.position_kind, principal.functional_level, principal.unit.name) == (
        "functional",
        "ahli_madya",
        "SMP Negeri 1 Lebong",
    )
    assert principal.direct_superior.position_title == "Kepala Dinas Pendidikan dan Kebudayaan"
    assert forwarding.office.name == "Bawaslu Kabupaten Lebong"
    assert sorted(reports.values_list("channel", flat=True)) == ["bawaslu", "citizen", "diskominfo"]
    assert set(reports.values_list("status", flat=True)) == {"closed"}
    assert (case.accused, case.accused_name) == (principal, "Drs. Rahmat Hidayat")
    assert CaseReport.objects.filter(case=case).count() == 3
    citizen = reports.get(channel="citizen")
    assert citizen.received_at == datetime.datetime(
        2024, 10, 8, 19, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    assert citizen.evidence.count() == 2
    assert citizen.reporter.name == "Nurhayati"
    assert list(citizen.timeline.values_list("status", flat=True)) == [
        "received",
        "in_review",
        "merged",
        "in_process",
        "decided",
        "decided",
        "closed",
    ]
    return forwarding, case


def _assert_scenario_1_played_to_the_end(forwarding, case):
    # Scenario 1 played to the end with its own dates: B1 signed 2024-11-20, in effect 2024-12-17, served 2025-12-17.
    decision = Decision.objects.get(case=case)
    assert (
        Case.objects.get(pk=case.pk).status,
        decision.status,
        decision.sanction_type.code,
        decision.decision_date,
        decision.received_on,
        decision.effective_on,
        decision.sanction_ends_on,
        decision.execution_status,
    ) == (
        "closed",
        "effective",
        "B1",
        datetime.date(2024, 11, 20),
        datetime.date(2024, 11, 25),
        datetime.date(2024, 12, 17),
        datetime.date(2025, 12, 17),
        "completed",
    )
    assert forwarding.report.outcome.sanction_type == "B1"
    # A second case waits for the Bupati's signature, so the `official` login has something to sign.
    waiting = Decision.objects.get(status="awaiting_signature")
    assert (waiting.competent_official.username, waiting.sanction_type.code) == ("official", "B2")


def test_printed_logins_tokens_and_pins_all_work(private_storage):
    lines = seed()

    for username, role in LOGINS.items():
        user = authenticate(RequestFactory().post("/login/"), username=username, password=DEMO_PASSWORD)
        assert user is not None, username
        password_validation.validate_password(DEMO_PASSWORD, user)  # the published password passes the rules
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.has_role(Role(role))
    admin = User.objects.get(username="admin")
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    assert User.objects.get(username="intake").agency.code == "lebong"
    assert list(User.objects.get(username="diskominfo").units.values_list("code", flat=True)) == ["diskominfo"]
    assert User.objects.count() == 10
    assert Group.objects.get(name="administrator").user_set.count() == 1
    table = lines[-12:]
    assert table[0] == "Demo logins (password for every account: netra-demo-2026):"
    assert [line.split()[0] for line in table[2:]] == list(LOGINS)
    for office in ("Bawaslu Kabupaten Lebong", "Bawaslu Provinsi Bengkulu"):
        token = next(line.split()[-1] for line in lines if line.strip().startswith(office))
        assert api_token_find(token).user.bawaslu_office.name == office  # type: ignore[union-attr]
    receipts = [line.split() for line in lines if line.startswith("  NTR-")]
    assert len(receipts) == 2
    for code, _pin_label, pin, *_status in receipts:
        assert report_get_by_tracking_code(tracking_code=code, pin=pin) is not None
    assert report_get_by_tracking_code(tracking_code=receipts[0][0], pin="00000000") is None


def test_second_run_creates_and_changes_nothing(private_storage):
    seed()
    principal = CivilServant.objects.get(nip="196905121994031004")
    CivilServant.objects.filter(pk=principal.pk).update(rank="Pembina Utama Muda (IV/c)")  # edited by an administrator
    before = counts()
    files = stored_files(private_storage)
    timeline = list(TimelineEntry.objects.order_by("id").values_list("id", "status"))
    statuses = dict(Report.objects.values_list("id", "status"))

    lines = seed()

    assert counts() == before
    assert stored_files(private_storage) == files
    assert list(TimelineEntry.objects.order_by("id").values_list("id", "status")) == timeline
    assert dict(Report.objects.values_list("id", "status")) == statuses
    assert lines[1] == "The demo data was already complete: nothing was created."
    principal.refresh_from_db()
    assert principal.rank == "Pembina Utama Muda (IV/c)"


def test_an_interrupted_run_is_completed_by_the_next(private_storage, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(cases, "cases_register", lambda specs, context, result: None)
        seed()
    assert Case.objects.count() == 0
    assert Report.objects.filter(status="in_process").count() == 0

    lines = seed()

    assert Case.objects.count() == 17
    assert Report.objects.filter(status__in=["in_process", "closed"]).count() == 22
    assert Report.objects.count() == 60
    assert "cases: 17" in lines[1]


def test_each_inbox_shows_only_work_still_waiting(private_storage):
    seed()
    from core.notifications import notifications_for_user
    from sanctions.models import Decision

    waiting = Decision.objects.get(status=Decision.Status.AWAITING_SIGNATURE)
    official = User.objects.get(username="official")

    # Scenario 1's decision was signed and took effect: only the pending one waits for the Bupati.
    assert [n.work_key for n in notifications_for_user(official) if n.work_key] == [f"decision:{waiting.pk}:sign"]
    assert [n.work_key for n in notifications_for_user(User.objects.get(username="kasubbid")) if n.work_key] == [
        f"report:{pk}:triage"
        for pk in Report.objects.filter(status=Report.Status.RECEIVED).order_by("-received_at", "-id")
        .values_list("pk", flat=True)
    ]  # fmt: skip
