from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """Leadership figures: the dashboard, exports, summary reports and the public statistics (docs/statistics.md).

    Above sanctions in the layers: it reads every app below it and no app below imports it."""

    name = "figures"
    verbose_name = _("Leadership figures")

    def ready(self) -> None:
        from casework.letters.verification import register_document_verifier
        from figures.reports.verification import summary_report_document

        register_document_verifier(summary_report_document)
