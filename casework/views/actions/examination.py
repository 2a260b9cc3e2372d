"""The examination record (BAP), with its rows of questions and answers, and the examination report (LHP)."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import forms_actions as f
from casework import selectors, services
from casework.models import Case
from casework.views.actions.base import CaseAction
from core.web_actions import ActionPage


def _typed_so_far(request: HttpRequest, case: Case) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """What the officer typed into the BAP page (fields, then question rows), to draw it again unvalidated."""
    post = request.POST
    count = min(max(int(post.get("qa-TOTAL_FORMS", "0") or 0), 0), f.MAX_QUESTIONS)
    rows = [
        {"question": post.get(f"qa-{index}-question", ""), "answer": post.get(f"qa-{index}-answer", "")}
        for index in range(count)
    ]
    typed: dict[str, Any] = {name: post.get(name, "") for name in ("held_at", "place", "virtual_link", "refusal_note")}
    typed |= {"examinee_signed": bool(post.get("examinee_signed")), "examiners": post.getlist("examiners")}
    typed["expected_version"] = post.get("expected_version") or case.version
    return typed, rows


class RecordExamination(CaseAction):
    """The BAP page; "Five more question rows" draws it again with what was typed, saving nothing."""

    form_class = f.ExaminationForm
    page = ActionPage(
        gettext_lazy("Record the examination (BAP)"),
        template="casework/actions/examination.html",
        submit=gettext_lazy("Save the examination record"),
    )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "more_rows" not in request.POST:
            return super().post(request, *args, **kwargs)
        case = self.get_target()
        if not self.is_allowed(case):
            raise PermissionDenied
        typed, rows = _typed_so_far(request, case)
        form = f.ExaminationForm(case=case, initial={**self.form_kwargs(case)["initial"], **typed})
        self.questions = f.QuestionAnswerFormSet(prefix="qa", initial=rows)
        return self.render_page(case, form)

    def form_kwargs(self, target: Case) -> dict[str, Any]:
        initial: dict[str, Any] = {"examiners": list(target.assigned_examiners.all())}
        summons = target.summonses.order_by("-number").first()
        if summons is not None:
            initial |= {"place": summons.place, "virtual_link": summons.virtual_link}
        return {"case": target, "initial": initial}

    def make_form(self, target: Case, *, bound: bool) -> forms.Form:
        self.questions = f.QuestionAnswerFormSet(self.request.POST if bound else None, prefix="qa")
        return super().make_form(target, bound=bound)

    def forms_are_valid(self, form: forms.Form) -> bool:
        return form.is_valid() & self.questions.is_valid()

    def context(self, target: Case, form: forms.Form) -> dict[str, Any]:
        return {"case": target, "questions": self.questions}

    def perform(self, form: f.ExaminationForm, target: Case) -> str:
        data = form.cleaned_data
        pairs = [item for item in self.questions.cleaned_data if item and (item["question"] or item["answer"])]
        services.examination_record(
            case=target,
            actor=self.actor,
            held_at=data["held_at"],
            examiners=list(data["examiners"]),
            questions_answers=pairs,
            examinee_signed=data["examinee_signed"],
            refusal_note=data["refusal_note"],
            place=data["place"],
            virtual_link=data["virtual_link"],
            expected_version=self.version(form),
        )
        return _("The examination record (BAP) was saved; its letter is being prepared.")


class SubmitExaminationReport(CaseAction):
    form_class = f.ExaminationReportForm
    page = ActionPage(
        gettext_lazy("Write the examination report (LHP)"), submit=gettext_lazy("Submit the examination report")
    )

    def form_kwargs(self, target: Case) -> dict[str, Any]:
        reports = selectors.case_reports(case=target)
        return {"case": target, "initial": {"violation_types": [r.violation_type for r in reports if r.violation_type]}}

    def perform(self, form: f.ExaminationReportForm, target: Case) -> str:
        data = form.cleaned_data
        services.examination_report_submit(
            case=target,
            actor=self.actor,
            violation_types=list(data["violation_types"]),
            act_time=data["act_time"],
            act_place=data["act_place"],
            proven=data["proven"],
            aggravating=data["aggravating"],
            mitigating=data["mitigating"],
            impact=data["impact"],
            recommended_sanction_code=data["recommended_sanction_code"],
            reported_on=data["reported_on"],
            expected_version=self.version(form),
        )
        return _("The examination report (LHP) was submitted; its letter is being prepared.")
