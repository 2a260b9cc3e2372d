"""What the decision pages share: finding a decision (or a case) through the scoped selectors, the base classes of
the action views (core.web_actions), the sanction guidance beside a draft and a decision's contents on a form.

Each action view finds its target (a decision the user may not see is simply not found), checks the permission
predicate of sanctions.permissions (403 otherwise; the services check again, they hold the rule), calls exactly one
service with the version the user saw and goes back to the decision's page with a message. A refused action is a
message, never a 500; a stale version writes nothing.
"""

import datetime
from collections.abc import Callable
from typing import Any, ClassVar

from django import forms
from django.http import Http404, HttpRequest
from django.urls import reverse

from accounts.actors import Viewer
from accounts.web_actions import StaffActionView
from casework import selectors as case_selectors
from casework.models import Case
from casework.permissions import can_view_cases
from core.errors import DomainError
from sanctions import forms as f
from sanctions import selectors
from sanctions.models import Decision, SanctionType
from sanctions.permissions import can_draft_decision, can_open_decisions
from sanctions.sanction_guidance import SanctionGuidance
from sanctions.services import objection_window_ends
from sanctions.services.decision_contents import default_copies, default_references
from violations.models import SanctionLevel

LEVEL_LABELS = dict(SanctionLevel.choices)
# The services name some arguments differently from the form fields that carry them.
FIELD_OF_ARGUMENT = {
    "sanction_code": "sanction_type",
    "sanction": "sanction_type",
    "violation_codes": "violation_types",
    "detail": "reason",
}


def decision_or_404(request: HttpRequest, decision_id: int) -> Decision:
    decision = selectors.decision_get_for_user(user=request.user, decision_id=decision_id)
    if decision is None:
        raise Http404
    return decision


def decision_url(decision: Decision) -> str:
    return reverse("sanctions:decision-detail", kwargs={"decision_id": decision.pk})


def awaits_receipt(decision: Decision) -> bool:
    """Sent to the address, its date of receipt not yet taken from the delivery proof: the decision waits."""
    return (
        decision.status == Decision.Status.DELIVERED
        and decision.delivery_method == Decision.Delivery.SENT
        and decision.received_on is None
    )


def shown_objection_window_ends(decision: Decision) -> datetime.date | None:
    """D11 (objection) or D13 (appeal) from the receipt; nothing when no sanction was imposed."""
    if decision.received_on is None or decision.outcome != Decision.Outcome.SANCTION:
        return None
    try:
        return objection_window_ends(decision)
    except DomainError:
        return None  # a rule not in force on that date: nothing to show


# --- the sanction guidance beside a draft -----------------------------------------------------------------------------


def level_label(guidance: SanctionGuidance | None) -> str:
    level = getattr(guidance, "discipline_level", "")
    return str(LEVEL_LABELS.get(level, level))


def guidance_for(decision: Decision) -> SanctionGuidance | None:
    if decision.outcome == Decision.Outcome.DISMISSAL:
        return None
    codes = [violation.code for violation in decision.violation_types.all()]
    return selectors.guidance_for_case(case=decision.case, violation_codes=codes or None)


def recommended_sanction(case: Case) -> SanctionType | None:
    """The catalogue row of the sanction the LHP recommends (for the accused's employee type), if any."""
    report = getattr(case, "examination_report", None)
    if report is None or not report.recommended_sanction_code:
        return None
    return f.sanctions_in_force(employee_type(case)).filter(code=report.recommended_sanction_code).first()


def guidance_context(case: Case, guidance: SanctionGuidance | None) -> dict[str, Any]:
    """What the drafting pages show beside the form: the examination report (LHP), its recommended sanction, and the
    guidance."""
    return {
        "examination_report": getattr(case, "examination_report", None),
        "recommended_sanction": recommended_sanction(case),
        "guidance": guidance,
        "guidance_level": level_label(guidance),
    }


def employee_type(case: Case) -> str | None:
    return case.accused.employee_type if case.accused else None


# --- a decision's contents on a form ----------------------------------------------------------------------------------


