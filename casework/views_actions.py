"""The officer's actions on a case: one view per service of casework.services.

Each view finds the case through the scoped selector (another agency's case, or one an examiner is not on, is not
found), checks that the user may take the action (403 otherwise), parses its form, calls exactly one service with
the version of the case the officer saw, and goes back to the case page with a message. A refused action is a
message, never a 500; a stale version (someone else changed the case meanwhile) writes nothing.
GET draws the action's own page (the larger forms live there; the case page links to them).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from casework import forms_actions as f
from casework import selectors, services
from casework.models import Case, CaseEvidence, Summons
from casework.permissions import (
    can_manage_case,
    can_override_summons_notice,
    can_view_cases,
    can_work_on_case,
)
from core.decorators import role_required
from core.errors import ConflictError, DomainError
from core.errors import PermissionDenied as ServicePermissionDenied
from violations.evidence import validate_evidence_files

Perform = Callable[[forms.Form], str]


# Who may reach the action views at all: the agency's intake officers and administrators, and examiners.
works_on_cases = can_view_cases


def _case(request: HttpRequest, case_id: int) -> Case:
    case = selectors.case_get_for_user(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    return case


def _case_page(case: Case) -> HttpResponse:
    return redirect("casework:case-detail", case_id=case.pk)


@dataclass
class Page:
    """What the action's own page shows."""

    title: Any
    template: str = "casework/actions/form.html"
    submit: Any = ""
    multipart: bool = False
    intro: Any = ""


def _render(request: HttpRequest, case: Case, form: forms.Form, page: Page, **extra: Any) -> HttpResponse:
    context = {"case": case, "form": form, "page": page, "action_url": request.path, **extra}
    return render(request, page.template, context)


def _handle(
    request: HttpRequest,
    case: Case,
    *,
    allowed: Callable[[Any, Case], bool],
    form: forms.Form,
    perform: Perform,
    page: Page,
    valid: Callable[[], bool] | None = None,
    **extra: Any,
) -> HttpResponse:
    """The shared steps: permission, GET page, validation, the one service call, the message and the redirect."""
    if not allowed(request.user, case):
        raise PermissionDenied
    if request.method != "POST":
        return _render(request, case, form, page, **extra)
    if not (valid() if valid is not None else form.is_valid()):
        messages.error(request, _("Please correct the fields marked below."))
        return _render(request, case, form, page, **extra)
    try:
        success = perform(form)
    except ServicePermissionDenied as error:
        raise PermissionDenied(str(error.message)) from error
    except ConflictError as error:
        # Stale version or a state the case no longer allows: nothing was written; reload the case page.
        messages.error(request, str(error.message))
        return _case_page(case)
    except DomainError as error:
        messages.error(request, str(error.message))
        if error.field and error.field in form.fields:
            form.add_error(error.field, str(error.message))
        return _render(request, case, form, page, **extra)
    messages.success(request, success)
    return _case_page(case)


def _version(form: forms.Form) -> int:
    return int(form.cleaned_data["expected_version"])


