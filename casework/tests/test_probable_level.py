"""Raising the probable level during the examination, and what a heavy sanction then requires: an examination held
under the examination team (docs/legal-basis.md §4.3). Our reading: a summons and an examination held without the
team are kept on record as evidence, not as a basis; the team is formed and holds them again."""

import datetime
from typing import Any

import pytest
from django.utils import translation

from casework import services
from casework.models import Case, Examination, ExaminationReport, Letter, Summons, current_examination
from casework.selectors import case_examined_by_team
from casework.services import TeamMemberInput
from casework.tests.conftest import at
from core.errors import ConflictError, DomainError, TransitionNotAllowed
from core.models import AuditEvent
from violations.models import ViolationType

pytestmark = pytest.mark.django_db

TEAM = [
    TeamMemberInput(role="direct_superior", name="Drs. Syamsul Bahri, M.Pd.", is_chair=True),
    TeamMemberInput(role="inspectorate", name="Rina Marlina, S.E."),
    TeamMemberInput(role="bkpsdm", name="Hendra Saputra"),
]
REASON = "Akun publik dengan sekitar 4.800 pengikut; tiga unggahan."


def _summon(case: Case, actor: Any, sent_on: datetime.date, examination: datetime.datetime) -> Summons:
    return services.summons_issue(
        case=case,
        actor=actor,
        number=1,
        scheduled_at=examination,
        sent_on=sent_on,
        delivery_method="in_person",
        place="Kantor BKPSDM",
    )


def _examine(case: Case, actor: Any, held_at: datetime.datetime) -> Examination:
    return services.examination_record(
        case=case,
        actor=actor,
        held_at=held_at,
        examiners=[actor],
        questions_answers=[{"question": "Apakah akun itu milik Saudara?", "answer": "Ya."}],
        examinee_signed=True,
        place="Kantor BKPSDM",
    )


