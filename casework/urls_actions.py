"""The officer's actions on a case (casework.views_actions), under /cases/<id>/."""

from django.urls import path

from casework import views_actions as v

app_name = "casework_actions"
urlpatterns = [
    path("<int:case_id>/review/", v.start_review, name="start-review"),
    path("<int:case_id>/team/", v.team_form, name="team-form"),
    path("<int:case_id>/assign/", v.assign, name="assign"),
    path("<int:case_id>/summons/", v.summons_issue, name="summons-issue"),
    path("<int:case_id>/summons/<int:summons_id>/attendance/", v.summons_attendance, name="summons-attendance"),
    path("<int:case_id>/summons/<int:summons_id>/absence/", v.summons_absence, name="summons-absence"),
    path("<int:case_id>/examination/", v.examination_record, name="examination-record"),
    path("<int:case_id>/examination-report/", v.examination_report, name="examination-report"),
    path("<int:case_id>/forward/", v.forward_for_decision, name="forward"),
    path("<int:case_id>/close-not-proven/", v.close_not_proven, name="close-not-proven"),
    path("<int:case_id>/dismiss/", v.dismiss, name="dismiss"),
    path("<int:case_id>/withdraw/", v.withdraw, name="withdraw"),
    path("<int:case_id>/merge/", v.merge, name="merge"),
    path("<int:case_id>/criminal-referral/", v.criminal_referral, name="criminal-referral"),
    path("<int:case_id>/evidence/files/", v.evidence_add_files, name="evidence-files"),
    path("<int:case_id>/evidence/capture/", v.evidence_add_capture, name="evidence-capture"),
    path("<int:case_id>/evidence/statement/", v.evidence_add_statement, name="evidence-statement"),
    path("<int:case_id>/evidence/<int:evidence_id>/withdraw/", v.evidence_withdraw, name="evidence-withdraw"),
]
