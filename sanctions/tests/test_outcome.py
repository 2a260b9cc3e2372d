"""The outcome back: every report's outcome at effect, one reply letter per forwarding Bawaslu office, the close."""

import pytest
from django.utils import translation

from accounts.tests.factories import BawasluOfficeFactory
from casework.models import Letter
from sanctions.services.execution import decision_take_effect, executions_complete_due
from sanctions.services.outcome import decision_outcome_publish
from sanctions.tests.after_helpers import (
    BAWASLU_LETTER,
    REGISTER_NUMBER,
    D,
    case_with_reports,
    decision,
    issued_pdf_text,
    lebong,
)
from violations.models import Report, ReportOutcome
from violations.tests.factories import ForwardingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return lebong()


def _outcomes(case):
    return sorted(
        (
            outcome.report.channel,
            outcome.proven,
            outcome.sanction_type,
            outcome.sanction_label,
            outcome.decided_at,
            outcome.decision_number,
        )
        for outcome in ReportOutcome.objects.filter(report__case_report__case=case).select_related("report")
    )


def test_at_effect_every_report_gets_the_outcome_and_bawaslu_a_reply(world):
    made = decision(world, received_on=D("2024-11-25"))
    assert ReportOutcome.objects.count() == 0

    decision_take_effect(decision=made, today=D("2024-12-17"))

    label = "Penurunan jabatan setingkat lebih rendah selama 12 bulan"
    assert _outcomes(made.case) == [
        ("bawaslu", True, "B1", label, D("2024-11-20"), made.number),
        ("citizen", True, "B1", label, D("2024-11-20"), made.number),
    ]
    for report in Report.objects.filter(case_report__case=made.case):
        last = report.timeline.order_by("at", "id").last()
        assert (last.status, last.note) == ("decided", "The decision on the case has taken effect.")
        with translation.override("en"):
            assert last.translated_note == "The decision on the case has taken effect."
    replies = list(Letter.objects.filter(case=made.case, kind="bawaslu_reply"))
    assert len(replies) == 1
    assert replies[0].context["forwardings"][0]["reference_number"] == REGISTER_NUMBER
    # Publishing again adds nothing.
    decision_outcome_publish(decision=made)
    assert Letter.objects.filter(case=made.case, kind="bawaslu_reply").count() == 1


def test_one_reply_per_office_whatever_the_number_of_its_forwardings(world):
    case = case_with_reports(world)
    lebong_office = Report.objects.get(case_report__case=case, channel="bawaslu").forwarding.office
    same_office = ForwardingFactory(
        office=lebong_office, reference_number="007/Reg/LP/PB/Kab/07.04/X/2024", report__status=Report.Status.DECIDED
    )
    province = ForwardingFactory(
        office=BawasluOfficeFactory(name="Bawaslu Provinsi Bengkulu"),
        reference_number="002/Reg/TM/PB/Prov/07/X/2024",
        report__status=Report.Status.DECIDED,
    )
    for forwarding in (same_office, province):
        case.case_reports.create(report=forwarding.report, linked_at=case.registered_at)
    made = decision(world, case=case, received_on=D("2024-11-25"))

    decision_take_effect(decision=made, today=D("2024-12-17"))

    replies = {
        letter.context["office"]["name"]: [f["reference_number"] for f in letter.context["forwardings"]]
        for letter in Letter.objects.filter(case=case, kind="bawaslu_reply")
    }
    assert replies == {
        "Bawaslu Kabupaten Lebong": [REGISTER_NUMBER, "007/Reg/LP/PB/Kab/07.04/X/2024"],
        "Bawaslu Provinsi Bengkulu": ["002/Reg/TM/PB/Prov/07/X/2024"],
    }


def test_the_reply_letter_states_the_outcome_and_nothing_about_the_reporter(world):
    made = decision(world, received_on=D("2024-11-25"))
    decision_take_effect(decision=made, today=D("2024-12-17"))
    reply = Letter.objects.get(case=made.case, kind="bawaslu_reply")

    text = issued_pdf_text(reply)

    for expected in [
        reply.number,
        "Yth. Ketua Bawaslu Kabupaten Lebong",
        REGISTER_NUMBER,
        BAWASLU_LETTER,
        "diterima tanggal 10 Oktober 2024",
        "atas nama Drs. Rahmat Hidayat",
        f"Nomor {made.number} tanggal 20 November 2024",
        "Terbukti melakukan pelanggaran",
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "Berlaku sejak : 17 Desember 2024",
        "Kopli Ansori",
    ]:
        assert expected in text, expected
    for secret in ("Siti Aminah", "081234567890", "RAHASIA", "(B1)", "N04"):
        assert secret not in text
    assert reply.kind_info is not None and reply.kind_info.confidential is False


def test_an_ethics_decision_does_not_overwrite_the_discipline_outcome(world):
    case = case_with_reports(world, bawaslu=False)
    discipline = decision(world, case=case, code="B1", received_on=D("2024-11-25"))
    ethics = decision(world, case=case, code="M2", track="ethics", received_on=D("2024-11-26"))
    decision_take_effect(decision=discipline, today=D("2024-12-18"))
    decision_take_effect(decision=ethics, today=D("2024-12-18"))
    assert {row[2] for row in _outcomes(case)} == {"B1"}


def test_the_reports_close_with_the_case(world):
    made = decision(world, received_on=D("2024-11-25"))
    decision_take_effect(decision=made, today=D("2024-12-17"))
    executions_complete_due(today=D("2025-12-17"))
    for report in Report.objects.filter(case_report__case=made.case):
        last = report.timeline.order_by("at", "id").last()
        assert (report.status, last.status, last.note) == (
            "closed",
            "closed",
            "The case is closed: the decision was carried out.",
        )