def _heavy_lhp(case: Case, actor: Any) -> ExaminationReport:
    return services.examination_report_submit(
        case=case,
        actor=actor,
        violation_types=[ViolationType.objects.get(code="N04")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="B1",
    )


@pytest.fixture
def examined_without_team(case: Case, officer: Any, travel: Any) -> Case:
    """The review guessed moderate: the direct superior summoned and examined the principal, without a team."""
    travel(2024, 10, 14)
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    _summon(case, officer, datetime.date(2024, 10, 16), at(2024, 10, 28))
    travel(2024, 10, 28, 14)
    _examine(case, officer, at(2024, 10, 28, 9, 30))
    return Case.objects.get(pk=case.pk)


def test_raising_to_heavy_sets_the_steps_held_without_a_team_aside_and_goes_back_to_the_review(
    examined_without_team, officer
):
    case = examined_without_team
    letters = Letter.objects.count()

    raised = services.case_raise_probable_level(case=case, actor=officer, probable_level="heavy", reason=REASON)

    assert (raised.status, raised.probable_level) == ("under_review", "heavy")
    summons, examination = Summons.objects.get(case=case), Examination.objects.get(case=case)
    for step in (summons, examination):  # kept, as evidence: nothing deleted
        assert (step.is_set_aside, step.set_aside_why, step.set_aside_reason) == (True, "heavy_without_team", REASON)
    assert current_examination(case) is None
    assert Letter.objects.count() == letters  # their letters stay issued and verifiable
    event = AuditEvent.objects.get(action="case_probable_level_raised")
    assert (event.actor, event.from_status, event.to_status, event.reason, event.data) == (
        officer,
        "examined",
        "under_review",
        REASON,
        {"from": "moderate", "to": "heavy", "set_aside": ["summons_1", "examination"]},
    )


def test_after_raising_the_team_summons_and_examines_again_and_only_then_a_heavy_lhp_is_allowed(
    examined_without_team, officer, travel
):
    case = examined_without_team
    with pytest.raises(DomainError) as refused:
        _heavy_lhp(case, officer)
    assert refused.value.code == "heavy_sanction_needs_team"
    services.case_raise_probable_level(case=case, actor=officer, probable_level="heavy", reason=REASON)
    with pytest.raises(TransitionNotAllowed):
        _summon(case, officer, datetime.date(2024, 10, 30), at(2024, 11, 11))  # the team comes first

    travel(2024, 10, 29)
    services.examination_team_form(case=case, actor=officer, members=TEAM)
    assert not case_examined_by_team(case=case)
    again = _summon(case, officer, datetime.date(2024, 10, 30), at(2024, 11, 11))
    assert not case_examined_by_team(case=case)
    travel(2024, 11, 11, 14)
    examination = _examine(case, officer, at(2024, 11, 11, 9, 0))
    report = _heavy_lhp(case, officer)

    assert (again.number, again.examination_team, again.signatory_role) == (1, case.examination_team, "team_chair")
    assert examination.examination_team == case.examination_team
    assert case_examined_by_team(case=case)
    assert (report.recommended_sanction_level, report.signatory_role) == ("heavy", "team_chair")
    assert list(Summons.objects.filter(case=case).order_by("id").values_list("number", "set_aside_why")) == [
        (1, "heavy_without_team"),
        (1, ""),
    ]


def test_raising_to_heavy_when_the_team_already_examines_keeps_every_step(case, officer, travel):
    travel(2024, 10, 14)
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    services.examination_team_form(case=case, actor=officer, members=TEAM)
    _summon(case, officer, datetime.date(2024, 10, 16), at(2024, 10, 28))

    raised = services.case_raise_probable_level(case=case, actor=officer, probable_level="heavy", reason=REASON)

    assert (raised.status, raised.probable_level) == ("summoned", "heavy")
    assert not Summons.objects.filter(case=case, set_aside_at__isnull=False).exists()
    assert "set_aside" not in AuditEvent.objects.get(action="case_probable_level_raised").data


def test_raising_from_light_to_moderate_changes_only_the_level(case, officer):
    services.case_start_review(case=case, actor=officer, probable_level="light", tracks=["discipline"])
    _summon(case, officer, datetime.date(2024, 10, 16), at(2024, 10, 28))

    raised = services.case_raise_probable_level(case=case, actor=officer, probable_level="moderate", reason=REASON)

    assert (raised.status, raised.probable_level, raised.version) == ("summoned", "moderate", 4)
    assert Summons.objects.get(case=case).set_aside_at is None


@pytest.mark.parametrize(
    ("level", "reason", "error", "code"),
    [
        ("light", REASON, DomainError, "probable_level_not_higher"),
        ("extreme", REASON, DomainError, "probable_level_invalid"),
        ("heavy", "  ", DomainError, "reason_required"),
    ],
)
def test_a_level_that_is_not_higher_or_has_no_reason_is_refused_and_writes_nothing(
    examined_without_team, officer, level, reason, error, code
):
    case = examined_without_team
    before = (AuditEvent.objects.count(), Case.objects.get(pk=case.pk).version)

    with pytest.raises(error) as refused:
        services.case_raise_probable_level(case=case, actor=officer, probable_level=level, reason=reason)

    assert refused.value.code == code
    assert (AuditEvent.objects.count(), Case.objects.get(pk=case.pk).version) == before
    assert not Summons.objects.filter(set_aside_at__isnull=False).exists()


def test_the_level_is_not_raised_once_the_report_is_written(examined_without_team, officer):
    case = examined_without_team
    services.examination_report_submit(
        case=case,
        actor=officer,
        violation_types=[ViolationType.objects.get(code="N08")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=True,
        recommended_sanction_code="S1",
    )
    events = AuditEvent.objects.count()

    with translation.override("en"), pytest.raises(ConflictError) as refused:
        services.case_raise_probable_level(case=case, actor=officer, probable_level="heavy", reason=REASON)

    assert (refused.value.code, str(refused.value.message)) == (
        "probable_level_not_now",
        "The probable level is raised during the examination, before its report (LHP) is written.",
    )
    assert AuditEvent.objects.count() == events


def test_raising_to_the_same_level_again_changes_nothing(examined_without_team, officer):
    services.case_raise_probable_level(case=examined_without_team, actor=officer, probable_level="heavy", reason=REASON)
    events = AuditEvent.objects.count()

    again = services.case_raise_probable_level(
        case=examined_without_team, actor=officer, probable_level="heavy", reason=REASON
    )

    assert (again.status, AuditEvent.objects.count()) == ("under_review", events)


def test_a_team_without_its_examination_does_not_count_as_having_examined(case, officer, travel):
    travel(2024, 10, 14)
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    services.examination_team_form(case=case, actor=officer, members=TEAM)

    assert not case_examined_by_team(case=case)


def test_the_rows_the_sanctions_tests_make_count_as_examined_by_a_team(case, officer):
    from casework.tests.factories import examined_by_team

    examined_by_team(case, actor=officer)

    assert case_examined_by_team(case=case)


def test_the_case_page_shows_the_steps_set_aside_as_no_basis(examined_without_team, officer):
    from django.test import Client
    from django.urls import reverse

    services.case_raise_probable_level(case=examined_without_team, actor=officer, probable_level="heavy", reason=REASON)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)

    page = client.get(reverse("casework:case-detail", kwargs={"case_id": examined_without_team.pk})).content.decode()

    assert page.count("set aside: not a basis") == 2  # summons I and the BAP, both still listed
    assert "Held without the examination team a heavy sanction requires" in page
