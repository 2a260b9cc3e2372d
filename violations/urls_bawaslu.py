from django.urls import path

from violations.views import bawaslu

app_name = "bawaslu_web"
urlpatterns = [
    path("", bawaslu.forwarding_list, name="forwarding-list"),
    path("new/", bawaslu.forwarding_create, name="forwarding-create"),
    # Register numbers contain slashes (e.g. 001/Reg/LP/PB/Kab/04.06/XI/2024).
    path("forwardings/<path:reference_number>/", bawaslu.forwarding_detail, name="forwarding-detail"),
]
