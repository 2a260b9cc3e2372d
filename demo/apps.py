from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo regency (`manage.py seed_demo`): at the top of the layers, it may use every app; none uses it."""

    name = "demo"
    verbose_name = _("Demo data")
