from django.urls import path

from violations.views import public

app_name = "public"
urlpatterns = [
    path("", public.report_create, name="report-create"),
    path("receipt/", public.report_receipt, name="report-receipt"),
    path("receipt/pdf/", public.report_receipt_pdf, name="report-receipt-pdf"),
    path("receipt/done/", public.report_receipt_done, name="report-receipt-done"),
    path("status/", public.report_status, name="report-status"),
    path("status/add/", public.report_addition, name="report-addition"),
    path("status/leave/", public.report_status_leave, name="report-status-leave"),
]
