"""The intake officer identifies the accused in the register from a citizen's report (no NIP given), registers the
case, and the summons then printed carries the register's NIP, rank (pangkat), position (jabatan) and unit."""

import datetime
import io
import re
from typing import Any

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory
from casework import services
from casework.deadlines import summons_latest_send_date
from casework.models import Case, Letter
from casework.tests.factories import team_decree_signatory
from core import clock
from tests.browser.logins import PASSWORD, log_in
from violations.models import Report
from violations.tests.factories import ReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REGISTER = ("197805122003121003", "Pembina (IV/a)", "Kepala SMP Negeri 1 Lebong", "SMP Negeri 1 Lebong")


def _world() -> tuple[Report, CivilServant]:
    team_decree_signatory(AgencyFactory.create())
    officer = IntakeOfficerFactory.create(username="verifikator", first_name="Yanti", last_name="Oktaviani")
    officer.set_password(PASSWORD)
    officer.save()
    superior = CivilServantFactory(
        nip="196903111994031005",
        name="Drs. Syamsul Bahri, M.Pd.",
        position_title="Kepala Dinas Pendidikan dan Kebudayaan",
        position_kind=CivilServant.PositionKind.JPT_PRATAMA,
        functional_level="",
        unit=UnitFactory(code="disdikbud", name="Dinas Pendidikan dan Kebudayaan"),
    )
    school = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong")
    principal = CivilServantFactory.create(
        nip=REGISTER[0],
        name="Drs. Rahmat Hidayat",
        rank=REGISTER[1],
        position_title=REGISTER[2],
        unit=school,
        direct_superior=superior,
    )
    CivilServantFactory(nip="198101012006041001", name="Rahmat Hidayat", unit=UnitFactory(name="Dinas Kesehatan"))
    report = ReportFactory.create(
        accused_name="Pak Rahmat Hidayat",
        accused_nip="",
        accused_position="Kepala Sekolah",
        accused_agency="SMP Negeri 1 Lebong",
    )
    return report, principal


def _message(page: Any) -> str:
    return page.locator("ul.messages li").first.inner_text().strip()


def _summons_for_the_earliest_day(case: Case) -> Letter:
    """Summons I for the first day rule D6 still allows today (the letter renders on commit: eager Celery)."""
    officer = case.registered_by
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    day = clock.today() + datetime.timedelta(days=1)
    while summons_latest_send_date(day) < clock.today():
        day += datetime.timedelta(days=1)
    services.summons_issue(
        case=Case.objects.get(pk=case.pk),
        actor=officer,
        number=1,
        scheduled_at=clock.at(day, 9),
        sent_on=clock.today(),
        delivery_method="in_person",
        place="Kantor BKPSDM Kabupaten Lebong",
    )
    return Letter.objects.get(case=case, kind="summons_1")


def test_the_intake_officer_links_the_accused_and_the_summons_carries_the_register(
    live_server, browser, shots, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    report, principal = _world()
    report_url = f"{live_server.url}/triage/reports/{report.pk}/"
    page = log_in(browser, live_server.url, "verifikator")

    # The report names a "Pak Rahmat Hidayat" of SMP Negeri 1 Lebong, without a NIP: suggestions from the register.
    page.goto(report_url)
    page.locator("#identify-accused").click()
    page.wait_for_url(f"{report_url}accused/")
    first = page.locator("#accused-suggestions li").first
    assert "Drs. Rahmat Hidayat" in first.inner_text() and REGISTER[0] in first.inner_text()
    page.screenshot(path=str(shots / "intake-identify-accused.png"), full_page=True)
    first.locator(f"button[name=civil_servant][value='{principal.pk}']").click()
    page.wait_for_url(report_url)
    assert _message(page) == (
        f"Terlapor laporan {report.tracking_code} adalah Drs. Rahmat Hidayat (NIP {REGISTER[0]}) dari data kepegawaian."
    )

    # Registering the case carries the link; the case page shows the register's data and no warning.
    page.locator("section[aria-labelledby=register-title] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/cases/\d+/$"))
    assert page.locator("#accused-unidentified").count() == 0
    parties = page.locator("section[aria-labelledby=case-title]").inner_text()
    for shown in REGISTER:
        assert shown in parties, shown
    case = Case.objects.get(reports=report)
    assert case.accused == principal

    # The summons, downloaded: the register's NIP, rank, position and unit.
    letter = _summons_for_the_earliest_day(case)
    assert Letter.objects.get(pk=letter.pk).status == Letter.Status.ISSUED
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    pdf = page.request.get(f"{live_server.url}/cases/letters/{letter.pk}/download/")
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages).split())
    for printed in (f"NIP : {REGISTER[0]}", f"Pangkat/golongan : {REGISTER[1]}", f"Jabatan : {REGISTER[2]}"):
        assert printed in text, printed
    assert f"Unit kerja : {REGISTER[3]}" in text
    page.context.close()
