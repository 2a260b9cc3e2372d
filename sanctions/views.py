"""Decision web pages: the inbox and list, one decision, its letters, the follow-through register, and one view per
service of sanctions.services.

Reads go through sanctions.selectors (a decision the user may not see is simply not found). Each action view checks
the permission predicate of sanctions.permissions (403 otherwise; the services check again, they hold the rule),
parses its form, calls exactly one service with the version of the decision the user saw, and goes back to the
decision page with a message. A refused action is a message, never a 500; a stale version writes nothing.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from casework import selectors as case_selectors
from casework.audit_actions import LETTER_DOWNLOADED
from casework.models import Case
from casework.permissions import can_view_cases
from core.audit import audit_record
from core.calendar import deadline_for
from core.decorators import role_required
from core.errors import ConflictError, DomainError
from core.errors import PermissionDenied as ServicePermissionDenied
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import selectors, services
from sanctions.follow_through import can_read_follow_through, follow_through_rows, follow_through_share
from sanctions.models import Decision, Objection
from sanctions.services.decisions import default_copies, default_references
from sanctions.services.objections import objection_kind
from violations.models import SanctionLevel

PAGE_SIZE = 25
# The services name some arguments differently from the form fields that carry them.
FIELD_OF_ARGUMENT = {
    "sanction_code": "sanction_type",
    "sanction": "sanction_type",
    "violation_codes": "violation_types",
    "detail": "reason",
}
Perform = Callable[[forms.Form], str]
_S = Decision.Status
LEVEL_LABELS = dict(SanctionLevel.choices)


def can_open_decisions(user: Any) -> bool:
    """Who reaches the decision pages at all: the agency's case workers and sanctioning officials. Which decisions
    each of them sees is sanctions.selectors' business."""
    return bool(user.is_authenticated and (can_view_cases(user) or p.is_sanctioning_official(user)))


# --- reading --------------------------------------------------------------------------------------------------------


@role_required(can_open_decisions)
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
        "today": timezone.localdate(),
        "can_read_register": can_read_follow_through(user),
    }
    return render(request, "sanctions/decision_list.html", context)


def _decision(request: HttpRequest, decision_id: int) -> Decision:
    decision = selectors.decision_get_for_user(user=request.user, decision_id=decision_id)
    if decision is None:
        raise Http404
    return decision


def _deadline(rule: str, anchor: datetime.date | None) -> datetime.date | None:
    if anchor is None:
        return None
    try:
        return deadline_for(rule, anchor)
    except DomainError:
        return None  # a rule not in force on that date: nothing to show


def _objection_window_ends(decision: Decision) -> datetime.date | None:
    """D11 (objection) or D13 (appeal) from the receipt; nothing when no sanction was imposed."""
    if decision.received_on is None or decision.outcome != Decision.Outcome.SANCTION:
        return None
    try:
        return services.objection_window_ends(decision)
    except DomainError:
        return None


def _dates(decision: Decision) -> dict[str, Any]:
    """The due dates the decision page shows (D8 delivery, D10 effect, D11 objection window)."""
    today = timezone.localdate()
    delivery_due = None if decision.delivery_method else _deadline("D8", decision.decision_date)
    return {
        "delivery_due": delivery_due,
        "delivery_overdue": bool(delivery_due and delivery_due < today),
        "effective_expected": _deadline("D10", decision.received_on),
        "objection_window_ends": _objection_window_ends(decision),
    }