# --- review, team, assignment ---------------------------------------------------------------------------------------


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def start_review(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.StartReviewForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        services.case_start_review(
            case=case,
            actor=request.user,
            probable_level=data["probable_level"],
            tracks=data["tracks"],
            note=data["note"],
            expected_version=_version(form),
        )
        return _("The review has started.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Start the review"), submit=gettext_lazy("Start the review")),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def team_form(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.TeamForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        assert isinstance(form, f.TeamForm)
        team = services.examination_team_form(
            case=case,
            actor=request.user,
            decision_number=form.cleaned_data["decision_number"],
            decision_date=form.cleaned_data["decision_date"],
            members=[services.TeamMemberInput(**member) for member in form.members()],
            expected_version=_version(form),
        )
        return _("The examination team was formed (decision %(number)s); its decision letter is being prepared.") % {
            "number": team.decision_number
        }

    return _handle(
        request,
        case,
        allowed=can_manage_case,
        form=form,
        perform=perform,
        page=Page(
            _("Form the examination team"),
            template="casework/actions/team.html",
            submit=gettext_lazy("Form the team"),
        ),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.AssignForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        services.case_assign(
            case=case,
            actor=request.user,
            examiners=list(form.cleaned_data["examiners"]),
            expected_version=_version(form),
        )
        return _("The examiners of the case were saved.")

    return _handle(request, case, allowed=can_manage_case, form=form, perform=perform, page=Page(_("Assign examiners")))


# --- summons --------------------------------------------------------------------------------------------------------


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def summons_issue(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    can_override = can_override_summons_notice(request.user, case)
    initial = {"number": 2 if case.summonses.filter(number=1).exists() else 1}
    form = f.SummonsForm(request.POST or None, case=case, can_override=can_override, initial=initial)

    def perform(form: forms.Form) -> str:
        assert isinstance(form, f.SummonsForm)
        data = form.cleaned_data
        summons = services.summons_issue(
            case=case,
            actor=request.user,
            number=data["number"],
            scheduled_at=data["scheduled_at"],
            sent_on=data["sent_on"],
            delivery_method=data["delivery_method"],
            place=data["place"],
            virtual_link=data["virtual_link"],
            delivery_record=data["delivery_record"],
            override_reason=form.notice_override_reason,
            expected_version=_version(form),
        )
        return _("Summons %(number)s was issued; its letter is being prepared.") % {
            "number": summons.get_number_display()
        }

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Issue a summons"), submit=gettext_lazy("Issue the summons")),
    )


def _summons(case: Case, summons_id: int) -> Summons:
    summons = case.summonses.filter(pk=summons_id).first()
    if summons is None:
        raise Http404
    return summons


@role_required(works_on_cases)
@require_POST
def summons_attendance(request: HttpRequest, case_id: int, summons_id: int) -> HttpResponse:
    case = _case(request, case_id)
    summons = _summons(case, summons_id)
    form = f.ConfirmForm(request.POST, case=case)

    def perform(form: forms.Form) -> str:
        services.summons_record_attendance(summons=summons, actor=request.user, expected_version=_version(form))
        return _("The attendance was recorded; record the examination (BAP) next.")

    return _handle(
        request, case, allowed=can_work_on_case, form=form, perform=perform, page=Page(_("Record attendance"))
    )


@role_required(works_on_cases)
@require_POST
def summons_absence(request: HttpRequest, case_id: int, summons_id: int) -> HttpResponse:
    case = _case(request, case_id)
    summons = _summons(case, summons_id)
    form = f.AbsenceForm(request.POST, case=case)

    def perform(form: forms.Form) -> str:
        services.summons_record_absence(
            summons=summons, actor=request.user, note=form.cleaned_data["note"], expected_version=_version(form)
        )
        if summons.number == 1:
            return _("The absence was recorded; summons II is due next.")
        return _("The second absence was recorded; the case goes on on the evidence.")

    return _handle(request, case, allowed=can_work_on_case, form=form, perform=perform, page=Page(_("Record absence")))


# --- examination (BAP) and examination report (LHP) -----------------------------------------------------------------


def _examination_with_more_rows(
    request: HttpRequest, case: Case, initial: dict[str, Any]
) -> tuple[forms.Form, forms.BaseFormSet]:
    post = request.POST
    count = min(max(int(post.get("qa-TOTAL_FORMS", "0") or 0), 0), f.MAX_QUESTIONS)
    rows = [
        {"question": post.get(f"qa-{index}-question", ""), "answer": post.get(f"qa-{index}-answer", "")}
        for index in range(count)
    ]
    typed: dict[str, Any] = {name: post.get(name, "") for name in ("held_at", "place", "virtual_link", "refusal_note")}
    typed |= {"examinee_signed": bool(post.get("examinee_signed")), "examiners": post.getlist("examiners")}
    typed["expected_version"] = post.get("expected_version") or case.version
    form = f.ExaminationForm(case=case, initial={**initial, **typed})
    return form, f.QuestionAnswerFormSet(prefix="qa", initial=rows)


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def examination_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    initial: dict[str, Any] = {"examiners": list(case.assigned_examiners.all())}
    summons = case.summonses.order_by("-number").first()
    if summons is not None:
        initial |= {"place": summons.place, "virtual_link": summons.virtual_link}
    if request.method == "POST" and "more_rows" in request.POST:
        # Five more question rows: show the page again with what was typed, saving nothing.
        if not can_work_on_case(request.user, case):
            raise PermissionDenied
        form, questions = _examination_with_more_rows(request, case, initial)
        return _render(
            request,
            case,
            form,
            Page(
                _("Record the examination (BAP)"),
                template="casework/actions/examination.html",
                submit=gettext_lazy("Save the examination record"),
            ),
            questions=questions,
        )
    form = f.ExaminationForm(request.POST or None, case=case, initial=initial)
    questions = f.QuestionAnswerFormSet(request.POST or None, prefix="qa")

    def valid() -> bool:
        return form.is_valid() & questions.is_valid()

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        pairs = [item for item in questions.cleaned_data if item and (item["question"] or item["answer"])]
        services.examination_record(
            case=case,
            actor=request.user,
            held_at=data["held_at"],
            examiners=list(data["examiners"]),
            questions_answers=pairs,
            examinee_signed=data["examinee_signed"],
            refusal_note=data["refusal_note"],
            place=data["place"],
            virtual_link=data["virtual_link"],
            expected_version=_version(form),
        )
        return _("The examination record (BAP) was saved; its letter is being prepared.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        valid=valid,
        page=Page(
            _("Record the examination (BAP)"),
            template="casework/actions/examination.html",
            submit=gettext_lazy("Save the examination record"),
        ),
        questions=questions,
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def examination_report(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    initial = {
        "violation_types": [
            report.violation_type for report in selectors.case_reports(case=case) if report.violation_type
        ]
    }
    form = f.ExaminationReportForm(request.POST or None, case=case, initial=initial)

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        services.examination_report_submit(
            case=case,
            actor=request.user,
            violation_types=list(data["violation_types"]),
            act_time=data["act_time"],
            act_place=data["act_place"],
            proven=data["proven"],
            aggravating=data["aggravating"],
            mitigating=data["mitigating"],
            impact=data["impact"],
            recommended_sanction_code=data["recommended_sanction_code"],
            recommended_sanction_level=data["recommended_sanction_level"],
            expected_version=_version(form),
        )
        return _("The examination report (LHP) was submitted; its letter is being prepared.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Write the examination report (LHP)"), submit=gettext_lazy("Submit the examination report")),
    )


# --- forwarding and the exits ---------------------------------------------------------------------------------------


@role_required(works_on_cases)
@require_POST
def forward_for_decision(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.ConfirmForm(request.POST, case=case)

    def perform(form: forms.Form) -> str:
        services.case_forward_for_decision(case=case, actor=request.user, expected_version=_version(form))
        return _("The case was forwarded for decision.")

    return _handle(
        request, case, allowed=can_work_on_case, form=form, perform=perform, page=Page(_("Forward for decision"))
    )


def _closing_view(
    service: Callable[..., Any], allowed: Callable[[Any, Case], bool], title: Any, done: Any
) -> Callable[..., Any]:
    @role_required(works_on_cases)
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, case_id: int) -> HttpResponse:
        case = _case(request, case_id)
        form = f.ReasonForm(request.POST or None, case=case)

        def perform(form: forms.Form) -> str:
            service(case=case, actor=request.user, reason=form.cleaned_data["reason"], expected_version=_version(form))
            return str(done)

        return _handle(request, case, allowed=allowed, form=form, perform=perform, page=Page(title, submit=title))

    return view


close_not_proven = _closing_view(
    services.case_close_not_proven,
    can_work_on_case,
    gettext_lazy("Close as not proven"),
    gettext_lazy("The case was closed as not proven."),
)
dismiss = _closing_view(
    services.case_dismiss, can_manage_case, gettext_lazy("Dismiss the case"), gettext_lazy("The case was dismissed.")
)
withdraw = _closing_view(
    services.case_withdraw, can_manage_case, gettext_lazy("Withdraw the case"), gettext_lazy("The case was withdrawn.")
)


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.MergeForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        number = form.cleaned_data["into"].strip()
        into = selectors.case_list_for_user(user=request.user).filter(number=number).first()
        if into is None:
            raise DomainError(
                "merge_target_unknown", _("There is no case %(number)s.") % {"number": number}, field="into"
            )
        services.case_merge(case=case, into=into, actor=request.user, expected_version=_version(form))
        return _("The case was merged into %(number)s.") % {"number": into.number}

    return _handle(
        request,
        case,
        allowed=can_manage_case,
        form=form,
        perform=perform,
        page=Page(_("Merge into another case"), submit=gettext_lazy("Merge")),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def criminal_referral(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.CriminalReferralForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        services.criminal_referral_record(
            case=case,
            actor=request.user,
            referred_to=data["referred_to"],
            referred_on=data["referred_on"],
            note=data["note"],
            expected_version=_version(form),
        )
        return _("The criminal referral was recorded.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Record a criminal referral")),
    )


# --- evidence -------------------------------------------------------------------------------------------------------


def _validated(form: forms.Form, uploads: list[Any], field: str) -> list[Any]:
    """Sniff type and size as at intake; an invalid file is a refusal shown on the form."""
    from django.core.exceptions import ValidationError

    try:
        return validate_evidence_files([(upload, upload.name) for upload in uploads], field=field)
    except ValidationError as error:
        messages_ = [str(m) for m in (error.messages or [])]
        raise DomainError("evidence_invalid", " ".join(messages_), field=field) from error


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def evidence_add_files(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.EvidenceFilesForm(request.POST or None, request.FILES or None, case=case)

    def perform(form: forms.Form) -> str:
        files = _validated(form, form.cleaned_data["evidence"], "evidence")
        added = services.case_evidence_add_files(
            case=case, actor=request.user, files=files, title=form.cleaned_data["title"]
        )
        return _("%(count)d file(s) were added to the evidence.") % {"count": len(added)}

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Add files to the evidence"), multipart=True, submit=gettext_lazy("Add")),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def evidence_add_capture(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.EvidenceCaptureForm(request.POST or None, request.FILES or None, case=case)

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        (screenshot,) = _validated(form, [data["screenshot"]], "screenshot")
        services.case_evidence_add_capture(
            case=case,
            actor=request.user,
            screenshot=screenshot,
            source_url=data["source_url"],
            captured_at=data["captured_at"],
        )
        return _("The social-media capture was added to the evidence.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Add a social-media capture"), multipart=True, submit=gettext_lazy("Add")),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def evidence_add_statement(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = f.EvidenceStatementForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        data = form.cleaned_data
        services.case_evidence_add_statement(
            case=case, actor=request.user, witness_name=data["witness_name"], statement=data["statement"]
        )
        return _("The witness statement was added to the evidence.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Add a witness statement"), submit=gettext_lazy("Add")),
    )


@role_required(works_on_cases)
@require_http_methods(["GET", "POST"])
def evidence_withdraw(request: HttpRequest, case_id: int, evidence_id: int) -> HttpResponse:
    case = _case(request, case_id)
    evidence = CaseEvidence.objects.filter(case=case, pk=evidence_id).first()
    if evidence is None:
        raise Http404
    form = f.EvidenceWithdrawForm(request.POST or None, case=case)

    def perform(form: forms.Form) -> str:
        services.case_evidence_withdraw(evidence=evidence, actor=request.user, reason=form.cleaned_data["reason"])
        return _("The evidence item was withdrawn; it stays on record with the reason.")

    return _handle(
        request,
        case,
        allowed=can_work_on_case,
        form=form,
        perform=perform,
        page=Page(_("Withdraw an evidence item"), submit=gettext_lazy("Withdraw")),
        evidence=evidence,
    )


def action_url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"casework_actions:{name}", kwargs={"case_id": case.pk, **kwargs})
