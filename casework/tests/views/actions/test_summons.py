"""Issuing summonses I and II (rules D6 and D7), attendance and absence, and the summons letter."""

import datetime
from typing import Any

import pytest
from django.urls import reverse

from casework import services
from casework.case_actions import case_actions_for
from casework.models import Case, Letter, Summons
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from casework.tests.views.actions.helpers import PLACE, action_url, case_page, client_for, messages_of, snapshot
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


# --- summons --------------------------------------------------------------------------------------------------------


def _summons_data(case: Case, **overrides: Any) -> dict[str, Any]:
    data = {
        "expected_version": case.version,
        "number": "1",
        "scheduled_at": "2024-10-28T09:00",
        "sent_on": "2024-10-16",
        "delivery_method": "in_person",
        "place": PLACE,
    }
    data.update(overrides)
    return data


def test_an_examiner_issues_summons_one(reviewed, examiner_user):
    response = client_for(examiner_user).post(action_url("summons-issue", reviewed), _summons_data(reviewed))

    assert (response.status_code, response.url) == (302, case_page(reviewed))
    summons = Summons.objects.get(case=reviewed)
    assert (summons.number, summons.scheduled_at, summons.sent_on, summons.issued_by) == (
        1,
        at(2024, 10, 28),
        datetime.date(2024, 10, 16),
        examiner_user,
    )
    assert messages_of(response) == [("success", "Summons I was issued; its letter is being prepared.")]
    assert Letter.objects.get().kind == "summons_1"


def test_too_short_a_notice_is_refused_citing_rule_d6_and_writes_nothing(reviewed, examiner_user):
    before = snapshot(reviewed)

    response = client_for(examiner_user).post(
        action_url("summons-issue", reviewed), _summons_data(reviewed, sent_on="2024-10-18")
    )

    assert response.status_code == 200
    ((level, text),) = messages_of(response)
    assert level == "error"
    assert text.startswith("Rule D6: the summons for an examination on 28 October 2024 must be sent by 17 October 2024")
    assert response.context["form"].errors["scheduled_at"] == [text]
    assert b'name="override"' not in response.content  # an examiner is no supervisor
    assert snapshot(reviewed) == before


def test_a_supervisor_sees_the_override_and_overrides_with_a_reason(reviewed):
    supervisor = agency_administrator()
    client = client_for(supervisor)
    assert b'name="override"' in client.get(action_url("summons-issue", reviewed)).content

    response = client.post(
        action_url("summons-issue", reviewed),
        _summons_data(reviewed, sent_on="2024-10-21", override="on", override_reason="Terlapor akan mutasi."),
    )

    assert (response.status_code, response.url) == (302, case_page(reviewed))
    summons = Summons.objects.get(case=reviewed)
    assert (summons.notice_override_reason, summons.notice_overridden_by) == ("Terlapor akan mutasi.", supervisor)
    assert AuditEvent.objects.filter(action="summons_notice_overridden").count() == 1


def test_an_override_without_a_reason_is_refused_on_the_form(reviewed):
    before = snapshot(reviewed)

    response = client_for(agency_administrator()).post(
        action_url("summons-issue", reviewed), _summons_data(reviewed, sent_on="2024-10-21", override="on")
    )

    assert response.context["form"].errors == {"override_reason": ["Give the reason for the shorter notice."]}
    assert snapshot(reviewed) == before


def test_an_examiner_records_attendance(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)

    response = client_for(examiner_user).post(
        action_url("summons-attendance", summoned, summons_id=summons.pk), {"expected_version": summoned.version}
    )

    assert (response.status_code, response.url) == (302, case_page(summoned))
    assert Summons.objects.get(pk=summons.pk).attendance == "attended"
    assert messages_of(response) == [("success", "The attendance was recorded; record the examination (BAP) next.")]


def test_an_examiner_records_an_absence_and_summons_two_is_offered(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)

    response = client_for(examiner_user).post(
        action_url("summons-absence", summoned, summons_id=summons.pk),
        {"expected_version": summoned.version, "note": "Tidak hadir tanpa keterangan."},
    )

    assert messages_of(response) == [("success", "The absence was recorded; summons II is due next.")]
    assert Summons.objects.get(pk=summons.pk).attendance == "absent"
    assert case_actions_for(Case.objects.get(pk=summoned.pk), examiner_user).summons_issue == 2


def test_attendance_with_a_stale_version_writes_nothing(summoned, examiner_user):
    summons = Summons.objects.get(case=summoned)
    before = snapshot(summoned)

    response = client_for(examiner_user).post(
        action_url("summons-attendance", summoned, summons_id=summons.pk), {"expected_version": summoned.version - 1}
    )

    assert response.url == case_page(summoned)
    assert "was changed by another officer" in messages_of(response)[0][1]
    assert snapshot(summoned) == before
    assert Summons.objects.get(pk=summons.pk).attendance == "pending"


def test_the_summons_of_another_case_is_not_found(summoned, examiner_user, officer):
    other = CaseFactory(agency=summoned.agency, registered_by=officer)
    summons = Summons.objects.get(case=summoned)
    services.case_assign(case=other, actor=officer, examiners=[examiner_user])

    response = client_for(examiner_user).post(
        action_url("summons-attendance", other, summons_id=summons.pk), {"expected_version": 2}
    )

    assert response.status_code == 404


# --- letters --------------------------------------------------------------------------------------------------------


def test_the_summons_pdf_downloads_for_those_on_the_case(
    reviewed, examiner_user, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        client_for(examiner_user).post(action_url("summons-issue", reviewed), _summons_data(reviewed))
    letter = Letter.objects.get()
    assert letter.status == "issued"
    url = reverse("casework:letter-download", kwargs={"letter_id": letter.pk})

    response = client_for(examiner_user).get(url)

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(examiner("someone-else")).get(url).status_code == 404


def test_a_late_summons_two_is_refused_on_the_form_citing_rule_d7(summoned, officer, examiner_user):
    first = Summons.objects.get(case=summoned)
    services.summons_record_absence(summons=first, actor=officer)
    case = Case.objects.get(pk=summoned.pk)
    before = snapshot(case)

    response = client_for(examiner_user).post(
        action_url("summons-issue", case),
        _summons_data(case, number="2", scheduled_at="2024-11-25T09:00", sent_on="2024-11-12"),
    )

    assert response.status_code == 200
    ((level, text),) = messages_of(response)
    assert level == "error"
    assert text.startswith("Rule D7: after the examination missed on 28 October 2024, summons II must be sent by ")
    assert response.context["form"].errors["sent_on"] == [text]
    assert snapshot(case) == before
