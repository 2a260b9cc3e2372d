"""Web forms for decisions: one form per service of sanctions.services.

Every form that changes a decision carries the version the officer saw (`expected_version`, hidden): the service
refuses a stale one, so two people acting at once cannot overwrite each other. Drafting a new decision carries the
case's version instead. The rules themselves (allowed sanctions, who may sign, deadlines) live in the services;
these forms only parse what was typed.
"""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit
from casework.models import Case
from core import clock
from sanctions.models import Decision, ExecutionRecord, Objection, SanctionType
from violations.models import ViolationType


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), required=required, help_text=help_text)


def _text(label: Any, *, rows: int = 2, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        max_length=8000,
        help_text=help_text,
    )


class SanctionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} — {obj.name}"


class ViolationTypeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} — {obj.name}"


def sanctions_in_force(employee_type: str | None = None) -> Any:
    """The catalogue rows in force (for the accused's employee type when given: a PPPK's rows are not a PNS's)."""
    today = clock.today()
    rows = SanctionType.objects.filter(Q(valid_from__lte=today), Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    if employee_type:
        # Filtered here, not in SQL: JSON containment is not available on every database Netra runs on.
        rows = rows.filter(pk__in=[row.pk for row in rows if row.applies_to(employee_type)])
    return rows.order_by("track", "severity", "code")


def _new_position_field() -> forms.CharField:
    return forms.CharField(
        label=_("New position"),
        max_length=300,
        required=False,
        help_text=_("For a demotion or a release from the position: the position the accused holds afterwards."),
    )


def _dismissal_date_field() -> forms.DateField:
    return _date_field(
        _("Dismissed as of (TMT)"),
        required=False,
        help_text=_("For a dismissal or a termination of the work agreement: the date it takes effect."),
    )


class VersionedForm(forms.Form):
    """The version of the decision (or, for a new draft, of the case) the officer saw when the page was drawn."""

    expected_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, version: int, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("expected_version", version)
        super().__init__(*args, **kwargs)

    @property
    def version_seen(self) -> int:
        return int(self.cleaned_data["expected_version"])


class ConfirmForm(VersionedForm):
    """Actions without fields: submit for review, sign without an earlier date."""


# --- references (Memperhatikan) and copies (Tembusan) as one line each ---------------------------------------------


def references_to_text(references: list[dict[str, Any]]) -> str:
    lines = []
    for reference in references or []:
        parts = [str(reference.get(key, "") or "") for key in ("label", "number", "date")]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def text_to_references(text: str) -> list[dict[str, str]]:
    """ "Label | number | YYYY-MM-DD" per line; number and date may be left out."""
    references = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3 or not parts[0]:
            raise ValidationError(
                _("Line %(line)s: write “title | number | date (YYYY-MM-DD)”."), params={"line": number}
            )
        reference = {"label": parts[0], "number": parts[1] if len(parts) > 1 else "", "date": ""}
        if len(parts) > 2 and parts[2]:
            try:
                reference["date"] = datetime.date.fromisoformat(parts[2]).isoformat()
            except ValueError:
                raise ValidationError(
                    _("Line %(line)s: the date must be written as YYYY-MM-DD."), params={"line": number}
                ) from None
        references.append(reference)
    return references


class ReferencesField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return references_to_text(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        return text_to_references(super().to_python(value) or "")


class LinesField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return [line.strip() for line in (super().to_python(value) or "").splitlines() if line.strip()]


# --- drafting -------------------------------------------------------------------------------------------------------


class DecisionContentForm(VersionedForm):
    """What a decision says: outcome, sanction, proven violations, considerations, references and copies."""

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect, initial="sanction"
    )
    sanction_type = SanctionChoiceField(
        label=_("Sanction"),
        queryset=SanctionType.objects.none(),
        required=False,
        help_text=_("Leave empty for a dismissal."),
    )
    violation_types = ViolationTypeChoiceField(
        label=_("Proven violations"),
        queryset=ViolationType.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    considerations = _text(
        _("Considerations (Menimbang)"),
        rows=5,
        required=False,
        help_text=_("The considerations particular to this case; the legal ones are taken from the catalogue."),
    )
    references = ReferencesField(
        label=_("Letters taken into account (Memperhatikan)"),
        required=False,
        help_text=_("One per line: title | number | date (YYYY-MM-DD)."),
    )
    copies = LinesField(
        label=_("Copies to (Tembusan)"),
        required=False,
        help_text=_("One office per line; left empty, the agency's copy list for decisions."),
    )
    new_position = _new_position_field()
    dismissal_date = _dismissal_date_field()
    sanction_change_reason = _text(
        _("Reason for departing from the LHP"),
        rows=3,
        required=False,
        help_text=_("Needed only when the decision differs from the examination report's recommendation."),
    )

    def __init__(self, *args: Any, employee_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sanction_type"].queryset = sanctions_in_force(employee_type)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == Decision.Outcome.SANCTION and not data.get("sanction_type"):
            self.add_error("sanction_type", _("Choose the sanction."))
        if data.get("outcome") == Decision.Outcome.DISMISSAL:
            data["sanction_type"] = None
        return data


class DecisionDraftForm(DecisionContentForm):
    """A new draft on a case forwarded for decision; the version is the case's."""

    track = forms.ChoiceField(label=_("Track"), choices=Decision.Track.choices)

    field_order = [
        "track",
        "outcome",
        "sanction_type",
        "sanction_change_reason",
        "new_position",
        "dismissal_date",
        "violation_types",
        "considerations",
        "references",
        "copies",
    ]


class DecisionUpdateForm(DecisionContentForm):
    """Changes to a draft; the version is the decision's."""


class DecisionCorrectForm(VersionedForm):
    """A correction of a signed decision: a new version with these contents, signed at once."""

    reason = _text(_("Reason for the new version"), rows=3)
    sanction_type = SanctionChoiceField(label=_("Sanction"), queryset=SanctionType.objects.none(), required=False)
    violation_types = ViolationTypeChoiceField(
        label=_("Proven violations"),
        queryset=ViolationType.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    considerations = _text(_("Considerations (Menimbang)"), rows=5, required=False)
    references = ReferencesField(
        label=_("Letters taken into account (Memperhatikan)"),
        required=False,
        help_text=_("One per line: title | number | date (YYYY-MM-DD)."),
    )
    copies = LinesField(
        label=_("Copies to (Tembusan)"),
        required=False,
        help_text=_("One office per line; left empty, the agency's copy list for decisions."),
    )
    decision_date = _date_field(
        _("Date of the new version"), required=False, help_text=_("Leave empty to date it today.")
    )
    new_position = _new_position_field()
    dismissal_date = _dismissal_date_field()

    def __init__(self, *args: Any, dismissal: bool, employee_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if dismissal:
            del self.fields["sanction_type"]
        else:
            self.fields["sanction_type"].required = True
            self.fields["sanction_type"].queryset = sanctions_in_force(employee_type)  # type: ignore[attr-defined]


# --- review and signature -------------------------------------------------------------------------------------------


class ReviewForm(VersionedForm):
    APPROVE = "approve"
    RETURN = "return"

    verdict = forms.ChoiceField(
        label=_("Review"),
        choices=[(APPROVE, _("Approve: send to the official for signature")), (RETURN, _("Return to the drafter"))],
        widget=forms.RadioSelect,
    )
    note = _text(_("Review note"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("verdict") == self.RETURN and not (data.get("note") or "").strip():
            self.add_error("note", _("Say what has to change."))
        return data

    @property
    def approved(self) -> bool:
        return self.cleaned_data["verdict"] == self.APPROVE


class SignForm(VersionedForm):
    decision_date = _date_field(
        _("Decision date"), required=False, help_text=_("Leave empty to date the decision today.")
    )


class NoteForm(VersionedForm):
    note = _text(_("Note"))


class ReasonForm(VersionedForm):
    reason = _text(_("Reason"))


# --- after the signature --------------------------------------------------------------------------------------------


class DeliveryInPersonForm(VersionedForm):
    delivered_on = _date_field(_("Handed over on"))
    late_reason = _text(
        _("Reason for the late delivery"),
        required=False,
        help_text=_("Only needed when the decision is handed over later than rule D8 allows."),
    )
    note = _text(_("Delivery record"), required=False)


def _receipt_fields(*, required: bool) -> tuple[forms.DateField, forms.CharField]:
    received_on = _date_field(
        _("Received on (from the delivery proof)"),
        required=required,
        help_text=_(
            "The date the accused received it, as the delivery proof shows; never the sending date. Leave it empty "
            "until the proof arrives: the decision waits for it."
        )
        if not required
        else _("The date the accused received it, as the delivery proof shows."),
    )
    proof = forms.CharField(
        label=_("Delivery proof"),
        max_length=300,
        required=required,
        help_text=_("E.g. the post's receipt number and who signed for it."),
    )
    return received_on, proof


class DeliveryAbsentForm(VersionedForm):
    scheduled_on = _date_field(_("Delivery was scheduled on"))
    sent_on = _date_field(_("Sent to the address on"))
    received_on, receipt_proof = _receipt_fields(required=False)
    late_reason = _text(
        _("Reason for the late sending"),
        required=False,
        help_text=_("Only needed when the decision is sent later than rule D9 allows."),
    )
    note = _text(_("Delivery record"), required=False)


class ReceiptForm(VersionedForm):
    """The delivery proof of a decision sent to the address: the date of receipt it shows."""

    received_on, receipt_proof = _receipt_fields(required=True)


class ObjectionFileForm(VersionedForm):
    filed_on = _date_field(_("Received on"))
    filed_by_name = forms.CharField(label=_("Filed by"), max_length=200)
    grounds = _text(_("Grounds"), rows=4)

    def __init__(self, *args: Any, appeal: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if appeal:  # an appeal is filed with the BPASN (a copy to the PPK): its window counts to that day
            self.fields["filed_on"].label = _("Filed with the BPASN on")


class _NewSanctionForm(VersionedForm):
    """An outcome that may change the sanction: the new one (the accused's employee type's rows) and its terms."""

    sanction_type = SanctionChoiceField(
        label=_("New sanction"),
        queryset=SanctionType.objects.none(),
        required=False,
        help_text=_("Only when the sanction is changed."),
    )
    new_position = _new_position_field()
    dismissal_date = _dismissal_date_field()

    def __init__(self, *args: Any, employee_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sanction_type"].queryset = sanctions_in_force(employee_type)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == Objection.Outcome.CHANGED and not data.get("sanction_type"):
            self.add_error("sanction_type", _("Choose the new sanction."))
        return data


class ObjectionDecideForm(_NewSanctionForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Objection.Outcome.choices, widget=forms.RadioSelect)
    reason = _text(_("Reasons for the outcome"), rows=4)
    decided_on = _date_field(_("Decided on"))
    field_order = ["outcome", "reason", "decided_on", "sanction_type", "new_position", "dismissal_date"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("decided_on", clock.today())
        super().__init__(*args, **kwargs)


class AppealResponseForm(VersionedForm):
    responded_on = _date_field(_("Sent to the BPASN on"))
    response = _text(
        _("The PPK's response"), rows=6, help_text=_("One point per line: the letter lists them in this order.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("responded_on", clock.today())
        super().__init__(*args, **kwargs)


class AppealRulingForm(_NewSanctionForm):
    outcome = forms.ChoiceField(
        label=_("The BPASN's ruling"), choices=Objection.Outcome.choices, widget=forms.RadioSelect
    )
    ruling_number = forms.CharField(label=_("Number of the BPASN's decision"), max_length=200)
    decided_on = _date_field(_("Date of the BPASN's decision"))
    document = forms.FileField(
        label=_("The BPASN's decision"), help_text=_("The document as received: a PDF or a scan (image).")
    )
    reason = _text(_("Reasons the BPASN gives"), rows=3, required=False)
    field_order = [
        "outcome", "ruling_number", "decided_on", "document", "reason", "sanction_type", "new_position",
        "dismissal_date",
    ]  # fmt: skip


class ExecutionRecordForm(VersionedForm):
    action = forms.ChoiceField(label=_("What was carried out"), choices=ExecutionRecord.Action.choices)
    carried_out_on = _date_field(_("Carried out on"))
    unit = forms.ModelChoiceField(label=_("Responsible unit"), queryset=Unit.objects.none(), required=False)
    document_number = forms.CharField(label=_("Document number"), max_length=200, required=False)
    note = _text(_("Note"), required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency_id=case.agency_id).order_by("name")  # type: ignore[attr-defined]


class DecisionFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Decision.Status.choices], required=False)
    case = forms.CharField(label=_("Case number"), max_length=40, required=False)
