"""The sanctions a recommendation may name: asked of the sanctions catalogue, registered from above.

The sanctions app sits above this one (docs/architecture.md) and registers its provider in SanctionsConfig.ready();
the forms, the API and the service that records a recommendation ask it. Without a provider (violations on its
own) no sanction can be named.
"""

from collections.abc import Callable

# (code, label in the active language) of every sanction in force, lightest first.
SanctionCatalogue = Callable[[], list[tuple[str, str]]]

_providers: list[SanctionCatalogue] = []


def register_sanction_catalogue(provider: SanctionCatalogue) -> None:
    """Set the provider (the sanctions app, at start-up); registering again replaces it."""
    _providers[:] = [provider]


def sanction_choices() -> list[tuple[str, str]]:
    return _providers[0]() if _providers else []


def is_known_sanction(code: str) -> bool:
    return any(known == code for known, _label in sanction_choices())
