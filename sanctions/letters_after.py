"""Content snapshots of the letters after the decision: the inadmissibility statement of a late objection, the
decision on an objection (a Keputusan) and the reply to a forwarding Bawaslu office with the outcome.

Like every letter, the snapshot is all the template reads (casework.letters). The reply to Bawaslu names the
office's own register numbers and the outcome only: never the reporter, nothing from the examination.
"""

import datetime
from typing import Any

from django.utils import timezone

from casework.services.context import case_context, person
from sanctions.letters import DISCIPLINE_STATUTES, number_words, sanction_context, signatory
from sanctions.models import Decision, Objection, SanctionType, StaffingAuthority
from violations.models import BawasluForwarding

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


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day is not None else ""


def decision_summary(decision: Decision) -> dict[str, Any]:
    """The decision as later letters cite it."""
    return {
        "id": decision.pk,
        "number": decision.number,
        "date": _iso(decision.decision_date),
        "received_on": _iso(decision.received_on),
        "effective_on": _iso(decision.effective_on),
        "track": decision.track,
        "outcome": decision.outcome,
        "proven": decision.outcome == Decision.Outcome.SANCTION,
        "sanction": sanction_context(decision.sanction_type),
        "official_title": decision.competent_official_title,
        "version_number": decision.version_number,
    }


def _authority_signatory(authority: StaffingAuthority | None, decision: Decision) -> dict[str, str]:
    if authority is None:
        return signatory(decision)
    return {**person(authority.user), "position": authority.title}


def objection_inadmissible_context(
    objection: Objection, *, authority: StaffingAuthority | None, rule: str
) -> dict[str, Any]:
    """The statement that an objection (or appeal) came after its window (rule D11/D13) and is not considered."""
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


def bawaslu_reply_context(
    decision: Decision, forwardings: list[BawasluForwarding], *, annulment: dict[str, str] | None = None
) -> dict[str, Any]:
    """The reply to one Bawaslu office: its register numbers and the outcome; no reporter, no examination detail.

    `annulment` ({"number", "date"} of the Keputusan on the objection) when the decision was annulled: the outcome is
    then "not proven, no sanction".
    """
    office = forwardings[0].office
    case = decision.case
    accused = case.accused
    summary = decision_summary(decision)
    if annulment is not None:
        summary.update(proven=False, sanction=None, effective_on="")
    return {
        "case_number": case.number,
        "decision_id": decision.pk,
        "office_id": office.pk,
        "office": {"name": office.name, "address": office.address},
        "forwardings": [
            {
                "reference_number": forwarding.reference_number,
                "letter_number": forwarding.letter_number,
                "origin": forwarding.origin,
                "received_on": timezone.localdate(forwarding.report.received_at).isoformat(),
            }
            for forwarding in forwardings
        ],
        "accused": {
            "name": accused.name if accused else case.accused_name,
            "position": accused.position_title if accused else "",
        },
        "decision": summary,
        "annulment": annulment,
        "signatory": signatory(decision),
    }
