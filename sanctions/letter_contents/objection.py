"""What the letters on an objection or appeal say: the statement that a late objection is inadmissible, the decision
on an objection (a Keputusan of the official the remedy rule names: the PPK, or the superior of the official who
decided), and the PPK's response to the BPASN on an appeal. Like every letter, the snapshot is all the template reads
(casework.letters); the employee is named by type (a PPPK is never a "Pegawai Negeri Sipil").
"""

from typing import Any

from accounts.actors import Actor
from casework.letter_snapshots import case_context, clauses, letter_copies, person, statutes_in_order
from casework.letter_snapshots.statutes import PP_REMEDIES
from casework.letters.letterhead import decree_letterhead, unit_letterhead
from core import clock
from core.calendar import deadline_rule_get
from core.errors import DomainError
from sanctions.competent_official import BPASN_TITLE, ObjectionRouting
from sanctions.letter_contents.citations import accused_name, employee_label, frozen_accused, statutes
from sanctions.letter_contents.decision import decision_summary, number_words, signatory
from sanctions.models import Decision, Objection

PP79_STATUTE = PP_REMEDIES.full
# Where the PPK's response to an appeal goes, and who gets a copy when the distribution table (accounts'
# LetterCopyRecipient) has no rows for the letter kind `appeal_response`.
APPEAL_RESPONSE_ADDRESSEE = f"Ketua {BPASN_TITLE}"
APPEAL_RESPONSE_PLACE = "Jakarta"


def _signer(user: Actor | None, title: str, decision: Decision) -> dict[str, str]:
    """The signatory block: the person who signs in the title the rule gives (the decision's own signatory when the
    official is not in Netra)."""
    if user is None:
        return {**signatory(decision), "position": title or decision.competent_official_title}
    return {**person(user), "position": title}


def _working_days(rule: str, default: int = 14) -> int:
    """The count of a deadline rule as the letter states it (the catalogue holds the rule itself)."""
    try:
        count = deadline_rule_get(rule).count
    except DomainError:
        return default
    return int(count) if count else default


def _heading(routing: ObjectionRouting, decision: Decision) -> dict[str, Any]:
    """The heading of the official who decides: the government's for the PPK, his unit's for a superior."""
    agency = decision.case.agency
    return unit_letterhead(agency, routing.unit_name) if routing.unit_name else decree_letterhead(agency)


def _remedy_words(objection: Objection) -> str:
    return "banding administratif" if objection.is_appeal else "keberatan"


def _accused(decision: Decision) -> dict[str, Any]:
    """The accused as the decision objected to froze them (nothing: the case's register entry, for older ones)."""
    frozen = frozen_accused(decision)
    return {"accused": frozen} if frozen else {}


def _matter(decision: Decision) -> str:
    return "sanksi moral" if decision.track == Decision.Track.ETHICS else "hukuman disiplin"


def objection_inadmissible_context(objection: Objection, *, routing: ObjectionRouting) -> dict[str, Any]:
    """The statement that an objection came after its window (rule D11) and is not considered, in the name of the
    official who decides objections against the decision."""
    decision = objection.decision
    return case_context(
        decision.case,
        **_accused(decision),
        decision_id=decision.pk,
        objection_id=objection.pk,
        kind=objection.kind,
        kind_word=_remedy_words(objection),
        matter=_matter(decision),
        employee_label=employee_label(decision),
        filed_on=objection.filed_on,
        filed_by_name=objection.filed_by_name,
        window_ends_on=objection.window_ends_on,
        window_rule=routing.rule.window_rule,
        window_working_days=_working_days(routing.rule.window_rule),
        decision=decision_summary(decision),
        statute=PP79_STATUTE,
        signatory=_signer(routing.official, routing.title, decision),
        letterhead=_heading(routing, decision),
        copies=letter_copies(decision.case.agency, "objection_inadmissible", track=decision.track),
    )


def objection_decision_context(objection: Objection, *, routing: ObjectionRouting, signer: Actor) -> dict[str, Any]:
    """The Keputusan on an objection: upheld, changed (with the new decision) or annulled, by `signer` in the title the
    remedy rule's routing gives (the PPK's, or that of the superior of the official who decided)."""
    decision = objection.decision
    new_decision = objection.new_decision
    violations = sorted(decision.violation_types.all(), key=lambda violation: violation.code)
    on = objection.decided_on or decision.decision_date
    cited = statutes_in_order([*statutes(new_decision or decision, violations), PP79_STATUTE], on=on or clock.today())
    kind_word = _remedy_words(objection)
    name = accused_name(decision)
    label = employee_label(decision)
    context = case_context(
        decision.case,
        **_accused(decision),
        decision_id=decision.pk,
        objection_id=objection.pk,
        kind=objection.kind,
        kind_word=kind_word,
        matter=_matter(decision),
        employee_label=label,
        official_title=routing.title,
        issuer={"decider": routing.rule.decider, "title": routing.title},
        subject=f"penyelesaian {kind_word} atas {_matter(decision)} {label} atas nama {name}",
        filed_on=objection.filed_on,
        filed_by_name=objection.filed_by_name,
        grounds=objection.grounds,
        outcome=objection.outcome,
        reasons=clauses(objection.outcome_reason),
        decided_on=objection.decided_on,
        decision_date=objection.decided_on,
        letter_date=objection.decided_on,
        decision=decision_summary(decision),
        new_decision=decision_summary(new_decision) if new_decision is not None else None,
        statutes=cited,
        signatory=_signer(signer, routing.title, decision),
        letterhead=_heading(routing, decision),
        copies=letter_copies(decision.case.agency, "objection_decision", track=decision.track),
    )
    if new_decision is not None and new_decision.sanction_type and new_decision.sanction_type.duration_months:
        context["new_decision"]["sanction"]["duration_words"] = number_words(new_decision.sanction_type.duration_months)
    return context


def appeal_response_context(objection: Objection, *, title: str, signer: Actor) -> dict[str, Any]:
    """The PPK's letter to the BPASN answering an appeal (rule D14): the decision appealed, the appeal, the response."""
    decision = objection.decision
    due = objection.due_on
    return case_context(
        decision.case,
        **_accused(decision),
        decision_id=decision.pk,
        objection_id=objection.pk,
        employee_label=employee_label(decision),
        addressee=APPEAL_RESPONSE_ADDRESSEE,
        addressee_place=APPEAL_RESPONSE_PLACE,
        filed_on=objection.filed_on,
        filed_by_name=objection.filed_by_name,
        grounds=objection.grounds,
        filed_late=objection.filed_late,
        window_ends_on=objection.window_ends_on,
        due_on=due,
        due_rule=objection.due_rule,
        response=[line.strip() for line in objection.response_summary.splitlines() if line.strip()],
        decision=decision_summary(decision),
        dismissal_date=decision.dismissal_date,
        statute=PP79_STATUTE,
        letter_date=objection.responded_on,
        signatory=_signer(signer, title, decision),
        letterhead=decree_letterhead(decision.case.agency, with_address=True),
        copies=letter_copies(decision.case.agency, "appeal_response"),
    )
