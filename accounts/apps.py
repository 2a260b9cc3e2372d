from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        from accounts.roles import sync_roles

        # Setup, not domain flow: groups follow ROLE_PERMISSIONS after every migrate.
        post_migrate.connect(sync_roles, dispatch_uid="accounts.sync_roles")
