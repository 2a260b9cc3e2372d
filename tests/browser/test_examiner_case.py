"""An examiner takes a registered case to the examination report (LHP), downloading the summons PDF on the way.

The team is formed by the decree Netra numbers (the Bupati signs it); the summons is signed by the team's chair;
attendance, the BAP and the LHP are recorded on the examination's day (Netra's clock is moved there), and the LHP
recommends a sanction among those the catalogue offers (casework's test catalogue)."""

import datetime
import io
import re
from typing import Any

import pytest

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory, UserFactory
from casework import sanction_options, services
from casework.deadlines import summons_latest_send_date
from casework.models import Case
from casework.tests.factories import team_decree_signatory
from casework.tests.sanction_catalogue import fake_options
from core import clock
from tests.browser.logins import PASSWORD, log_in
from violations.models import ViolationType
from violations.tests.factories import ReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _earliest_examination_day(today: datetime.date) -> datetime.date:
    """The first day whose summons may still be sent today under rule D6."""
    day = today + datetime.timedelta(days=1)
    while summons_latest_send_date(day) < today:
        day += datetime.timedelta(days=1)
    return day


def _message(page: Any) -> str:
    return page.locator("ul.messages li").first.inner_text().strip()


def _registered_case_assigned_to_an_examiner():
    team_decree_signatory(AgencyFactory())
    officer = IntakeOfficerFactory(username="verifikator", first_name="Yanti", last_name="Oktaviani")
    examiner = UserFactory(username="pemeriksa", first_name="Hendra", last_name="Saputra", roles=[Role.EXAMINER])
    for user in (officer, examiner):
        user.set_password(PASSWORD)
        user.save()
    unit = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong")
    accused = CivilServantFactory(nip="197805122003121003", name="Drs. Rahmat Hidayat", unit=unit)
    report = ReportFactory(accused_name=accused.name, violation_type=ViolationType.objects.get(code="N04"))
    case = services.case_register(actor=officer, reports=[report], summary="Unggahan kampanye di Facebook.")
    Case.objects.filter(pk=case.pk).update(accused=accused, accused_nip=accused.nip)
    services.case_assign(case=Case.objects.get(pk=case.pk), actor=officer, examiners=[examiner])
    return case, examiner


def _officer_forms_the_team(browser, base_url, case_url, examiner):
    # The intake officer forms the examination team (the examiner may not; the officer manages the agency's cases).
    officer_page = log_in(browser, base_url, "verifikator")
    officer_page.goto(f"{case_url}team/")
    assert "akan ditandatangani oleh Kopli Ansori (Bupati Lebong)" in officer_page.content()
    officer_page.fill("#id_direct_superior_name", "Dra. Sri Wahyuni")
    officer_page.fill("#id_inspectorate_name", "Budi Santoso, S.H.")
    officer_page.fill("#id_bkpsdm_name", "Hendra Saputra")
    officer_page.select_option("#id_bkpsdm_user", str(examiner.pk))
    officer_page.check("input[name=chair][value=direct_superior]")
    officer_page.locator("main form.form button.primary").click()
    officer_page.wait_for_url(case_url)
    assert _message(officer_page).startswith("Tim pemeriksa telah dibentuk")
    officer_page.context.close()


def _issue_summons_and_read_its_letter(page, base_url, case_url, exam_day):
    # Summons I, sent today for the earliest examination day rule D6 allows.
    page.goto(case_url)
    page.locator("#case-actions a[href$='/summons/']").click()
    page.fill("#id_scheduled_at", f"{exam_day.isoformat()}T09:00")
    page.fill("#id_sent_on", clock.today().isoformat())
    page.select_option("#id_delivery_method", "in_person")
    page.fill("#id_place", "Kantor BKPSDM Kabupaten Lebong")
    page.locator("main form.form button.primary").click()
    page.wait_for_url(case_url)
    assert _message(page) == "Surat panggilan I telah diterbitkan; suratnya sedang disiapkan."
    # The summons letter rendered on commit (eager Celery): download it and read it.
    page.goto(case_url)
    link = page.locator("#letters a[href*='/letters/']").first
    pdf = page.request.get(base_url + link.get_attribute("href"))
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Drs. Rahmat Hidayat" in text
    assert "197805122003121003" in re.sub(r"\s", "", text)
    assert "Ketua Tim Pemeriksa" in text and "Dra. Sri Wahyuni" in text


