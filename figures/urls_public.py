"""The public statistics page, mounted at /statistik/."""

from django.urls import path

from figures.views import public

app_name = "statistics"

urlpatterns = [path("", public.public_statistics_page, name="public")]