def _actions(user: Any, decision: Decision) -> dict[str, bool]:
    """Which buttons the decision page shows; the services decide again when one is used."""
    status = decision.status
    case = decision.case
    drafter = p.can_draft_decision(user, case)
    signer = status == _S.AWAITING_SIGNATURE and p.can_sign_decision(user, decision)
    after = p.can_record_after_decision(user, decision)
    actions = {
        "update": status == _S.DRAFT and drafter,
        "submit": status == _S.DRAFT and drafter,
        "cancel": status == _S.DRAFT and drafter,
        "review": status == _S.IN_REVIEW and p.can_review_decision(user, decision),
        "sign": signer,
        "return_by_official": signer,
        "declare_conflict": signer,
        "correct": status in {_S.SIGNED, _S.DELIVERED, _S.OBJECTED, _S.EFFECTIVE}
        and p.can_correct_decision(user, decision),
        "deliver": status == _S.SIGNED and after,
        "file_objection": status in {_S.DELIVERED, _S.EFFECTIVE}
        and decision.outcome == Decision.Outcome.SANCTION
        and after,
        "decide_objection": status == _S.OBJECTED and p.can_decide_objection(user, decision),
        "record_execution": status == _S.EFFECTIVE and after,
    }
    actions["any"] = any(value for key, value in actions.items() if key != "decide_objection")
    return actions


class _ObjectionRow:
    """An objection as the decision page shows it, with whether it is past its D12 date."""

    def __init__(self, objection: Objection, today: datetime.date) -> None:
        self.objection = objection
        self.is_overdue = bool(
            objection.status == Objection.Status.PENDING and objection.due_on and objection.due_on < today
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self.objection, name)


@role_required(can_open_decisions)
@require_http_methods(["GET"])
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    case = decision.case
    today = timezone.localdate()
    versions = selectors.decision_versions(decision=decision)
    newer = getattr(decision, "next_version", None)
    guidance = _guidance_for(decision) if decision.status == _S.DRAFT else None
    context = {
        "decision": decision,
        "case": case,
        "can_open_case": case_selectors.case_get_for_user(user=request.user, case_id=case.pk) is not None,
        "violations": list(decision.violation_types.order_by("code")),
        "versions": versions,
        "newer": newer,
        "letters": selectors.decision_letters(decision=decision),
        "recusals": list(decision.recusals.select_related("official")),
        "objections": [
            _ObjectionRow(objection, today) for objection in decision.objections.select_related("new_decision")
        ],
        "execution_records": list(decision.execution_records.select_related("unit")),
        "guidance": guidance,
        "guidance_level": _level_label(guidance),
        "dates": _dates(decision),
        "actions": _actions(request.user, decision),
    }
    return render(request, "sanctions/decision_detail.html", context)


def _level_label(guidance: Any) -> str:
    level = getattr(guidance, "discipline_level", "")
    return str(LEVEL_LABELS.get(level, level))


def _guidance_for(decision: Decision) -> Any:
    if decision.outcome == Decision.Outcome.DISMISSAL:
        return None
    codes = [violation.code for violation in decision.violation_types.all()]
    return selectors.guidance_for_case(case=decision.case, violation_codes=codes or None)


def _attachment_headers(response: FileResponse) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(can_open_decisions)
@require_http_methods(["GET"])
def decision_letter_download(request: HttpRequest, decision_id: int, letter_id: int) -> FileResponse:
    """The PDF of one of the decision's letters, for whoever may see the decision (the official who signed it does
    not work on the case, so casework's download would not find it); every download is an audit event."""
    found = selectors.decision_letter_for_user(user=request.user, decision_id=decision_id, letter_id=letter_id)
    if found is None:
        raise Http404
    decision, letter = found
    if not letter.is_issued:
        raise Http404
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    case = decision.case
    with transaction.atomic():
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=LETTER_DOWNLOADED,
            target=case,
            from_status=case.status,
            to_status=case.status,
            data={"letter": letter.pk, "number": letter.number, "sha256": letter.sha256, "decision": decision.pk},
        )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{letter.kind}-{letter.verification_code}.pdf",
        content_type="application/pdf",
    )
    return _attachment_headers(response)