def draft_initial(case: Case) -> dict[str, Any]:
    """A new draft as the LHP suggests it, with the case's default references and copies."""
    report = getattr(case, "examination_report", None)
    initial: dict[str, Any] = {"track": Decision.Track.DISCIPLINE}
    if report is not None:
        initial["violation_types"] = list(report.violation_types.all())
        initial["outcome"] = Decision.Outcome.SANCTION if report.proven else Decision.Outcome.DISMISSAL
        sanction = recommended_sanction(case)
        if sanction is not None:
            initial["sanction_type"] = sanction
    initial["references"] = default_references(case)
    track = initial["sanction_type"].track if "sanction_type" in initial else Decision.Track.DISCIPLINE
    initial["copies"] = default_copies(case, track=track)
    return initial


def contents_initial(decision: Decision) -> dict[str, Any]:
    """The form's initial values for a decision's contents (to edit a draft or correct a signed decision)."""
    return {
        "outcome": decision.outcome,
        "sanction_type": decision.sanction_type,
        "violation_types": list(decision.violation_types.all()),
        "considerations": decision.considerations,
        "references": decision.references,
        "copies": decision.copies,
        "new_position": decision.new_position,
        "dismissal_date": decision.dismissal_date,
        "sanction_change_reason": decision.sanction_change_reason,
    }


def _unchanged_or(value: list[Any], original: list[Any], as_text: Callable[[list[Any]], str]) -> list[Any] | None:
    """None (keep the service's or the draft's own list, with details the form does not show) when the officer left
    the list as it was shown."""
    return None if as_text(value) == as_text(original) else value


def decision_contents(form: forms.Form, *, references: list[Any], copies: list[str]) -> dict[str, Any]:
    """The service arguments for a decision's contents; references and copies only when changed."""
    data = form.cleaned_data
    content: dict[str, Any] = {
        "violation_codes": [violation.code for violation in data["violation_types"]],
        "considerations": data["considerations"],
        "references": _unchanged_or(data["references"], references, f.references_to_text),
        "copies": _unchanged_or(data["copies"], copies, "\n".join),
    }
    if "sanction_type" in data:
        content["sanction_code"] = data["sanction_type"].code if data["sanction_type"] else ""
    for name in ("outcome", "new_position", "dismissal_date", "sanction_change_reason"):
        if name in data:
            content[name] = data[name]
    return content


# --- the action views -------------------------------------------------------------------------------------------------


class SanctionsAction(StaffActionView):
    """An action page of the decision workflow: the sanctions template, the services' argument names."""

    default_template = "sanctions/action_form.html"
    field_of_argument = FIELD_OF_ARGUMENT


class DecisionAction(SanctionsAction):
    """An action on one decision: found through sanctions.selectors (404 otherwise); `allowed` is its predicate; the
    form carries the decision's version; success and conflict go back to the decision's page (a `Done` naming a new
    version goes to that version's page)."""

    role = staticmethod(can_open_decisions)
    form_class: ClassVar[type[f.VersionedForm]]

    @staticmethod
    def allowed(user: Viewer, decision: Decision) -> bool:
        raise NotImplementedError

    def get_target(self) -> Decision:
        return decision_or_404(self.request, self.kwargs["decision_id"])

    def is_allowed(self, target: Decision) -> bool:
        return self.allowed(self.actor, target)

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        return {"version": target.version}

    def target_url(self, target: Decision) -> str:
        return decision_url(target)

    def context(self, target: Decision, form: forms.Form) -> dict[str, Any]:
        return {"decision": target, "case": target.case}


def drafter(user: Viewer, decision: Decision) -> bool:
    """Edit, submit or cancel a draft: whoever may draft on its case."""
    return can_draft_decision(user, decision.case)


class CaseAction(SanctionsAction):
    """An action on a case (drafting a decision): found through casework.selectors (404 otherwise); a conflict goes
    back to the case's page, a success to the decision it made."""

    role = staticmethod(can_view_cases)

    def get_target(self) -> Case:
        case = case_selectors.case_get_for_user(user=self.request.user, case_id=self.kwargs["case_id"])
        if case is None:
            raise Http404
        return case

    def target_url(self, target: Case | Decision) -> str:
        if isinstance(target, Decision):
            return decision_url(target)
        return reverse("casework:case-detail", kwargs={"case_id": target.pk})

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        return {"case": target, "decision": None}
