"""The leadership figures, mounted at /figures/."""

from django.urls import path

from figures.views import dashboard, drilldown, exports, verification

app_name = "figures"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("cases/", drilldown.case_list, name="cases"),
    path("exports/", exports.export_list, name="export-list"),
    path("exports/new/", exports.export_create, name="export-create"),
    path("exports/<int:job_id>/", exports.export_detail, name="export-detail"),
    path("exports/<int:job_id>/download/", exports.export_download, name="export-download"),
    path("reports/new/", exports.report_create, name="report-create"),
    path("reports/<int:report_id>/download/", exports.report_download, name="report-download"),
    path("verify/<str:code>/", verification.report_verify, name="report-verify"),
]
