"""Anyone holding a summary report checks it here by its code, with its period; casework's /verify/ answers for it
too (figures.reports.verification.summary_report_document; docs/statistics.md, "Verification")."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from casework.letters.verification_codes import format_verification_code
from figures.reports.verification import summary_report_verify


@require_GET
def report_verify(request: HttpRequest, code: str) -> HttpResponse:
    report = summary_report_verify(code)
    context = {"report": report, "code": format_verification_code(report.verification_code) if report else code}
    return render(request, "figures/verify.html", context, status=200 if report else 404)
