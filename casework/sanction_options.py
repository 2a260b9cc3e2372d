"""Which sanctions an examination report (LHP) may recommend: asked of the sanctions catalogue, registered from above.

Casework does not depend on the sanctions app (the layers point down), yet the examiners must recommend a sanction
the catalogue's guidance allows for the proven violations (docs/domain.md, "Sanction catalogue"). The sanctions app
registers its provider in its AppConfig.ready(); casework asks it. Without a provider (casework on its own, in
tests) no sanction can be recommended.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from casework.models import Case


@dataclass(frozen=True)
class SanctionOption:
    """A sanction the guidance allows: its catalogue code, its label in the active language and its level."""

    code: str
    label: str
    level: str


SanctionOptionsProvider = Callable[[Case, Sequence[str]], list[SanctionOption]]

_providers: list[SanctionOptionsProvider] = []


def register_sanction_options(provider: SanctionOptionsProvider) -> None:
    """Set the provider (the sanctions app, at start-up); registering again replaces it."""
    _providers[:] = [provider]


def sanction_options_for(case: Case, violation_codes: Sequence[str]) -> list[SanctionOption]:
    """The sanctions the guidance allows on the discipline track for these proven violations of this case's accused
    (heaviest level of several, heavier than the last sanction for a repeat), lightest first."""
    if not _providers:
        return []
    return _providers[0](case, violation_codes)
