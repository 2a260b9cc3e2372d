"""Forwarding for decision, closing as not proven, dismissing, withdrawing, merging, a criminal referral."""

import datetime

import pytest

from accounts.tests.factories import AgencyFactory
from casework.models import Case, CaseTrack
from casework.tests.factories import CaseFactory
from casework.tests.views.actions.helpers import action_url, case_page, client_for, messages_of, reported_case, snapshot

pytestmark = pytest.mark.django_db


# --- forwarding and the exits ---------------------------------------------------------------------------------------


def test_a_proven_case_is_forwarded_for_decision(examined, examiner_user):
    reported = reported_case(examined, examiner_user, proven=True)

    response = client_for(examiner_user).post(action_url("forward", reported), {"expected_version": reported.version})

    assert messages_of(response) == [("success", "The case was forwarded for decision.")]
    assert Case.objects.get(pk=reported.pk).status == "forwarded_for_decision"


def test_a_not_proven_case_may_be_forwarded_for_a_dismissal_decision(examined, examiner_user):
    reported = reported_case(examined, examiner_user, proven=False)

    response = client_for(examiner_user).post(action_url("forward", reported), {"expected_version": reported.version})

    assert response.url == case_page(reported)
    reported.refresh_from_db()
    assert reported.status == "forwarded_for_decision"


def test_a_not_proven_case_is_closed_with_a_reason(examined, examiner_user):
    reported = reported_case(examined, examiner_user, proven=False)

    response = client_for(examiner_user).post(
        action_url("close-not-proven", reported), {"expected_version": reported.version, "reason": "Bukti tidak cukup."}
    )

    assert messages_of(response) == [("success", "The case was closed as not proven.")]
    reported.refresh_from_db()
    assert (reported.status, reported.closure_reason) == ("not_proven", "Bukti tidak cukup.")


@pytest.mark.parametrize(("name", "status"), [("dismiss", "dismissed"), ("withdraw", "withdrawn")])
def test_an_officer_closes_a_case_with_a_reason(reviewed, officer, name, status):
    response = client_for(officer).post(
        action_url(name, reviewed), {"expected_version": reviewed.version, "reason": "Alasan."}
    )

    assert (response.status_code, response.url) == (302, case_page(reviewed))
    reviewed.refresh_from_db()
    assert (reviewed.status, reviewed.closure_reason) == (status, "Alasan.")


@pytest.mark.parametrize("name", ["dismiss", "withdraw"])
def test_closing_without_a_reason_is_refused_on_the_form(reviewed, officer, name):
    before = snapshot(reviewed)

    response = client_for(officer).post(
        action_url(name, reviewed), {"expected_version": reviewed.version, "reason": ""}
    )

    assert response.context["form"].errors == {"reason": ["This field is required."]}
    assert snapshot(reviewed) == before


def test_an_officer_merges_a_case_into_another(reviewed, officer):
    target = CaseFactory(agency=reviewed.agency, registered_by=officer)

    response = client_for(officer).post(
        action_url("merge", reviewed), {"expected_version": reviewed.version, "into": target.number}
    )

    assert messages_of(response) == [("success", f"The case was merged into {target.number}.")]
    reviewed.refresh_from_db()
    assert (reviewed.status, reviewed.merged_into) == ("merged", target)


def test_merging_into_an_unknown_case_is_refused(reviewed, officer):
    before = snapshot(reviewed)

    response = client_for(officer).post(
        action_url("merge", reviewed), {"expected_version": reviewed.version, "into": "9999/X"}
    )

    assert response.context["form"].errors == {"into": ["There is no case 9999/X."]}
    assert snapshot(reviewed) == before


def test_a_merge_into_another_agency_s_case_is_refused(reviewed, officer):
    other = CaseFactory(agency=AgencyFactory(code="blitar", name="Kabupaten Blitar", is_default=False))
    before = snapshot(reviewed)

    response = client_for(officer).post(
        action_url("merge", reviewed), {"expected_version": reviewed.version, "into": other.number}
    )

    assert response.context["form"].errors == {"into": [f"There is no case {other.number}."]}
    assert snapshot(reviewed) == before


def test_a_criminal_referral_is_recorded(examined, examiner_user):
    response = client_for(examiner_user).post(
        action_url("criminal-referral", examined),
        {"expected_version": examined.version, "referred_to": "Sentra Gakkumdu Lebong", "referred_on": "2024-11-01"},
    )

    assert messages_of(response) == [("success", "The criminal referral was recorded.")]
    track = CaseTrack.objects.get(case=examined, track="criminal_referral")
    assert (track.status, track.referred_to, track.referred_on) == (
        "referred",
        "Sentra Gakkumdu Lebong",
        datetime.date(2024, 11, 1),
    )