@role_required(can_read_follow_through)
@require_http_methods(["GET"])
def follow_through_register(request: HttpRequest) -> HttpResponse:
    """Every recommendation received (Bawaslu, BKN), its due date, the decision it led to and its execution;
    overdue ones first, naming the official responsible."""
    rows = follow_through_rows(user=request.user)
    executed, total = follow_through_share(rows)
    context = {
        "rows": rows,
        "overdue_count": sum(1 for row in rows if row.is_overdue),
        "executed": executed,
        "total": total,
        # Leadership reads the register only; the case workers open the cases and decisions from it.
        "links": can_view_cases(request.user),
    }
    return render(request, "sanctions/follow_through.html", context)


# --- the shared steps of an action ------------------------------------------------------------------------------------


@dataclass
class Page:
    """What an action's own page shows."""

    title: Any
    submit: Any = ""
    intro: Any = ""
    template: str = "sanctions/action_form.html"


def _decision_page(decision: Decision) -> HttpResponse:
    return redirect("sanctions:decision-detail", decision_id=decision.pk)


def _render(
    request: HttpRequest, *, case: Case, decision: Decision | None, form: forms.Form, page: Page, **extra: Any
) -> HttpResponse:
    back = (
        reverse("sanctions:decision-detail", kwargs={"decision_id": decision.pk})
        if decision is not None
        else reverse("casework:case-detail", kwargs={"case_id": case.pk})
    )
    context = {
        "case": case,
        "decision": decision,
        "form": form,
        "page": page,
        "action_url": request.path,
        "back_url": back,
        **extra,
    }
    return render(request, page.template, context)


def _handle(
    request: HttpRequest,
    *,
    case: Case,
    decision: Decision | None,
    allowed: bool,
    form: forms.Form,
    perform: Callable[[forms.Form], tuple[str, Decision]],
    page: Page,
    **extra: Any,
) -> HttpResponse:
    """Permission, the GET page, validation, the one service call, the message and the redirect."""
    if not allowed:
        raise PermissionDenied
    if request.method != "POST":
        return _render(request, case=case, decision=decision, form=form, page=page, **extra)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below."))
        return _render(request, case=case, decision=decision, form=form, page=page, **extra)
    try:
        success, target = perform(form)
    except ServicePermissionDenied as error:
        raise PermissionDenied(str(error.message)) from error
    except ConflictError as error:
        # A stale version or a state the decision no longer allows: nothing was written; show the current state.
        messages.error(request, str(error.message))
        if decision is not None:
            return _decision_page(decision)
        return redirect("casework:case-detail", case_id=case.pk)
    except DomainError as error:
        messages.error(request, str(error.message))
        field = FIELD_OF_ARGUMENT.get(error.field or "", error.field)
        if field and field in form.fields:
            form.add_error(field, str(error.message))
        return _render(request, case=case, decision=decision, form=form, page=page, **extra)
    messages.success(request, success)
    return _decision_page(target)


