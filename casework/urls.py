from django.urls import path

from casework.views import cases, downloads, handover, letters, search

app_name = "casework"
urlpatterns = [
    path("", cases.case_list, name="case-list"),
    path("register/", cases.case_register, name="case-register"),
    path("handover/", handover.officer_handover, name="officer-handover"),
    path("search/", search.staff_search_page, name="search"),
    path("<int:case_id>/", cases.case_detail, name="case-detail"),
    path(
        "<int:case_id>/evidence/<int:evidence_id>/download/",
        downloads.case_evidence_download,
        name="case-evidence-download",
    ),
    path("letters/<int:letter_id>/download/", downloads.letter_download, name="letter-download"),
    path("letters/<int:letter_id>/status/", letters.letter_status, name="letter-status"),
    path("letters/<int:letter_id>/retry/", letters.letter_retry_view, name="letter-retry"),
]
