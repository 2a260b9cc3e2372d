"""What follows the signature: the delivery (in person, or absent and sent), objections and appeals (filed; an
objection decided by its official — the appeal's response and ruling are in sanctions.views.appeals) and the records
of the sanction's execution."""

import dataclasses
from typing import Any

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.actors import Viewer
from core.errors import DomainError
from core.web_actions import ActionPage, Done
from sanctions import forms as f
from sanctions import permissions as p
from sanctions import services
from sanctions.competent_official import route_objection
from sanctions.models import Decision, Objection
from sanctions.services.objections import objection_kind
from sanctions.services.preconditions import long_date
from sanctions.views.base import DecisionAction, awaits_receipt, employee_type, shown_objection_window_ends


class DeliveryInPerson(DecisionAction):
    form_class = f.DeliveryInPersonForm
    page = ActionPage(gettext_lazy("Record the delivery"), submit=gettext_lazy("Record the delivery"))
    allowed = staticmethod(p.can_record_after_decision)

    def perform(self, form: f.DeliveryInPersonForm, target: Decision) -> str:
        data = form.cleaned_data
        services.decision_record_delivery(
            decision=target,
            actor=self.actor,
            delivered_on=data["delivered_on"],
            note=data["note"],
            late_reason=data["late_reason"],
            expected_version=form.version_seen,
        )
        return _("The delivery was recorded.")


class DeliveryAbsent(DecisionAction):
    form_class = f.DeliveryAbsentForm
    page = ActionPage(gettext_lazy("Record absence and sending"), submit=gettext_lazy("Record the sending"))
    allowed = staticmethod(p.can_record_after_decision)

    def perform(self, form: f.DeliveryAbsentForm, target: Decision) -> str:
        data = form.cleaned_data
        services.decision_record_absence_and_sending(
            decision=target,
            actor=self.actor,
            scheduled_on=data["scheduled_on"],
            sent_on=data["sent_on"],
            received_on=data["received_on"],
            receipt_proof=data["receipt_proof"],
            note=data["note"],
            late_reason=data["late_reason"],
            expected_version=form.version_seen,
        )
        if data["received_on"] is None:
            return _(
                "The absence and the sending were recorded. Record the date of receipt when the delivery proof "
                "arrives: until then the decision does not take effect."
            )
        return _("The absence and the sending of the decision were recorded.")


def _awaits_receipt(user: Viewer, decision: Decision) -> bool:
    return awaits_receipt(decision) and p.can_record_after_decision(user, decision)


class DeliveryReceipt(DecisionAction):
    """The delivery proof of a decision sent to the address arrived: its date of receipt."""

    form_class = f.ReceiptForm
    page = ActionPage(
        gettext_lazy("Record the receipt"),
        submit=gettext_lazy("Record the receipt"),
        intro=gettext_lazy("From the delivery proof: the effect and the objection window count from this date."),
    )
    allowed = staticmethod(_awaits_receipt)

    def perform(self, form: f.ReceiptForm, target: Decision) -> str:
        services.decision_record_receipt(
            decision=target,
            actor=self.actor,
            received_on=form.cleaned_data["received_on"],
            receipt_proof=form.cleaned_data["receipt_proof"],
            expected_version=form.version_seen,
        )
        return _("The receipt was recorded.")


def _filing_intro(decision: Decision) -> str:
    """What the filing page says: objection or appeal, until when, and who decides it (the remedy rule's data)."""
    kind = Objection.Kind(objection_kind(decision))
    window_ends = shown_objection_window_ends(decision)
    try:
        decider = route_objection(decision).title
    except DomainError:
        decider = "—"
    if window_ends is None:
        return str(kind.label)
    params = {"kind": kind.label, "date": long_date(window_ends), "decider": decider}
    if kind == Objection.Kind.APPEAL:
        return (
            _(
                "%(kind)s — filed with the BPASN until %(date)s; decided by the %(decider)s, not by the PPK. A later "
                "appeal is still recorded, with a warning: the BPASN rules on it."
            )
            % params
        )
    return _("%(kind)s — may be filed until %(date)s; decided by %(decider)s.") % params


