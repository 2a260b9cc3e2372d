from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# The receiver that audits logins (the root conftest leaves `force_login`, the tests' shortcut, unaudited).
LOGIN_AUDIT_UID = "accounts.login_succeeded"


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        from accounts.roles import sync_roles

        # Setup, not domain flow: groups follow ROLE_PERMISSIONS after every migrate.
        post_migrate.connect(sync_roles, dispatch_uid="accounts.sync_roles")
        self._connect_login_audit()

    @staticmethod
    def _connect_login_audit() -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth import signals

        from accounts import sign_in

        # Logins, their failures, lockouts and logouts are announced only as signals: audited in accounts.sign_in.
        signals.user_logged_in.connect(sign_in.on_logged_in_start_session, dispatch_uid="accounts.session_started")
        signals.user_logged_in.connect(sign_in.on_logged_in, dispatch_uid=LOGIN_AUDIT_UID)
        signals.user_login_failed.connect(sign_in.on_login_failed, dispatch_uid="accounts.login_failed")
        signals.user_logged_out.connect(sign_in.on_logged_out, dispatch_uid="accounts.logged_out")
        user_locked_out.connect(sign_in.on_locked_out, dispatch_uid="accounts.login_locked_out")