# --- drafting -------------------------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: int) -> Case:
    case = case_selectors.case_get_for_user(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    return case


def _draft_initial(case: Case) -> dict[str, Any]:
    report = getattr(case, "examination_report", None)
    initial: dict[str, Any] = {"track": Decision.Track.DISCIPLINE}
    if report is not None:
        initial["violation_types"] = list(report.violation_types.all())
        initial["outcome"] = Decision.Outcome.SANCTION if report.proven else Decision.Outcome.DISMISSAL
        if report.recommended_sanction_code:
            sanction = f.sanctions_in_force().filter(code=report.recommended_sanction_code).first()
            if sanction is not None:
                initial["sanction_type"] = sanction
    initial["references"] = default_references(case)
    initial["copies"] = default_copies(case)
    return initial


def _unchanged_or(value: list[Any], original: list[Any], as_text: Callable[[list[Any]], str]) -> list[Any] | None:
    """None (keep the service's or the draft's own list, with details the form does not show) when the officer left
    the list as it was shown."""
    return None if as_text(value) == as_text(original) else value


def _content(form: forms.Form, *, references: list[Any], copies: list[str]) -> dict[str, Any]:
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
    if "outcome" in data:
        content["outcome"] = data["outcome"]
    return content


def _case_version_current(case: Case, form: f.VersionedForm) -> None:
    """Drafting has no version of its own: refuse a page drawn before the case last changed."""
    current = Case.objects.filter(pk=case.pk).values_list("version", flat=True).first()
    if current != form.version_seen:
        raise ConflictError(
            "stale_version",
            _("The case was changed by someone else meanwhile; nothing was saved. Check it and try again."),
        )


@role_required(can_view_cases)
@require_http_methods(["GET", "POST"])
def decision_draft(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    guidance = selectors.guidance_for_case(case=case)
    initial = _draft_initial(case)
    form = f.DecisionDraftForm(request.POST or None, version=case.version, initial=initial)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.DecisionDraftForm)
        _case_version_current(case, form)
        decision = services.decision_draft(
            case=case,
            actor=request.user,
            track=form.cleaned_data["track"],
            **_content(form, references=initial["references"], copies=initial["copies"]),
        )
        return _("The draft decision was saved; submit it for review when it is ready."), decision

    return _handle(
        request,
        case=case,
        decision=None,
        allowed=p.can_draft_decision(request.user, case),
        form=form,
        perform=perform,
        page=Page(_("Draft a decision"), submit=gettext_lazy("Save the draft")),
        examination_report=getattr(case, "examination_report", None),
        guidance=guidance,
        guidance_level=_level_label(guidance),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_update_draft(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    initial = {
        "outcome": decision.outcome,
        "sanction_type": decision.sanction_type,
        "violation_types": list(decision.violation_types.all()),
        "considerations": decision.considerations,
        "references": decision.references,
        "copies": decision.copies,
    }
    form = f.DecisionUpdateForm(request.POST or None, version=decision.version, initial=initial)
    guidance = _guidance_for(decision)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.DecisionUpdateForm)
        updated = services.decision_update_draft(
            decision=decision,
            actor=request.user,
            expected_version=form.version_seen,
            **_content(form, references=decision.references, copies=decision.copies),
        )
        return _("The draft decision was saved."), updated

    return _handle(
        request,
        case=decision.case,
        decision=decision,
        allowed=p.can_draft_decision(request.user, decision.case),
        form=form,
        perform=perform,
        page=Page(_("Edit the draft decision"), submit=gettext_lazy("Save the draft")),
        examination_report=getattr(decision.case, "examination_report", None),
        guidance=guidance,
        guidance_level=_level_label(guidance),
    )


def _simple(
    request: HttpRequest,
    decision_id: int,
    *,
    form_class: type[f.VersionedForm],
    allowed: Callable[[Any, Decision], bool],
    call: Callable[[Decision, f.VersionedForm], tuple[str, Decision]],
    page: Page,
) -> HttpResponse:
    decision = _decision(request, decision_id)
    form = form_class(request.POST or None, version=decision.version)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.VersionedForm)
        return call(decision, form)

    return _handle(
        request,
        case=decision.case,
        decision=decision,
        allowed=allowed(request.user, decision),
        form=form,
        perform=perform,
        page=page,
    )


def _drafter(user: Any, decision: Decision) -> bool:
    return p.can_draft_decision(user, decision.case)


@role_required(can_open_decisions)
@require_POST
def decision_submit_for_review(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        decision = services.decision_submit_for_review(
            decision=decision, actor=request.user, expected_version=form.version_seen
        )
        official = decision.competent_official
        name = (official.get_full_name() or official.get_username()) if official else "—"
        return _("The draft was submitted for review; it will go to %(official)s for signature.") % {
            "official": name
        }, decision

    return _simple(
        request,
        decision_id,
        form_class=f.ConfirmForm,
        allowed=_drafter,
        call=call,
        page=Page(_("Submit for review"), submit=gettext_lazy("Submit for review")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_cancel_draft(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        decision = services.decision_cancel_draft(
            decision=decision,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.version_seen,
        )
        return _("The draft decision was cancelled."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.ReasonForm,
        allowed=_drafter,
        call=call,
        page=Page(_("Cancel the draft decision"), submit=gettext_lazy("Cancel the draft")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_review(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        assert isinstance(form, f.ReviewForm)
        decision = services.decision_review(
            decision=decision,
            actor=request.user,
            approve=form.approved,
            note=form.cleaned_data["note"],
            expected_version=form.version_seen,
        )
        if form.approved:
            return _("The draft was approved and sent to the competent official for signature."), decision
        return _("The draft was returned to the drafter."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.ReviewForm,
        allowed=p.can_review_decision,
        call=call,
        page=Page(_("Review the draft decision"), submit=gettext_lazy("Save the review")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_sign(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        decision = services.decision_sign(
            decision=decision,
            actor=request.user,
            decision_date=form.cleaned_data["decision_date"],
            expected_version=form.version_seen,
        )
        return _("The decision was signed as number %(number)s; its letter is being prepared.") % {
            "number": decision.number
        }, decision

    return _simple(
        request,
        decision_id,
        form_class=f.SignForm,
        allowed=p.can_sign_decision,
        call=call,
        page=Page(_("Sign the decision"), submit=gettext_lazy("Sign")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_return_by_official(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        decision = services.decision_return_by_official(
            decision=decision,
            actor=request.user,
            note=form.cleaned_data["note"],
            expected_version=form.version_seen,
        )
        return _("The decision was returned to the drafter."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.NoteForm,
        allowed=p.can_sign_decision,
        call=call,
        page=Page(_("Return to the drafter"), submit=gettext_lazy("Return the draft")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_declare_conflict(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        decision = services.decision_declare_conflict(
            decision=decision,
            actor=request.user,
            detail=form.cleaned_data["reason"],
            expected_version=form.version_seen,
        )
        return _("Your conflict of interest was recorded; the decision went to the next official."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.ReasonForm,
        allowed=p.can_sign_decision,
        call=call,
        page=Page(_("Declare a conflict of interest"), submit=gettext_lazy("Declare the conflict")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def decision_correct(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    initial = {
        "outcome": decision.outcome,
        "sanction_type": decision.sanction_type,
        "violation_types": list(decision.violation_types.all()),
        "considerations": decision.considerations,
        "references": decision.references,
        "copies": decision.copies,
    }
    dismissal = decision.outcome == Decision.Outcome.DISMISSAL
    form = f.DecisionCorrectForm(request.POST or None, version=decision.version, initial=initial, dismissal=dismissal)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.DecisionCorrectForm)
        new = services.decision_correct(
            decision=decision,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            decision_date=form.cleaned_data["decision_date"],
            expected_version=form.version_seen,
            **_content(form, references=decision.references, copies=decision.copies),
        )
        return _("Version %(version)s of the decision was signed as number %(number)s; it replaces %(old)s.") % {
            "version": new.version_number,
            "number": new.number,
            "old": decision.number,
        }, new

    return _handle(
        request,
        case=decision.case,
        decision=decision,
        # Only a signed decision has anything to correct (a draft is edited instead).
        allowed=decision.is_signed and p.can_correct_decision(request.user, decision),
        form=form,
        perform=perform,
        page=Page(
            _("Correct the decision"),
            submit=gettext_lazy("Sign the new version"),
            intro=gettext_lazy("A new version is signed at once; the current one is marked as superseded."),
        ),
    )


# --- after the signature --------------------------------------------------------------------------------------------


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def delivery_in_person(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        data = form.cleaned_data
        decision = services.decision_record_delivery(
            decision=decision,
            actor=request.user,
            delivered_on=data["delivered_on"],
            note=data["note"],
            late_reason=data["late_reason"],
            expected_version=form.version_seen,
        )
        return _("The delivery was recorded."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.DeliveryInPersonForm,
        allowed=p.can_record_after_decision,
        call=call,
        page=Page(_("Record the delivery"), submit=gettext_lazy("Record the delivery")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def delivery_absent(request: HttpRequest, decision_id: int) -> HttpResponse:
    def call(decision: Decision, form: f.VersionedForm) -> tuple[str, Decision]:
        data = form.cleaned_data
        decision = services.decision_record_absence_and_sending(
            decision=decision,
            actor=request.user,
            scheduled_on=data["scheduled_on"],
            sent_on=data["sent_on"],
            received_on=data["received_on"],
            note=data["note"],
            late_reason=data["late_reason"],
            expected_version=form.version_seen,
        )
        return _("The absence and the sending of the decision were recorded."), decision

    return _simple(
        request,
        decision_id,
        form_class=f.DeliveryAbsentForm,
        allowed=p.can_record_after_decision,
        call=call,
        page=Page(_("Record absence and sending"), submit=gettext_lazy("Record the sending")),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def objection_file(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    form = f.ObjectionFileForm(request.POST or None, version=decision.version)
    kind = Objection.Kind(objection_kind(decision))
    window_ends = _objection_window_ends(decision)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.ObjectionFileForm)
        data = form.cleaned_data
        objection = services.objection_file(
            decision=decision,
            actor=request.user,
            filed_on=data["filed_on"],
            filed_by_name=data["filed_by_name"],
            grounds=data["grounds"],
            expected_version=form.version_seen,
        )
        if objection.status == Objection.Status.INADMISSIBLE:
            return _("It was filed too late and is inadmissible; the statement is being prepared."), decision
        due = objection.due_on.isoformat() if objection.due_on else "—"
        return _("The objection was recorded; it must be decided by %(date)s.") % {"date": due}, decision

    intro = str(kind.label)
    if window_ends is not None:
        intro = _("%(kind)s — may be filed until %(date)s.") % {"kind": kind.label, "date": window_ends.isoformat()}
    return _handle(
        request,
        case=decision.case,
        decision=decision,
        allowed=p.can_record_after_decision(request.user, decision),
        form=form,
        perform=perform,
        page=Page(_("Record an objection or appeal"), submit=gettext_lazy("Record the objection"), intro=intro),
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def objection_decide(request: HttpRequest, decision_id: int, objection_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    objection = decision.objections.filter(pk=objection_id).first()
    if objection is None:
        raise Http404
    form = f.ObjectionDecideForm(request.POST or None, version=decision.version)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        data = form.cleaned_data
        decided = services.objection_decide(
            objection=objection,
            actor=request.user,
            outcome=data["outcome"],
            reason=data["reason"],
            decided_on=data["decided_on"],
            sanction=data["sanction_type"],
        )
        target = decided.new_decision or decision
        return _("The objection was decided: %(outcome)s.") % {"outcome": decided.get_outcome_display()}, target

    return _handle(
        request,
        case=decision.case,
        decision=decision,
        allowed=p.can_decide_objection(request.user, decision),
        form=form,
        perform=perform,
        page=Page(_("Decide the objection"), submit=gettext_lazy("Decide")),
        objection=objection,
    )


@role_required(can_open_decisions)
@require_http_methods(["GET", "POST"])
def execution_record_add(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    form = f.ExecutionRecordForm(request.POST or None, version=decision.version, case=decision.case)

    def perform(form: forms.Form) -> tuple[str, Decision]:
        assert isinstance(form, f.ExecutionRecordForm)
        data = form.cleaned_data
        services.execution_record_add(
            decision=decision,
            actor=request.user,
            action=data["action"],
            carried_out_on=data["carried_out_on"],
            unit=data["unit"],
            document_number=data["document_number"],
            note=data["note"],
            expected_version=form.version_seen,
        )
        return _("The execution record was added."), decision

    return _handle(
        request,
        case=decision.case,
        decision=decision,
        allowed=p.can_record_after_decision(request.user, decision),
        form=form,
        perform=perform,
        page=Page(_("Record execution"), submit=gettext_lazy("Add the record")),
    )
