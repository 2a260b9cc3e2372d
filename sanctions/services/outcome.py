"""The outcome back to the reporters and the forwarding Bawaslu offices, and the close of the case.

- When a decision takes effect (sanctions.services.execution), every report of the case gets its public-safe outcome
  (violations.services.outcomes: proven, sanction code and name, decision date and number), which the Bawaslu API
  shows as `outcome`; and each Bawaslu office that forwarded a report of the case gets a reply letter
  (`bawaslu_reply`), once per decision and office. A case with decisions on both tracks reports the discipline
  decision; an ethics decision reports only when the case has no live discipline decision.
- An annulled decision (objection) reports `proven = false`.
- When every live decision of the case is final (in effect with its execution completed or with nothing to execute,
  or annulled) the case closes (casework.case_close) and each of its reports becomes `closed`.
H1's signing makes the reports `decided`; nothing here touches that.
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from casework.letters import letter_request
from casework.models import CASE_LIFECYCLE, Case, Letter
from casework.selectors import case_reports
from casework.services import case_close
from sanctions.letter_contents.bawaslu_reply import bawaslu_reply_context
from sanctions.models import DEAD_DECISION_STATUSES, Decision
from violations.models import BawasluForwarding, Report
from violations.services import report_close, report_outcome_set

_S = Decision.Status
_E = Decision.Execution
# Decisions that no longer count for closing the case (an annulled one does: it is final).
REPLACED_STATUSES: frozenset[str] = frozenset({_S.CANCELLED, _S.SUPERSEDED})
FINAL_EXECUTION: frozenset[str] = frozenset({_E.COMPLETED, _E.NOT_APPLICABLE})
# Stored as a msgid and translated when shown (core.timeline, the case page): the system's own reason.
CLOSE_REASON = gettext_noop("Every decision on the case took effect and was carried out, or was annulled.")


def letter_actor(decision: Decision) -> Actor:
    """Who requests a letter the system issues on its own (e.g. at the daily take-effect run): the signatory."""
    return decision.signed_by or decision.competent_official or decision.drafted_by


def _reports_outcome(decision: Decision) -> bool:
    if decision.track == Decision.Track.DISCIPLINE:
        return True
    return not (
        Decision.objects.filter(case_id=decision.case_id, track=Decision.Track.DISCIPLINE)
        .exclude(status__in=DEAD_DECISION_STATUSES)
        .exists()
    )


def _set_outcomes(decision: Decision, *, proven: bool, decided_at: datetime.date, decision_number: str) -> list[Report]:
    sanction = decision.sanction_type if proven else None
    reports = list(case_reports(case=decision.case))
    for report in reports:
        report_outcome_set(
            report=report,
            proven=proven,
            decided_at=decided_at,
            sanction_type=sanction.code if sanction else "",
            sanction_label=sanction.name if sanction else "",
            decision_number=decision_number,
        )
    return reports


def _request_bawaslu_replies(
    decision: Decision, reports: list[Report], *, annulment: dict[str, str] | None = None
) -> list[Letter]:
    by_office: dict[int, list[BawasluForwarding]] = defaultdict(list)
    for forwarding in (
        BawasluForwarding.objects.filter(report__in=reports).select_related("office", "report").order_by("id")
    ):
        by_office[forwarding.office_id].append(forwarding)
    letters = []
    for office_id, forwardings in sorted(by_office.items()):
        replies = Letter.objects.filter(
            case_id=decision.case_id,
            kind="bawaslu_reply",
            context__decision_id=decision.pk,
            context__office_id=office_id,
        )
        if annulment is None:
            already = replies.filter(context__annulment=None).exists()
        else:
            already = replies.filter(context__annulment__number=annulment["number"]).exists()
        if already:
            continue
        letters.append(
            letter_request(
                case=decision.case,
                kind="bawaslu_reply",
                actor=letter_actor(decision),
                context=bawaslu_reply_context(decision, forwardings, annulment=annulment),
            )
        )
    return letters


@transaction.atomic
def decision_outcome_publish(*, decision: Decision) -> list[Letter]:
    """The decision took effect: the reports' outcome and the replies to Bawaslu (see the module docstring)."""
    if not _reports_outcome(decision) or decision.decision_date is None:
        return []
    reports = _set_outcomes(
        decision,
        proven=decision.outcome == Decision.Outcome.SANCTION,
        decided_at=decision.decision_date,
        decision_number=decision.number,
    )
    return _request_bawaslu_replies(decision, reports)


@transaction.atomic
def decision_annulment_publish(
    *, decision: Decision, decided_on: datetime.date, decision_number: str, remedy: str = "keberatan", by: str = ""
) -> list[Letter]:
    """The decision was annulled on objection (or by the BPASN on appeal): the reports' outcome becomes not proven
    (no sanction), and each forwarding Bawaslu office is told so, citing the act that annulled it (`by`: who issued
    it when not the agency, e.g. the BPASN; `remedy`: "keberatan" or "banding administratif")."""
    if not _reports_outcome(decision):
        return []
    reports = _set_outcomes(decision, proven=False, decided_at=decided_on, decision_number=decision_number)
    annulment = {"number": decision_number, "date": decided_on.isoformat(), "remedy": remedy, "by": by}
    return _request_bawaslu_replies(decision, reports, annulment=annulment)


def case_is_final(case: Case) -> bool:
    live = list(Decision.objects.filter(case=case).exclude(status__in=REPLACED_STATUSES))
    return bool(live) and all(
        decision.status == _S.ANNULLED
        or (decision.status == _S.EFFECTIVE and decision.execution_status in FINAL_EXECUTION)
        for decision in live
    )


@transaction.atomic
def case_close_if_final(*, case: Case, actor: Actor | None) -> bool:
    """Close the case and its reports when every live decision is final; True when the case is (now) closed."""
    case = CASE_LIFECYCLE.lock(case)
    if case.status == Case.Status.CLOSED:
        return True
    if case.status != Case.Status.DECIDED or not case_is_final(case):
        return False
    # actor None: the daily run (the system) closes the case; case_close and report_close record it as such.
    case_close(case=case, actor=actor, reason=CLOSE_REASON)
    for report in case_reports(case=case):
        if report.can_transition_to(Report.Status.CLOSED):
            report_close(report=report, actor=actor, case_number=case.number)
    return True
