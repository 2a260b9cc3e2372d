from django.urls import path

from violations.views import triage

app_name = "triage"
urlpatterns = [
    path("", triage.queue, name="queue"),
    path("reports/<int:report_id>/", triage.report_detail, name="report-detail"),
    path("reports/<int:report_id>/evidence/<int:evidence_id>/", triage.evidence_download, name="evidence-download"),
    path("reports/<int:report_id>/review/", triage.report_start_review, name="report-start-review"),
    path("reports/<int:report_id>/reject/", triage.report_reject, name="report-reject"),
    path(
        "reports/<int:report_id>/request-information/",
        triage.report_request_information,
        name="report-request-information",
    ),
    path("reports/<int:report_id>/duplicate/", triage.report_link_duplicate, name="report-link-duplicate"),
    path("internal-finding/", triage.internal_finding, name="internal-finding"),
    path("internal-finding/receipt/", triage.internal_finding_receipt, name="internal-finding-receipt"),
]
