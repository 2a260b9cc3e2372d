"""Decision pages (sanctions.views), under /decisions/."""

from django.urls import path

from sanctions import views as v

app_name = "sanctions"
urlpatterns = [
    path("", v.decision_list, name="decision-list"),
    path("follow-through/", v.follow_through_register, name="follow-through"),
    path("draft/<int:case_id>/", v.decision_draft, name="decision-draft"),
    path("<int:decision_id>/", v.decision_detail, name="decision-detail"),
    path("<int:decision_id>/letters/<int:letter_id>/download/", v.decision_letter_download, name="letter-download"),
    path("<int:decision_id>/edit/", v.decision_update_draft, name="decision-update"),
    path("<int:decision_id>/submit/", v.decision_submit_for_review, name="decision-submit"),
    path("<int:decision_id>/cancel/", v.decision_cancel_draft, name="decision-cancel"),
    path("<int:decision_id>/review/", v.decision_review, name="decision-review"),
    path("<int:decision_id>/sign/", v.decision_sign, name="decision-sign"),
    path("<int:decision_id>/return/", v.decision_return_by_official, name="decision-return"),
    path("<int:decision_id>/conflict/", v.decision_declare_conflict, name="decision-conflict"),
    path("<int:decision_id>/correct/", v.decision_correct, name="decision-correct"),
    path("<int:decision_id>/delivery/", v.delivery_in_person, name="delivery-in-person"),
    path("<int:decision_id>/delivery/absent/", v.delivery_absent, name="delivery-absent"),
    path("<int:decision_id>/objection/", v.objection_file, name="objection-file"),
    path("<int:decision_id>/objections/<int:objection_id>/decide/", v.objection_decide, name="objection-decide"),
    path("<int:decision_id>/execution/", v.execution_record_add, name="execution-record"),
]
