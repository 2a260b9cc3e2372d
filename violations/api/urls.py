"""The published API (docs/api-contract.md), mounted at /api/v1/."""

from django.urls import path

from violations.api import bawaslu, bkn, public

urlpatterns = [
    path("public/violation-types/", public.ViolationTypeListView.as_view(), name="api-violation-types"),
    path("public/reports/", public.ReportCreateView.as_view(), name="api-report-create"),
    path("public/reports/<str:tracking_code>/", public.ReportStatusView.as_view(), name="api-report-status"),
    path(
        "public/reports/<str:tracking_code>/additions/",
        public.ReportAdditionCreateView.as_view(),
        name="api-report-additions",
    ),
    path("bawaslu/forwardings/", bawaslu.ForwardingListCreateView.as_view(), name="api-forwardings"),
    # Register numbers contain slashes (clients send them as %2F), hence `path`.
    path(
        "bawaslu/forwardings/<path:reference_number>/",
        bawaslu.ForwardingDetailView.as_view(),
        name="api-forwarding-detail",
    ),
    path("bkn/recommendations/", bkn.RecommendationListCreateView.as_view(), name="api-recommendations"),
    # Letter numbers contain slashes (clients send them as %2F), hence `path`.
    path(
        "bkn/recommendations/<path:letter_number>/",
        bkn.RecommendationDetailView.as_view(),
        name="api-recommendation-detail",
    ),
]
