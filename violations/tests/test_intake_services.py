import datetime
import io

import pytest
from django.contrib.auth.hashers import check_password

from core.audit import audit_verify
from core.errors import ConflictError
from core.models import AuditEvent
from core.testing import png_bytes, stored_files
from violations.evidence import validate_evidence_files
from violations.models import Evidence, Report
from violations.services import ReporterInput, ReportInput, report_add_information, report_submit

pytestmark = pytest.mark.django_db


def _input(**overrides: object) -> ReportInput:
    values: dict[str, object] = {
        "accused_name": "Drs. Rahmat Hidayat",
        "incident_date": datetime.date(2024, 10, 7),
        "description": "Membagikan tiga unggahan kampanye pasangan calon bupati di Facebook.",
        "links": ["https://www.facebook.com/share/p/abc/"],
    }
    values.update(overrides)
    return ReportInput(**values)  # type: ignore[arg-type]


def test_report_submit_stores_report_reporter_evidence_and_audit(private_storage, django_assert_max_num_queries):
    from accounts.tests.factories import AgencyFactory

    AgencyFactory()
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")])

    submitted = report_submit(
        data=_input(), reporter=ReporterInput(name="Siti Aminah", phone="0812"), evidence=evidence
    )

    report = Report.objects.get()
    assert report.tracking_code == submitted.report.tracking_code
    assert report.status == Report.Status.RECEIVED
    assert check_password(submitted.access_pin, report.access_pin_hash)
    assert report.reporter.name == "Siti Aminah"
    assert list(report.links.values_list("normalized_url", flat=True)) == ["facebook.com/share/p/abc"]
    stored = Evidence.objects.get()
    assert stored.kind == "image" and stored.content_type == "image/png" and stored.original_name == "layar.png"
    assert len(stored_files(private_storage)) == 1
    assert list(report.timeline.values_list("status", flat=True)) == ["received"]
    assert AuditEvent.objects.get().action == "report_received"
    assert audit_verify() is None


def test_report_add_information_refused_on_closed_report_leaves_no_file(private_storage):
    from violations.tests.factories import ReportFactory

    report = ReportFactory(status=Report.Status.REJECTED)
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "x.png")])

    with pytest.raises(ConflictError):
        report_add_information(report=report, description="Tambahan", evidence=evidence)

    assert stored_files(private_storage) == []
    assert Evidence.objects.count() == 0
