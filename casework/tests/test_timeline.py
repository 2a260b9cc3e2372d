"""The case timeline names each audit action by a translated label, never by its raw code."""

import pytest
from django.test import Client
from django.utils import translation

from casework import services
from core.audit_registry import action_label, declared_actions

pytestmark = pytest.mark.django_db

SANCTIONS_ACTIONS = [
    "decision_drafted",
    "decision_submitted",
    "decision_approved",
    "decision_returned",
    "decision_signed",
    "decision_corrected",
    "decision_official_recused",
    "decision_delivered",
    "decision_effective",
    "decision_objected",
    "objection_decided",
    "execution_recorded",
    "case_decided",
    "case_closed",
]


def test_every_action_the_casework_services_write_has_a_label():
    written = [
        "case_registered",
        "case_review_started",
        "examination_team_formed",
        "case_assigned",
        "case_handed_over",
        "case_summoned",
        "summons_issued",
        "summons_notice_overridden",
        "summons_deadline_overridden",
        "summons_attended",
        "summons_absent",
        "case_absent_twice",
        "case_examined",
        "examination_report_submitted",
        "case_forwarded_for_decision",
        "case_closed_not_proven",
        "case_dismissed",
        "case_withdrawn",
        "case_merged",
        "case_merge_received",
        "criminal_referral_recorded",
        "case_evidence_added",
        "case_evidence_withdrawn",
        "case_evidence_downloaded",
        "letter_requested",
        "letter_issued",
        "letter_failed",
        "letter_retried",
        "letter_superseded",
        "letter_downloaded",
    ]

    declared = {action.code for action in declared_actions()}

    assert [action for action in written + SANCTIONS_ACTIONS if action not in declared] == []


def test_a_label_is_in_the_active_language_and_an_unknown_action_shows_its_code():
    with translation.override("en"):
        assert action_label("case_review_started") == "Review started"
        assert action_label("decision_signed") == "Decision signed"
        assert action_label("something_new") == "something_new"


def test_the_case_page_timeline_shows_labels_not_codes(officer, case):
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["ethics"], note="Telaah.")
    client = Client()
    client.force_login(officer)

    response = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    timeline = page[page.index('id="timeline"') :]
    assert '<strong data-action="case_review_started">Review started</strong>' in timeline
    assert ">case_review_started<" not in timeline


def test_the_case_page_timeline_in_indonesian_names_actions_and_statuses_in_indonesian(officer, case):
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["ethics"], note="Telaah.")
    client = Client()
    client.force_login(officer)

    response = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="id")

    page = response.content.decode()
    timeline = page[page.index('id="timeline"') :]
    assert '<strong data-action="case_review_started">Penelaahan dimulai</strong>' in timeline
    assert "Teregistrasi → Sedang ditelaah" in timeline
    assert "registered → under_review" not in timeline
