"""The competent official (the Bupati) signs a decision, downloads its letter, and the citizen then reads `decided`."""

import io
import re

import pytest

from casework.models import Case, ExaminationReport
from sanctions.models import Decision
from sanctions.tests.decision_helpers import build_world, decision_on, forwarded_case, to_awaiting_signature
from tests.browser.logins import DESKTOP, PASSWORD, log_in
from violations.models import Channel, Report, ViolationType
from violations.tests.factories import TEST_PIN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _decision_awaiting_signature() -> tuple[Decision, Report]:
    """Scenario 1 through the services: N04 proven, B1 drafted by the examiner, approved by the intake officer."""
    world = build_world()
    world.bupati.set_password(PASSWORD)
    world.bupati.save()
    case = forwarded_case(world)
    lhp = ExaminationReport.objects.create(
        case=case,
        act_time="7 Oktober 2024",
        act_place="Akun Facebook pribadi terlapor",
        proven=True,
        recommended_sanction_code="B1",
        recommended_sanction_level="heavy",
        submitted_by=world.examiner,
    )
    lhp.violation_types.set([ViolationType.objects.get(code="N04")])
    decision = to_awaiting_signature(decision_on(case, world), world)
    assert decision.competent_official == world.bupati
    citizen_report = Report.objects.get(case_report__case=case, channel=Channel.CITIZEN)
    return decision, citizen_report


def test_the_bupati_signs_downloads_the_letter_and_the_citizen_sees_decided(live_server, browser, shots, settings):
    # The decision letter renders on commit, in the request that signs it (as test_examiner_case renders summons).
    settings.CELERY_TASK_ALWAYS_EAGER = True
    decision, citizen_report = _decision_awaiting_signature()

    page = log_in(browser, live_server.url, "bupati")

    # The inbox: the decision awaiting the Bupati's signature.
    page.goto(f"{live_server.url}/decisions/")
    inbox = page.locator("#awaiting-signature")
    assert inbox.locator(f"tr[data-decision='{decision.pk}']").count() == 1
    inbox.locator(f"tr[data-decision='{decision.pk}'] a").first.click()
    decision_url = f"{live_server.url}/decisions/{decision.pk}/"
    page.wait_for_url(decision_url)
    assert page.locator("#decision-status").get_attribute("data-status") == "awaiting_signature"
    page.screenshot(path=str(shots / "official-awaiting-signature.png"), full_page=True)

    # Sign.
    page.locator("#sign-form button[type=submit]").click()
    page.wait_for_url(decision_url)
    assert page.locator("ul.messages li.success").count() == 1
    decision.refresh_from_db()
    assert decision.status == Decision.Status.SIGNED
    assert decision.signed_by_id == decision.competent_official_id
    number = decision.letter.number
    assert number and number in page.locator("ul.messages li.success").inner_text()
    assert page.locator("#decision-status").get_attribute("data-status") == "signed"
    assert Case.objects.get(pk=decision.case_id).status == Case.Status.DECIDED

    # The letter was rendered on commit: download it from the decision page and read it.
    page.goto(decision_url)
    link = page.locator("#letters a.download").first
    href = link.get_attribute("href")
    assert href == f"/decisions/{decision.pk}/letters/{decision.letter_id}/download/"
    with page.expect_download() as download_info:
        link.click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        body = handle.read()
    assert body.startswith(b"%PDF")
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    assert re.sub(r"\s", "", number) in re.sub(r"\s", "", text)
    assert "Drs. Rahmat Hidayat" in text
    page.screenshot(path=str(shots / "official-signed.png"), full_page=True)
    page.context.close()

    # The citizen who reported the case opens the status page with the tracking code and the PIN.
    citizen = browser.new_context(**DESKTOP).new_page()
    citizen.set_default_timeout(20_000)
    citizen.goto(f"{live_server.url}/report/status/")
    citizen.fill("#id_tracking_code", citizen_report.tracking_code)
    citizen.fill("#id_pin", TEST_PIN)
    citizen.locator("main form button[type=submit]").click()
    citizen.wait_for_selector("#report-status")
    assert "status-decided" in (citizen.locator("#report-status").get_attribute("class") or "")
    assert citizen.locator("#report-status").inner_text().strip() == "Telah diputus"
    citizen.screenshot(path=str(shots / "citizen-decided.png"), full_page=True)
    citizen.context.close()
