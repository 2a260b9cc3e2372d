"""Who receives a copy of a letter (tembusan): the administrators' table accounts.LetterCopyRecipient, by letter kind
and track (docs/legal-basis.md §7.3), written out for the agency (`c.copies`, printed by letters/_copies.html)."""

from accounts.models import Agency, LetterCopyRecipient
from casework.letters.letterhead import letterhead


def letter_copies(agency: Agency, kind: str, *, track: str = "", office: str | None = None) -> list[str]:
    """The copies of a letter of `kind` on `track` (the rows of its track, else those for every track), in order, with
    the agency's region, government and personnel office (`office`, by default the name on its kop) written in."""
    rows = LetterCopyRecipient.objects.filter(letter_kind=kind)
    chosen = [row.recipient for row in rows.filter(track=track)] if track else []
    if not chosen:
        chosen = [row.recipient for row in rows.filter(track="")]
    office = letterhead(agency)["office"] if office is None else office
    values = {"{region}": agency.region_name, "{government}": agency.name, "{office}": office}
    copies = []
    for recipient in chosen:
        for placeholder, value in values.items():
            recipient = recipient.replace(placeholder, value)
        copies.append(" ".join(recipient.split()))
    return copies
