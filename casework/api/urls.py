from django.urls import path

from casework.api import views

urlpatterns = [
    path("<str:code>/", views.LetterVerificationView.as_view(), name="api-letter-verify"),
]
