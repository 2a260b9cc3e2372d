from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Netra core"

    def ready(self) -> None:
        from core.audit_registry import load_declarations

        # Every app's audit_actions module, so the timeline knows every label before the first page is drawn.
        load_declarations()
