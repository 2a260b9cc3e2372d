from django.urls import path

from casework import views, views_handover

app_name = "casework"
urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("register/", views.case_register, name="case-register"),
    path("handover/", views_handover.officer_handover, name="officer-handover"),
    path("<int:case_id>/", views.case_detail, name="case-detail"),
    path(
        "<int:case_id>/evidence/<int:evidence_id>/download/",
        views.case_evidence_download,
        name="case-evidence-download",
    ),
    path("letters/<int:letter_id>/download/", views.letter_download, name="letter-download"),
    path("letters/<int:letter_id>/status/", views.letter_status, name="letter-status"),
    path("letters/<int:letter_id>/retry/", views.letter_retry_view, name="letter-retry"),
]