class ObjectionFile(DecisionAction):
    form_class = f.ObjectionFileForm
    page = ActionPage(gettext_lazy("Record an objection or appeal"), submit=gettext_lazy("Record the objection"))
    allowed = staticmethod(p.can_record_after_decision)

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        return {**super().form_kwargs(target), "appeal": objection_kind(target) == Objection.Kind.APPEAL}

    def context(self, target: Decision, form: forms.Form) -> dict[str, Any]:
        page = dataclasses.replace(self.page, intro=_filing_intro(target))
        return {**super().context(target, form), "page": page}

    def perform(self, form: f.ObjectionFileForm, target: Decision) -> str:
        data = form.cleaned_data
        objection = services.objection_file(
            decision=target,
            actor=self.actor,
            filed_on=data["filed_on"],
            filed_by_name=data["filed_by_name"],
            grounds=data["grounds"],
            expected_version=form.version_seen,
        )
        if objection.status == Objection.Status.INADMISSIBLE:
            return _("It was filed too late and is inadmissible; the statement is being prepared.")
        due = objection.due_on.isoformat() if objection.due_on else "—"
        if objection.is_appeal and objection.filed_late:
            return _(
                "The appeal was recorded, with a warning: it was filed after its window (until %(window)s), and the "
                "BPASN decides whether to accept it. The PPK's response is due by %(date)s."
            ) % {"window": objection.window_ends_on.isoformat(), "date": due}
        if objection.is_appeal:
            return _("The appeal was recorded; the PPK's response to the BPASN is due by %(date)s.") % {"date": due}
        return _("The objection was recorded; it must be decided by %(date)s.") % {"date": due}


class ObjectionAction(DecisionAction):
    """An action on one objection or appeal of the decision (the URL's `objection_id`; another's is a 404)."""

    objection: Objection

    def get_target(self) -> Decision:
        decision = super().get_target()
        objection = decision.objections.select_related("remedy_rule").filter(pk=self.kwargs["objection_id"]).first()
        if objection is None:
            raise Http404
        self.objection = objection
        return decision

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        return {**super().form_kwargs(target), "employee_type": employee_type(target.case)}

    def context(self, target: Decision, form: forms.Form) -> dict[str, Any]:
        return {**super().context(target, form), "objection": self.objection}


class ObjectionDecide(ObjectionAction):
    """The official the remedy rule names decides a pending objection; a changed sanction leads to the new version."""

    form_class = f.ObjectionDecideForm
    page = ActionPage(gettext_lazy("Decide the objection"), submit=gettext_lazy("Decide"))
    allowed = staticmethod(p.can_decide_objection)

    def perform(self, form: f.ObjectionDecideForm, target: Decision) -> Done:
        data = form.cleaned_data
        decided = services.objection_decide(
            objection=self.objection,
            actor=self.actor,
            outcome=data["outcome"],
            reason=data["reason"],
            decided_on=data["decided_on"],
            sanction=data["sanction_type"],
            new_position=data["new_position"],
            dismissal_date=data["dismissal_date"],
            expected_version=form.version_seen,
        )
        message = _("The objection was decided: %(outcome)s.") % {"outcome": decided.get_outcome_display()}
        return Done(message, target=decided.new_decision or target)


class ExecutionRecordAdd(DecisionAction):
    form_class = f.ExecutionRecordForm
    page = ActionPage(gettext_lazy("Record execution"), submit=gettext_lazy("Add the record"))
    allowed = staticmethod(p.can_record_after_decision)

    def form_kwargs(self, target: Decision) -> dict[str, Any]:
        return {**super().form_kwargs(target), "case": target.case}

    def perform(self, form: f.ExecutionRecordForm, target: Decision) -> str:
        data = form.cleaned_data
        services.execution_record_add(
            decision=target,
            actor=self.actor,
            action=data["action"],
            carried_out_on=data["carried_out_on"],
            unit=data["unit"],
            document_number=data["document_number"],
            note=data["note"],
            expected_version=form.version_seen,
        )
        return _("The execution record was added.")
