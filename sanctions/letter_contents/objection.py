"""What the letters on an objection or appeal say: the statement that a late one is inadmissible, and the decision
on it (a Keputusan). Like every letter, the snapshot is all the template reads (casework.letters).
"""

from typing import Any

from casework.letter_snapshots import case_context, person
from sanctions.letter_contents.decision import DISCIPLINE_STATUTES, decision_summary, number_words, signatory
from sanctions.models import Decision, Objection, SanctionType, StaffingAuthority

# Mengingat of a decision on an objection or appeal, before the catalogue's regulations.
OBJECTION_STATUTES: tuple[str, ...] = (
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
    *DISCIPLINE_STATUTES,
    "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif dan Badan Pertimbangan Aparatur Sipil Negara",
)


def _clause(line: str) -> str:
    """A reason as a "bahwa …" clause: no final stop, a lower-case start unless it opens with an acronym or name."""
    text = line.strip().rstrip(";.")
    if len(text) > 1 and text[0].isupper() and text[1].islower() and text.split()[0] not in NAME_WORDS:
        text = text[0].lower() + text[1:]
    return text


# Words that keep their capital at the start of a clause.
NAME_WORDS: frozenset[str] = frozenset({"Bupati", "Bawaslu", "Pasal", "Peraturan", "Undang-Undang", "Keputusan"})


def _authority_signatory(authority: StaffingAuthority | None, decision: Decision) -> dict[str, str]:
    if authority is None:
        return signatory(decision)
    return {**person(authority.user), "position": authority.title}


def objection_inadmissible_context(
    objection: Objection, *, authority: StaffingAuthority | None, rule: str
) -> dict[str, Any]:
    """The statement that an objection (or appeal) came after its window (rule D11 or D13) and is not considered."""
    decision = objection.decision
    return case_context(
        decision.case,
        decision_id=decision.pk,
        objection_id=objection.pk,
        kind=objection.kind,
        filed_on=objection.filed_on,
        filed_by_name=objection.filed_by_name,
        window_ends_on=objection.window_ends_on,
        window_rule=rule,
        decision=decision_summary(decision),
        signatory=_authority_signatory(authority, decision),
    )


def objection_decision_context(
    objection: Objection, *, authority: StaffingAuthority | None, new_decision: Decision | None
) -> dict[str, Any]:
    """The Keputusan on an objection or appeal: upheld, changed (with the new decision) or annulled."""
    decision = objection.decision
    title = authority.title if authority is not None else decision.competent_official_title
    statutes = list(OBJECTION_STATUTES)
    sanction = (new_decision or decision).sanction_type
    # PP 94/2021 is already cited in full; the catalogue adds PP 42/2004 (ethics) or the ASN law (PTDH).
    if sanction is not None and sanction.track != SanctionType.Track.DISCIPLINE and sanction.regulation not in statutes:
        statutes.append(sanction.regulation)
    kind_word = "banding administratif" if objection.kind == Objection.Kind.APPEAL else "keberatan"
    name = decision.case.accused.name if decision.case.accused else decision.case.accused_name
    context = case_context(
        decision.case,
        decision_id=decision.pk,
        objection_id=objection.pk,
        kind=objection.kind,
        kind_word=kind_word,
        official_title=title,
        subject=f"penyelesaian {kind_word} atas hukuman disiplin Pegawai Negeri Sipil atas nama {name}",
        filed_on=objection.filed_on,
        filed_by_name=objection.filed_by_name,
        grounds=objection.grounds,
        outcome=objection.outcome,
        reasons=[_clause(line) for line in objection.outcome_reason.splitlines() if line.strip()],
        decided_on=objection.decided_on,
        decision_date=objection.decided_on,
        letter_date=objection.decided_on,
        decision=decision_summary(decision),
        new_decision=decision_summary(new_decision) if new_decision is not None else None,
        statutes=statutes,
        signatory=_authority_signatory(authority, decision),
        copies=list(decision.copies),
    )
    if new_decision is not None and new_decision.sanction_type and new_decision.sanction_type.duration_months:
        context["new_decision"]["sanction"]["duration_words"] = number_words(new_decision.sanction_type.duration_months)
    return context
