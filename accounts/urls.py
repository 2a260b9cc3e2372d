"""The account's own pages (accounts.auth_views): second factor, profile, password change and reset."""

from django.urls import path

from accounts import auth_views, staff_views

app_name = "account"

urlpatterns = [
    path("profile/", auth_views.profile, name="profile"),
    path("password/", auth_views.password_change, name="password-change"),
    path("password/done/", auth_views.password_change_done, name="password-change-done"),
    path("password-reset/", auth_views.password_reset, name="password-reset"),
    path("password-reset/sent/", auth_views.password_reset_done, name="password-reset-done"),
    path("password-reset/<uidb64>/<token>/", auth_views.password_reset_confirm, name="password-reset-confirm"),
    path("password-reset/complete/", auth_views.password_reset_complete, name="password-reset-complete"),
    path("mfa/verify/", auth_views.mfa_verify, name="mfa-verify"),
    path("mfa/enrol/", auth_views.mfa_enrol, name="mfa-enrol"),
    path("mfa/recovery-codes/", auth_views.mfa_recovery_codes_renew, name="mfa-recovery-codes"),
    path("staff/", staff_views.staff_list, name="staff-list"),
    path("staff/new/", staff_views.staff_create, name="staff-create"),
    path("staff/<int:account_id>/", staff_views.staff_detail, name="staff-detail"),
]