def _record_attendance_and_the_bap(page, case_url, exam_day, shots):
    page.locator("#case-actions form[action$='/attendance/'] button[type=submit]").click()
    page.wait_for_url(case_url)
    assert _message(page) == "Kehadiran telah dicatat; selanjutnya catat pemeriksaan (BAP)."
    page.locator("#case-actions a[href$='/examination/']").click()
    page.fill("#id_held_at", f"{exam_day.isoformat()}T09:30")
    page.fill("#id_qa-0-question", "Apakah akun Facebook atas nama Saudara itu milik Saudara?")
    page.fill("#id_qa-0-answer", "Ya, benar.")
    page.fill("#id_qa-1-question", "Mengapa Saudara membagikan unggahan kampanye itu?")
    page.fill("#id_qa-1-answer", "Saya tidak mengetahui bahwa itu dilarang.")
    page.check("#id_examinee_signed")
    page.screenshot(path=str(shots / "examiner-bap.png"), full_page=True)
    page.locator("main form.form button.primary").click()
    page.wait_for_url(case_url)
    assert _message(page) == "Berita acara pemeriksaan (BAP) telah disimpan; suratnya sedang disiapkan."


def _write_the_lhp(page, case_url):
    page.locator("#case-actions a[href$='/examination-report/']").click()
    page.fill("#id_act_time", "7 Oktober 2024")
    page.fill("#id_act_place", "Akun Facebook pribadi terlapor")
    page.fill("#id_aggravating", "Tiga unggahan; akun publik dengan banyak pengikut.")
    page.fill("#id_mitigating", "Pelanggaran pertama.")
    page.check("input[name=proven][value=yes]")
    page.select_option("#id_recommended_sanction_code", "B1")
    page.locator("main form.form button.primary").click()
    page.wait_for_url(case_url)
    assert _message(page) == "Laporan hasil pemeriksaan (LHP) telah disampaikan; suratnya sedang disiapkan."


def test_an_examiner_takes_a_case_from_registered_to_the_lhp(live_server, browser, shots, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setattr(sanction_options, "_providers", [fake_options])
    case, examiner = _registered_case_assigned_to_an_examiner()
    case_url = f"{live_server.url}/cases/{case.pk}/"
    page = log_in(browser, live_server.url, "pemeriksa")

    # The assignment waits in the examiner's inbox and leads to the case.
    page.goto(f"{live_server.url}/notifications/")
    item = page.locator("ul.notifications li", has_text=case.number)
    assert item.count() == 1 and "pemanggilan terlapor menunggu Anda" in item.inner_text()
    item.locator("button[name=open]").click()
    page.wait_for_url(case_url)

    # The registered case, assigned to the examiner: start the review.
    page.goto(case_url)
    assert page.locator("h1 .badge").inner_text().strip() == "Teregistrasi"
    page.select_option("#review-level", "moderate")
    page.locator("#case-actions form[action$='/review/'] button[type=submit]").click()
    page.wait_for_url(case_url)
    assert _message(page) == "Penelaahan telah dimulai."

    _officer_forms_the_team(browser, live_server.url, case_url, examiner)
    exam_day = _earliest_examination_day(clock.today())
    _issue_summons_and_read_its_letter(page, live_server.url, case_url, exam_day)
    # The summons is issued: the work item left the inbox.
    page.goto(f"{live_server.url}/notifications/")
    assert page.locator("ul.notifications li", has_text=case.number).count() == 0
    examination_day = clock.at(exam_day, 10)
    monkeypatch.setattr(clock, "now", lambda: examination_day)  # the examination's day has come
    page.goto(case_url)
    _record_attendance_and_the_bap(page, case_url, exam_day, shots)
    _write_the_lhp(page, case_url)

    page.goto(case_url)
    assert page.locator("h1 .badge").inner_text().strip() == "LHP telah dibuat"
    page.screenshot(path=str(shots / "examiner-case-reported.png"), full_page=True)
    assert Case.objects.get(pk=case.pk).status == "reported"
    page.context.close()
