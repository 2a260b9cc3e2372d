from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SanctionsConfig(AppConfig):
    name = "sanctions"
    verbose_name = _("Sanctions")

    def ready(self) -> None:
        register_sanctions_letter_kinds()
        register_examination_report_options()
        register_recommendation_sanctions()


def register_recommendation_sanctions() -> None:
    """What a BKN or Bawaslu recommendation may name: the sanction catalogue (the violations app's registry)."""
    from sanctions.sanction_options import catalogue_choices
    from violations.recommendations.catalogue import register_sanction_catalogue

    register_sanction_catalogue(catalogue_choices)


def register_examination_report_options() -> None:
    """What an LHP may recommend comes from the sanction guidance (casework's registry)."""
    from casework.sanction_options import register_sanction_options
    from sanctions.sanction_options import examination_report_options

    register_sanction_options(examination_report_options)


def register_sanctions_letter_kinds() -> None:
    """The letters of the decision and what follows it (casework's registry; no migration needed)."""
    # Imported once the app registry is ready (models may not be imported while the apps load).
    from casework.models import LetterKind, register_letter_kind

    for kind in (
        LetterKind(
            "decision",
            pgettext_lazy("letter kind", "Decision (Keputusan)"),
            "letters/decision.html",
            register="decision",
        ),
        LetterKind(
            "moral_statement",
            pgettext_lazy("letter kind", "Moral sanction statement"),
            "letters/moral_statement.html",
        ),
        LetterKind(
            "objection_inadmissible",
            pgettext_lazy("letter kind", "Statement that an objection is inadmissible"),
            "letters/objection_inadmissible.html",
        ),
        LetterKind(
            "objection_decision",
            pgettext_lazy("letter kind", "Decision on an objection"),
            "letters/objection_decision.html",
            register="decision",
        ),
        LetterKind(
            "appeal_response",
            pgettext_lazy("letter kind", "The PPK's response to the BPASN on an appeal"),
            "letters/appeal_response.html",
        ),
        LetterKind(
            "bawaslu_reply",
            pgettext_lazy("letter kind", "Reply to Bawaslu on the outcome"),
            "letters/bawaslu_reply.html",
            confidential=False,
        ),
    ):
        register_letter_kind(kind)
