"""Exports and summary reports on the web: ask for one (POST from the dashboard), follow a large export's progress,
download it; every download is audited by the services."""

import io

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.actors import AuthenticatedRequest
from core.decorators import role_required
from core.errors import DomainError
from figures import selectors
from figures.exports import writers
from figures.exports.columns import export_rows
from figures.exports.requesting import export_download_record, export_request
from figures.filters import Filters
from figures.models import ExportJob, SummaryReport
from figures.permissions import can_open_dashboard
from figures.reports.issuing import summary_report_download_record
from figures.reports.requesting import summary_report_request

CONTENT_TYPES: dict[str, str] = {
    ExportJob.Format.CSV: "text/csv; charset=utf-8",
    ExportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _filters(request: AuthenticatedRequest) -> Filters:
    return selectors.dashboard_filters(user=request.user, query=QueryDict(request.POST.get("query", "")))


def _attachment(response: HttpResponse | StreamingHttpResponse, name: str) -> HttpResponse | StreamingHttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _stream(request: AuthenticatedRequest, job: ExportJob, filters: Filters) -> HttpResponse | StreamingHttpResponse:
    headings, rows, _count = export_rows(user=request.user, kind=job.kind, filters=filters)
    if job.format == ExportJob.Format.CSV:
        body = StreamingHttpResponse(writers.csv_lines(headings, rows), content_type=CONTENT_TYPES[job.format])  # type: ignore[arg-type]
        return _attachment(body, job.file_name)
    buffer = io.BytesIO()
    writers.write_xlsx(buffer, headings, rows, [], lambda rows_written: None)  # type: ignore[arg-type]
    return _attachment(HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[job.format]), job.file_name)


@role_required(can_open_dashboard)
@require_POST
def export_create(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    filters = _filters(request)
    try:
        job = export_request(
            user=request.user,
            kind=request.POST.get("kind", ""),
            export_format=request.POST.get("format", ""),
            filters=filters,
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(f"{_dashboard()}?{filters.query()}")
    if job.status == ExportJob.Status.STREAMED:
        return _stream(request, job, filters)
    messages.success(request, _("The export is being written; you will be notified when it is ready."))
    return redirect("figures:export-detail", job_id=job.pk)


def _dashboard() -> str:
    return reverse("figures:dashboard")


@role_required(can_open_dashboard)
@require_GET
def export_list(request: AuthenticatedRequest) -> HttpResponse:
    context = {
        "jobs": selectors.export_jobs_for_user(user=request.user)[:50],
        "reports": selectors.summary_reports_for_user(user=request.user)[:50],
    }
    return render(request, "figures/export_list.html", context)


def _own_job(request: AuthenticatedRequest, job_id: int) -> ExportJob:
    job = selectors.export_jobs_for_user(user=request.user).filter(pk=job_id).first()
    if job is None:
        raise Http404
    return job


@role_required(can_open_dashboard)
@require_GET
def export_detail(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    job = _own_job(request, job_id)
    running = job.status in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING)
    return render(request, "figures/export_detail.html", {"job": job, "running": running})


@role_required(can_open_dashboard)
@require_GET
def export_download(request: AuthenticatedRequest, job_id: int) -> FileResponse:
    job = _own_job(request, job_id)
    if job.status != ExportJob.Status.READY or not job.file:
        raise Http404
    export_download_record(user=request.user, job=job)
    response = FileResponse(job.file.open("rb"), content_type=CONTENT_TYPES[job.format])
    return _attachment(response, job.file_name)  # type: ignore[return-value]


@role_required(can_open_dashboard)
@require_POST
def report_create(request: AuthenticatedRequest) -> HttpResponse:
    filters = _filters(request)
    try:
        report = summary_report_request(user=request.user, filters=filters)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(f"{_dashboard()}?{filters.query()}")
    messages.success(
        request,
        _("Summary report %(number)s is being prepared; you will be notified when it is ready.")
        % {"number": report.number},
    )
    return redirect("figures:export-list")


@role_required(can_open_dashboard)
@require_GET
def report_download(request: AuthenticatedRequest, report_id: int) -> FileResponse:
    report = selectors.summary_reports_for_user(user=request.user).filter(pk=report_id).first()
    if report is None or report.status != SummaryReport.Status.ISSUED:
        raise Http404
    summary_report_download_record(user=request.user, report=report)
    response = FileResponse(report.pdf.open("rb"), content_type="application/pdf")
    return _attachment(response, f"ringkasan-{report.year}-{report.sequence:03d}.pdf")  # type: ignore[return-value]
