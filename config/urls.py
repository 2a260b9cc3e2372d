from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accounts import views as account_views
from accounts.forms import StaffLoginForm
from casework.views import verification as letter_verification
from config.api_docs import RedocDocsView, SwaggerDocsView
from core.views import notifications as views_notifications
from core.views import pages as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz/", core_views.healthz, name="healthz"),
    path("readyz/", core_views.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("login/", auth_views.LoginView.as_view(authentication_form=StaffLoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("landing/", account_views.landing, name="landing"),
    path("account/", include("accounts.urls")),
    path("notifications/", views_notifications.notification_list, name="notifications"),
    # Anyone: is this letter genuine? (docs/api-contract.md). Before `api/v1/`: violations may not import casework.
    path("api/v1/public/documents/", include("casework.api.urls")),
    path("verify/<str:code>/", letter_verification.letter_verify_page, name="letter-verify"),
    path("api/v1/cases/", include("casework.api.officer_urls")),
    # Public statistics (docs/statistics.md), before `api/v1/` like the documents above.
    path("api/v1/public/statistics/", include("figures.api.urls")),
    # Citizens and Bawaslu offices: the published contract (docs/api-contract.md).
    path("api/v1/", include("violations.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SwaggerDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", RedocDocsView.as_view(url_name="api-schema"), name="api-redoc"),
    # Web: citizens, Bawaslu offices, intake officers.
    path("report/", include("violations.urls_public")),
    path("bawaslu/", include("violations.urls_bawaslu")),
    path("triage/", include("violations.urls_triage")),
    path("cases/", include("casework.urls")),
    path("cases/", include("casework.urls_actions")),
    path("decisions/", include("sanctions.urls")),
    # Leadership figures: the dashboard, exports, summary reports; and the public statistics page.
    path("figures/", include("figures.urls")),
    path("statistik/", include("figures.urls_public")),
    path("admin/", admin.site.urls),
]

handler400 = "core.views.pages.bad_request"
handler403 = "core.views.pages.permission_denied"
handler404 = "core.views.pages.page_not_found"
handler500 = "core.views.pages.server_error"
