"""Decision pages (sanctions.views), under /decisions/."""

from django.urls import path

from sanctions.views import (
    after_decision,
    appeals,
    decisions,
    drafting,
    follow_through_register,
    letter_download,
    official,
)

app_name = "sanctions"
urlpatterns = [
    path("", decisions.decision_list, name="decision-list"),
    path("follow-through/", follow_through_register.follow_through_register, name="follow-through"),
    path("draft/<int:case_id>/", drafting.DecisionDraft.as_view(), name="decision-draft"),
    path("<int:decision_id>/", decisions.decision_detail, name="decision-detail"),
    path(
        "<int:decision_id>/letters/<int:letter_id>/download/",
        letter_download.decision_letter_download,
        name="letter-download",
    ),
    path("<int:decision_id>/edit/", drafting.DecisionUpdateDraft.as_view(), name="decision-update"),
    path("<int:decision_id>/submit/", drafting.DecisionSubmitForReview.as_view(), name="decision-submit"),
    path("<int:decision_id>/cancel/", drafting.DecisionCancelDraft.as_view(), name="decision-cancel"),
    path("<int:decision_id>/review/", drafting.DecisionReview.as_view(), name="decision-review"),
    path("<int:decision_id>/sign/", official.DecisionSign.as_view(), name="decision-sign"),
    path("<int:decision_id>/return/", official.DecisionReturnByOfficial.as_view(), name="decision-return"),
    path("<int:decision_id>/conflict/", official.DecisionDeclareConflict.as_view(), name="decision-conflict"),
    path("<int:decision_id>/correct/", official.DecisionCorrect.as_view(), name="decision-correct"),
    path("<int:decision_id>/delivery/", after_decision.DeliveryInPerson.as_view(), name="delivery-in-person"),
    path("<int:decision_id>/delivery/absent/", after_decision.DeliveryAbsent.as_view(), name="delivery-absent"),
    path("<int:decision_id>/delivery/receipt/", after_decision.DeliveryReceipt.as_view(), name="delivery-receipt"),
    path("<int:decision_id>/objection/", after_decision.ObjectionFile.as_view(), name="objection-file"),
    path(
        "<int:decision_id>/objections/<int:objection_id>/decide/",
        after_decision.ObjectionDecide.as_view(),
        name="objection-decide",
    ),
    path(
        "<int:decision_id>/objections/<int:objection_id>/respond/",
        appeals.AppealRespond.as_view(),
        name="appeal-respond",
    ),
    path(
        "<int:decision_id>/objections/<int:objection_id>/ruling/",
        appeals.AppealRulingRecord.as_view(),
        name="appeal-ruling",
    ),
    path(
        "<int:decision_id>/objections/<int:objection_id>/ruling/download/",
        appeals.appeal_ruling_download,
        name="appeal-ruling-download",
    ),
    path("<int:decision_id>/execution/", after_decision.ExecutionRecordAdd.as_view(), name="execution-record"),
]
