"""A report's evidence follows it into its case: the same stored files and hashes, a custody event, never twice."""

import datetime
import hashlib
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casework import selectors, services
from casework.models import CaseEvidence
from casework.services.evidence_handover import case_evidence_receive, case_evidence_receive_for_report
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations import services as violation_services
from violations.evidence import validate_evidence_files
from violations.models import Evidence, Report
from violations.services import CapturedEvidence, ReporterInput, ReportInput

pytestmark = pytest.mark.django_db

_RECEIVED = "case_evidence_received"


def _files(*items: tuple[bytes, str]) -> list[Any]:
    return validate_evidence_files([(io.BytesIO(content), name) for content, name in items])


def _report(officer: Any, *files: tuple[bytes, str]) -> Report:
    data = ReportInput(
        accused_name="Drs. Rahmat Hidayat",
        incident_date=datetime.date(2024, 10, 7),
        description="Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
    )
    submitted = violation_services.report_submit(
        data=data, reporter=ReporterInput(name="Siti Aminah"), evidence=_files(*files), agency=officer.agency
    )
    return submitted.report


def _received(case: Any) -> list[tuple[Any, ...]]:
    return [
        (e.kind, e.original_name, e.sha256, e.size, e.file.name, e.report_evidence_id, e.added_by)
        for e in CaseEvidence.objects.filter(case=case).order_by("id")
    ]


def _custody(case: Any) -> list[tuple[Any, ...]]:
    events = AuditEvent.objects.filter(target_id=case.pk, action=_RECEIVED).order_by("id")
    return [(e.actor, e.data["report"], e.data["report_evidence"], e.data["sha256"]) for e in events]


def test_registering_a_case_carries_the_reports_evidence_into_its_chain_of_custody(officer, private_storage):
    pdf, png = pdf_bytes(), png_bytes()
    first, second = _report(officer, (pdf, "surat.pdf")), _report(officer, (png, "layar.png"))
    pdf_item, png_item = Evidence.objects.get(report=first), Evidence.objects.get(report=second)

    case = services.case_register(actor=officer, reports=[first, second])

    assert _received(case) == [
        ("file", "surat.pdf", hashlib.sha256(pdf).hexdigest(), len(pdf), pdf_item.file.name, pdf_item.pk, officer),
        ("file", "layar.png", hashlib.sha256(png).hexdigest(), len(png), png_item.file.name, png_item.pk, officer),
    ]
    # The same stored files: no byte was copied.
    assert len(stored_files(private_storage)) == 2
    assert _custody(case) == [
        (officer, first.tracking_code, pdf_item.pk, pdf_item.sha256),
        (officer, second.tracking_code, png_item.pk, png_item.sha256),
    ]


def test_a_report_without_evidence_gives_the_case_none(officer):
    case = services.case_register(actor=officer, reports=[_report(officer)])

    assert (_received(case), _custody(case)) == ([], [])


def test_a_captured_post_stays_a_capture_with_its_address_and_time(officer):
    png = png_bytes()
    item = _files((png, "tangkapan.png"))[0]
    captured_at = datetime.datetime(2024, 10, 7, 14, 5, tzinfo=datetime.UTC)
    capture = CapturedEvidence(**vars(item), source_url="https://facebook.com/p/1", captured_at=captured_at)
    report = violation_services.report_submit(
        data=ReportInput(
            accused_name="Drs. Rahmat Hidayat",
            incident_date=datetime.date(2024, 10, 7),
            description="Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
        ),
        reporter=ReporterInput(anonymous=True),
        evidence=[capture],
        agency=officer.agency,
    ).report

    case = services.case_register(actor=officer, reports=[report])

    evidence = CaseEvidence.objects.get(case=case)
    assert (evidence.kind, evidence.source_url, evidence.captured_at) == (
        "social_media_capture",
        "https://facebook.com/p/1",
        captured_at,
    )


def test_a_reporters_later_addition_reaches_the_case_on_commit(
    officer, private_storage, django_capture_on_commit_callbacks
):
    report = _report(officer, (pdf_bytes(), "surat.pdf"))
    case = services.case_register(actor=officer, reports=[report])
    png = png_bytes()

    with django_capture_on_commit_callbacks(execute=True):
        addition = violation_services.report_add_information(
            report=report, description="Tangkapan layar kedua.", evidence=_files((png, "kedua.png"))
        )

    added = Evidence.objects.get(addition=addition)
    assert _received(case)[1:] == [
        ("file", "kedua.png", hashlib.sha256(png).hexdigest(), len(png), added.file.name, added.pk, None)
    ]
    assert _custody(case)[1:] == [(None, report.tracking_code, added.pk, added.sha256)]
    assert len(stored_files(private_storage)) == 2


