"""The officer's actions on a case (casework.views.actions), under /cases/<id>/."""

from django.urls import path

from casework.views.actions import accused, closing, evidence, examination, recommendation, review, summons

app_name = "casework_actions"
urlpatterns = [
    path("<int:case_id>/accused/", accused.IdentifyAccused.as_view(), name="identify-accused"),
    path("<int:case_id>/review/", review.StartReview.as_view(), name="start-review"),
    path("<int:case_id>/probable-level/", review.RaiseLevel.as_view(), name="raise-level"),
    path("<int:case_id>/team/", review.FormTeam.as_view(), name="team-form"),
    path("<int:case_id>/assign/", review.Assign.as_view(), name="assign"),
    path("<int:case_id>/summons/", summons.IssueSummons.as_view(), name="summons-issue"),
    path(
        "<int:case_id>/summons/<int:summons_id>/attendance/",
        summons.RecordAttendance.as_view(),
        name="summons-attendance",
    ),
    path("<int:case_id>/summons/<int:summons_id>/absence/", summons.RecordAbsence.as_view(), name="summons-absence"),
    path("<int:case_id>/examination/", examination.RecordExamination.as_view(), name="examination-record"),
    path(
        "<int:case_id>/examination-report/",
        examination.SubmitExaminationReport.as_view(),
        name="examination-report",
    ),
    path("<int:case_id>/forward/", closing.ForwardForDecision.as_view(), name="forward"),
    path("<int:case_id>/close-not-proven/", closing.CloseNotProven.as_view(), name="close-not-proven"),
    path("<int:case_id>/dismiss/", closing.Dismiss.as_view(), name="dismiss"),
    path("<int:case_id>/withdraw/", closing.Withdraw.as_view(), name="withdraw"),
    path("<int:case_id>/merge/", closing.Merge.as_view(), name="merge"),
    path(
        "<int:case_id>/recommendation/",
        recommendation.RecordRecommendation.as_view(),
        name="recommendation-record",
    ),
    path("<int:case_id>/criminal-referral/", closing.RecordCriminalReferral.as_view(), name="criminal-referral"),
    path("<int:case_id>/evidence/files/", evidence.AddEvidenceFiles.as_view(), name="evidence-files"),
    path("<int:case_id>/evidence/capture/", evidence.AddEvidenceCapture.as_view(), name="evidence-capture"),
    path("<int:case_id>/evidence/statement/", evidence.AddEvidenceStatement.as_view(), name="evidence-statement"),
    path(
        "<int:case_id>/evidence/<int:evidence_id>/withdraw/",
        evidence.WithdrawEvidence.as_view(),
        name="evidence-withdraw",
    ),
]
