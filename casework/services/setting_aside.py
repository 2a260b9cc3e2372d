"""Setting steps of the examination aside: kept on record as evidence, no longer a basis of the procedure.

Used inside the transaction of the service that decides it (the case is locked and its audit event says what was
set aside); nothing is deleted, and the letters of those steps stay issued and verifiable.
"""

from collections.abc import Iterable

from casework.models import Case, Examination, Summons
from core import clock


def _set_aside(rows: Iterable[Summons | Examination], *, why: str, reason: str) -> None:
    now = clock.now()
    for row in rows:
        row.set_aside_at, row.set_aside_why, row.set_aside_reason = now, why, reason
        row.save(update_fields=["set_aside_at", "set_aside_why", "set_aside_reason", "updated_at"])


def summonses_set_aside(summonses: Iterable[Summons], *, why: str, reason: str) -> list[str]:
    """Set these summonses aside; returns what the audit event records ("summons_1", ...)."""
    rows = list(summonses)
    _set_aside(rows, why=why, reason=reason)
    return [f"summons_{summons.number}" for summons in rows]


def steps_set_aside(case: Case, *, why: str, reason: str) -> list[str]:
    """Set aside every current summons and the current examination (BAP) of the case; returns what was."""
    done = summonses_set_aside(
        Summons.objects.current().filter(case=case).select_for_update().order_by("number"), why=why, reason=reason
    )
    examination = Examination.objects.current().filter(case=case).select_for_update().first()
    if examination is not None:
        _set_aside([examination], why=why, reason=reason)
        done.append("examination")
    return done
