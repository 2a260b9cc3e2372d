"""The officers' case API, mounted at /api/v1/cases/."""

from django.urls import path

from casework.api import officer_views as v

urlpatterns = [
    path("", v.CaseListView.as_view(), name="api-cases"),
    path("<int:case_id>/", v.CaseDetailView.as_view(), name="api-case-detail"),
    *[path(f"<int:case_id>/actions/{name}/", view, name=f"api-case-{name}") for name, view in v.ACTION_VIEWS.items()],
]
