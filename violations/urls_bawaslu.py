from django.urls import path  # noqa: F401

app_name = "bawaslu_web"
urlpatterns: list = []