def test_an_addition_is_handed_over_only_after_the_commit(officer, django_capture_on_commit_callbacks):
    report = _report(officer)
    case = services.case_register(actor=officer, reports=[report])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        violation_services.report_add_information(report=report, evidence=_files((png_bytes(), "kedua.png")))

    assert (len(callbacks), _received(case)) == (1, [])


def test_a_handover_run_twice_adds_nothing_twice(officer, django_capture_on_commit_callbacks):
    report = _report(officer)
    case = services.case_register(actor=officer, reports=[report])
    with django_capture_on_commit_callbacks(execute=True):
        violation_services.report_add_information(report=report, evidence=_files((png_bytes(), "kedua.png")))
    events = AuditEvent.objects.count()

    again = case_evidence_receive_for_report(report.pk)
    and_again = case_evidence_receive(case=case, actor=officer)

    assert (again, and_again) == ([], [])
    assert (CaseEvidence.objects.filter(case=case).count(), AuditEvent.objects.count()) == (1, events)


def test_an_addition_to_a_report_in_triage_stays_with_the_report(officer, django_capture_on_commit_callbacks):
    report = _report(officer)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        violation_services.report_add_information(report=report, evidence=_files((png_bytes(), "kedua.png")))

    assert (callbacks, CaseEvidence.objects.count()) == ([], 0)


def test_a_duplicate_linked_to_a_report_in_a_case_brings_its_evidence(officer, django_capture_on_commit_callbacks):
    original = _report(officer)
    case = services.case_register(actor=officer, reports=[original])
    duplicate = _report(officer, (pdf_bytes(), "salinan.pdf"))

    with django_capture_on_commit_callbacks(execute=True):
        violation_services.report_mark_duplicate(report=duplicate, original=original, actor=officer)

    item = Evidence.objects.get(report=duplicate)
    assert [row[5] for row in _received(case)] == [item.pk]
    assert _custody(case) == [(None, duplicate.tracking_code, item.pk, item.sha256)]


def test_merging_a_case_carries_its_reports_evidence_into_the_target(officer):
    png = png_bytes()
    kept = services.case_register(actor=officer, reports=[_report(officer, (pdf_bytes(), "surat.pdf"))])
    merged_report = _report(officer, (png, "layar.png"))
    merged = services.case_register(actor=officer, reports=[merged_report])

    services.case_merge(case=merged, into=kept, actor=officer)

    item = Evidence.objects.get(report=merged_report)
    assert [(row[1], row[5]) for row in _received(kept)] == [
        ("surat.pdf", Evidence.objects.exclude(pk=item.pk).get().pk),
        ("layar.png", item.pk),
    ]
    # The merged case keeps its own record of the item: custody is never rewritten.
    assert [row[5] for row in _received(merged)] == [item.pk]
    assert _custody(kept)[-1] == (officer, merged_report.tracking_code, item.pk, item.sha256)


def test_the_case_page_lists_received_evidence_with_its_report(officer, django_capture_on_commit_callbacks):
    report = _report(officer, (pdf_bytes(), "surat.pdf"))
    case = services.case_register(actor=officer, reports=[report])
    with django_capture_on_commit_callbacks(execute=True):
        violation_services.report_add_information(report=report, evidence=_files((png_bytes(), "kedua.png")))
    client = Client()  # Indonesian, the default language
    client.force_login(officer)

    page = client.get(reverse("casework:case-detail", kwargs={"case_id": case.pk})).content.decode()

    items = selectors.case_evidence_list(case=case)
    assert [item.original_name for item in items] == ["surat.pdf", "kedua.png"]
    assert page.count(f"Diterima dari laporan {report.tracking_code}") == 2
    assert "Netra (otomatis)" in page
    assert all(item.sha256 in page for item in items)


def test_received_evidence_downloads_the_reports_file(officer):
    pdf = pdf_bytes()
    case = services.case_register(actor=officer, reports=[_report(officer, (pdf, "surat.pdf"))])
    item = CaseEvidence.objects.get(case=case)
    client = Client()
    client.force_login(officer)

    response = client.get(
        reverse("casework:case-evidence-download", kwargs={"case_id": case.pk, "evidence_id": item.pk})
    )

    assert (response.status_code, b"".join(response.streaming_content)) == (200, pdf)


def test_the_case_keeps_both_hashes_of_a_re_encoded_image(officer, private_storage):
    received = png_bytes() + b"<script>alert(1)</script>"
    report = _report(officer, (received, "layar.png"))
    item = Evidence.objects.get(report=report)

    case = services.case_register(actor=officer, reports=[report])

    held = CaseEvidence.objects.get(case=case)
    assert (held.sha256, held.stored_sha256) == (hashlib.sha256(received).hexdigest(), item.stored_sha256)
    assert held.stored_sha256 == hashlib.sha256(item.file.read()).hexdigest() != held.sha256
