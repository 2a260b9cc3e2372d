"""The sanctions an examination report (LHP) may recommend: the provider casework asks (casework.sanction_options),
registered in SanctionsConfig.ready(), and the catalogue a recommendation may name (violations' registry). The
discipline track's options of the sanction guidance for the proven
violations, the accused's employee type, position and sanction history, with the catalogue's labels."""

from collections.abc import Sequence
from typing import cast

from django.db.models import QuerySet
from django.utils.translation import get_language

from casework.models import Case
from casework.sanction_options import SanctionOption
from sanctions.models import SanctionType
from sanctions.sanction_guidance import guidance_for_accused


def examination_report_options(case: Case, violation_codes: Sequence[str]) -> list[SanctionOption]:
    """The discipline sanctions the guidance allows, lightest first (labels in the active language)."""
    language = get_language() or "id"
    guidance = guidance_for_accused(case, list(violation_codes))
    return [
        SanctionOption(code=sanction.code, label=sanction.localized_name(language), level=sanction.level)
        for sanction in guidance.discipline_options
    ]


def catalogue_choices() -> list[tuple[str, str]]:
    """Every sanction in force today, lightest first, as (code, label in the active language): what a BKN or
    Bawaslu recommendation may name (violations.recommendations.catalogue)."""
    language = get_language() or "id"
    seen: dict[str, str] = {}
    in_force = cast("QuerySet[SanctionType]", SanctionType.objects.in_force())
    for sanction in in_force.order_by("severity", "code"):
        seen.setdefault(sanction.code, f"{sanction.code} — {sanction.localized_name(language)}")
    return list(seen.items())
