"""Each role's first screen after logging in shows its work (issue 10: "Each role lands on its work"), and passes
axe-core with no serious or critical violation: the intake officer's triage queue with the new report, the
examiner's own cases, the reviewer's draft to review, the Bupati's decision to sign, leadership's figures, the
internal reporter's form and own findings, the Bawaslu office's forwardings."""

import datetime
from typing import Any

import pytest

from accounts.models import BawasluOffice
from accounts.roles import Role
from accounts.tests.factories import BawasluUserFactory, IntakeOfficerFactory, UserFactory
from sanctions.services import decision_draft, decision_submit_for_review
from sanctions.tests.decision_helpers import build_world, decision_on, forwarded_case, terms_for, to_awaiting_signature
from violations.services import ReporterInput, ReportInput, report_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "rahasia-Netra-2026"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


def _serious(page: Any) -> list[str]:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    violations = axe.Axe().run(page).response["violations"]
    return [
        f"{item['id']}: {item['help']} ({len(item['nodes'])}×, e.g. {item['nodes'][0]['target']})"
        for item in violations
        if item["impact"] in ("serious", "critical")
    ]


def _with_password(user: Any) -> Any:
    user.set_password(PASSWORD)
    user.save()
    return user


def _world() -> dict[str, Any]:
    """One piece of work waiting for each role, made through the services."""
    world = build_world()
    kasubbid = IntakeOfficerFactory(username="kasubbid", first_name="Rina", agency=world.agency)
    signing = to_awaiting_signature(decision_on(forwarded_case(world), world), world)
    # Drafted by the intake officer: the review waits for the other intake officer and the administrator.
    reviewing = decision_draft(
        case=forwarded_case(world, bawaslu=False), actor=world.officer, track="discipline", outcome="sanction",
        sanction_code="B1", **terms_for("B1"),
    )  # fmt: skip
    reviewing = decision_submit_for_review(decision=reviewing, actor=world.officer)
    reporter = UserFactory.create(username="diskominfo", roles=[Role.INTERNAL_REPORTER], agency=world.agency)
    data = ReportInput(accused_name="Yusuf Effendi", incident_date=datetime.date(2024, 10, 9), description="Unggahan.")
    finding = report_submit(data=data, reporter=ReporterInput(organisation="Diskominfo"), submitted_by=reporter)
    citizen = report_submit(data=data, reporter=ReporterInput(name="Siti Aminah")).report
    office = BawasluOffice.objects.get(name="Bawaslu Kabupaten Lebong")
    users = {
        "verifikator": (world.officer, "/triage/", f"text={citizen.tracking_code}"),
        "pemeriksa": (world.examiner, "/cases/?tab=mine&order=due", f"text={signing.case.number}"),
        "kasubbid": (kasubbid, "/decisions/", f"#awaiting-review tr[data-decision='{reviewing.pk}']"),
        "bupati": (world.bupati, "/decisions/", f"#awaiting-signature tr[data-decision='{signing.pk}']"),
        "sekda-pimpinan": (
            UserFactory(username="sekda-pimpinan", roles=[Role.LEADERSHIP], agency=world.agency), "/figures/", "h1",
        ),
        "diskominfo": (reporter, "/triage/internal-finding/", f"text={finding.report.tracking_code}"),
        "bawaslu-lebong": (
            BawasluUserFactory(username="bawaslu-lebong", bawaslu_office=office), "/bawaslu/",
            "text=003/Reg/TM/PB/Kab/07.04/X/2024",
        ),
    }  # fmt: skip
    for user, _path, _work in users.values():
        _with_password(user)
    return users


def test_each_roles_first_screen_shows_its_work_and_is_accessible(live_server, browser, shots):
    users = _world()
    problems: dict[str, list[str]] = {}

    for username, (_user, path, work) in users.items():
        context = browser.new_context(**DESKTOP)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("form.narrow button[type=submit]").click()
        page.wait_for_load_state()

        assert page.url == f"{live_server.url}{path}", username
        assert page.locator(work).count() >= 1, (username, work)
        page.screenshot(path=str(shots / f"first-screen-{username}.png"), full_page=True)
        problems[username] = _serious(page)
        context.close()

    assert problems == {username: [] for username in users}
