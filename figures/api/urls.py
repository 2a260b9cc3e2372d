"""Public statistics, mounted at /api/v1/public/statistics/ (before violations' /api/v1/)."""

from django.urls import path

from figures.api.views import PublicStatisticsView

urlpatterns = [path("", PublicStatisticsView.as_view(), name="api-public-statistics")]
