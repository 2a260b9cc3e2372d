from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework")

    def ready(self) -> None:
        register_evidence_receiver()


def register_evidence_receiver() -> None:
    """A report's later evidence reaches its case (the violations app hands it over after its commit)."""
    from casework.services.evidence_handover import case_evidence_receive_for_report
    from violations.case_handover import register_evidence_receiver as register

    register(case_evidence_receive_for_report)
