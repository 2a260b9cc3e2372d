from django.urls import path

from violations.views import triage, triage_actions

app_name = "triage"
urlpatterns = [
    path("", triage.queue, name="queue"),
    path("reports/<int:report_id>/", triage.report_detail, name="report-detail"),
    path("reports/<int:report_id>/evidence/<int:evidence_id>/", triage.evidence_download, name="evidence-download"),
    path("reports/<int:report_id>/review/", triage_actions.ReportStartReview.as_view(), name="report-start-review"),
    path("reports/<int:report_id>/reject/", triage_actions.ReportReject.as_view(), name="report-reject"),
    path(
        "reports/<int:report_id>/request-information/",
        triage_actions.ReportRequestInformation.as_view(),
        name="report-request-information",
    ),
    path(
        "reports/<int:report_id>/duplicate/",
        triage_actions.ReportLinkDuplicate.as_view(),
        name="report-link-duplicate",
    ),
    path(
        "reports/<int:report_id>/accused/",
        triage_actions.ReportIdentifyAccused.as_view(),
        name="report-identify-accused",
    ),
    path("internal-finding/", triage_actions.InternalFindingRecord.as_view(), name="internal-finding"),
    path("internal-finding/receipt/", triage_actions.internal_finding_receipt, name="internal-finding-receipt"),
]
