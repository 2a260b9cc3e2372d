"""Helpers of the intake officers' page tests: URLs, flashed messages, and a report with everything on it."""

import datetime
import io

from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.tests.factories import AgencyFactory
from core import clock
from core.testing import pdf_bytes, png_bytes
from violations.evidence import validate_evidence_files
from violations.models import Report
from violations.services import (
    ReporterInput,
    ReportInput,
    report_add_information,
    report_submit,
)

NIP = "197805122005011003"


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def triage_url(name: str, report: Report, **kwargs) -> str:
    return reverse(f"triage:{name}", kwargs={"report_id": report.pk, **kwargs})


def ago(**delta) -> datetime.datetime:
    return clock.now() - datetime.timedelta(**delta)


def listed(response) -> list[str]:
    return [report.tracking_code for report in response.context["page"].object_list]


def full_report() -> Report:
    AgencyFactory()
    evidence = validate_evidence_files([(io.BytesIO(png_bytes()), "tangkapan-layar.png")])
    report = report_submit(
        data=ReportInput(
            accused_name="Drs. Rahmat Hidayat",
            accused_nip=NIP,
            accused_position="Kepala SMP Negeri 1",
            accused_agency="Dinas Pendidikan",
            incident_date=datetime.date(2024, 10, 7),
            incident_place="Facebook",
            platform="Facebook",
            description="Membagikan tiga unggahan kampanye pasangan calon bupati.",
            witnesses="Pak Joko",
            links=["https://www.facebook.com/share/p/abc/"],
        ),
        reporter=ReporterInput(name="Siti Aminah", email="siti@example.id", phone="081234567890"),
        evidence=evidence,
    ).report
    report_add_information(
        report=report,
        description="Unggahan sudah dihapus pagi ini.",
        evidence=validate_evidence_files([(io.BytesIO(pdf_bytes()), "arsip.pdf")]),
    )
    return report
