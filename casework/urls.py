from django.urls import path

from casework import views

app_name = "casework"
urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("register/", views.case_register, name="case-register"),
    path("<int:case_id>/", views.case_detail, name="case-detail"),
]
