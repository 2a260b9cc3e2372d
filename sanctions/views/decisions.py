"""Reading decisions: the inbox and list (awaiting my signature, my review; pending objections) and one decision's
page with its dates, letters, versions and the actions the user may take now."""

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts.actors import Viewer
from casework import selectors as case_selectors
from core import clock
from core.calendar import deadline_for
from core.deadline_catalogue import DeadlineCode
from core.decorators import role_required
from core.errors import DomainError
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import selectors
from sanctions.follow_through import can_read_follow_through
from sanctions.models import CORRECTABLE_STATUSES, Decision, Objection
from sanctions.views.base import (
    awaits_receipt,
    decision_or_404,
    guidance_context,
    guidance_for,
    shown_objection_window_ends,
)

PAGE_SIZE = 25
_S = Decision.Status


@role_required(p.can_open_decisions)
@require_http_methods(["GET"])
def decision_list(request: HttpRequest) -> HttpResponse:
    """The inbox (awaiting my signature, my review; pending objections) and every decision the user may see."""
    user = request.user
    form = f.DecisionFilterForm(request.GET or None)
    decisions = selectors.decision_list_for_user(user=user)
    if form.is_valid():
        if form.cleaned_data["status"]:
            decisions = decisions.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["case"]:
            decisions = decisions.filter(case__number__icontains=form.cleaned_data["case"].strip())
    context = {
        "form": form,
        "page": Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page")),
        "awaiting_signature": list(selectors.decisions_awaiting_my_signature(user=user)),
        "awaiting_review": list(selectors.decisions_awaiting_my_review(user=user)),
        "objections": list(selectors.objections_pending_for_user(user=user)),
        "today": clock.today(),
        "can_read_register": can_read_follow_through(user),
    }
    return render(request, "sanctions/decision_list.html", context)


def _deadline(rule: str, anchor: datetime.date | None) -> datetime.date | None:
    if anchor is None:
        return None
    try:
        return deadline_for(rule, anchor)
    except DomainError:
        return None  # a rule not in force on that date: nothing to show


def _dates(decision: Decision) -> dict[str, Any]:
    """The due dates the decision page shows (D8 delivery, D10 effect, D11 objection window)."""
    delivery_due = None if decision.delivery_method else _deadline(DeadlineCode.DELIVERY, decision.decision_date)
    return {
        "delivery_due": delivery_due,
        "delivery_overdue": bool(delivery_due and delivery_due < clock.today()),
        "effective_expected": _deadline(DeadlineCode.EFFECTIVE, decision.received_on),
        "objection_window_ends": shown_objection_window_ends(decision),
    }


def _actions(user: Viewer, decision: Decision) -> dict[str, bool]:
    """Which buttons the decision page shows; the services decide again when one is used."""
    status = decision.status
    drafter = status == _S.DRAFT and p.can_draft_decision(user, decision.case)
    signer = status == _S.AWAITING_SIGNATURE and p.can_sign_decision(user, decision)
    after = p.can_record_after_decision(user, decision)
    actions = {
        "update": drafter,
        "submit": drafter,
        "cancel": drafter,
        "review": status == _S.IN_REVIEW and p.can_review_decision(user, decision),
        "sign": signer,
        "return_by_official": signer,
        "declare_conflict": signer,
        "correct": status in CORRECTABLE_STATUSES and p.can_correct_decision(user, decision),
        "deliver": status == _S.SIGNED and after,
        "record_receipt": awaits_receipt(decision) and after,
        "file_objection": status in {_S.DELIVERED, _S.EFFECTIVE}
        and decision.outcome == Decision.Outcome.SANCTION
        and after,
        "decide_objection": status == _S.OBJECTED and p.can_decide_objection(user, decision),
        "record_execution": status == _S.EFFECTIVE and after,
    }
    actions["any"] = any(value for key, value in actions.items() if key != "decide_objection")
    return actions


class _ObjectionRow:
    """An objection or appeal as the decision page shows it: its due date computed now (D12 decided, D14 the PPK's
    response; `Objection.due_on`), whether it is past it, and what the user may do with it."""

    def __init__(self, objection: Objection, *, user: Viewer, decision: Decision, today: datetime.date) -> None:
        self.objection = objection
        pending = objection.status == Objection.Status.PENDING
        self.due = objection.due_on
        awaiting = objection.awaits_response if objection.is_appeal else pending
        self.is_overdue = bool(awaiting and self.due and self.due < today)
        self.can_decide = pending and not objection.is_appeal and p.can_decide_objection(user, decision)
        self.can_respond = objection.awaits_response and p.can_respond_to_appeal(user, decision)
        self.can_record_ruling = pending and objection.is_appeal and p.can_record_appeal_ruling(user, decision)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.objection, name)


@role_required(p.can_open_decisions)
@require_http_methods(["GET"])
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = decision_or_404(request, decision_id)
    case = decision.case
    today = clock.today()
    guidance = guidance_for(decision) if decision.status == _S.DRAFT else None
    context = {
        "decision": decision,
        "case": case,
        "can_open_case": case_selectors.case_get_for_user(user=request.user, case_id=case.pk) is not None,
        "violations": list(decision.violation_types.order_by("code")),
        "versions": selectors.decision_versions(decision=decision),
        "newer": getattr(decision, "next_version", None),
        "letters": selectors.decision_letters(decision=decision),
        "recusals": list(decision.recusals.select_related("official")),
        "objections": [
            _ObjectionRow(objection, user=request.user, decision=decision, today=today)
            for objection in decision.objections.select_related("new_decision", "remedy_rule", "response_letter")
        ],
        "execution_records": list(decision.execution_records.select_related("unit")),
        **guidance_context(case, guidance),
        "departs_from_lhp": bool(decision.sanction_change_reason),
        "awaits_receipt": awaits_receipt(decision),
        "dates": _dates(decision),
        "actions": _actions(request.user, decision),
        "waiting_on": selectors.decision_waiting_on(decision),
    }
    return render(request, "sanctions/decision_detail.html", context)
