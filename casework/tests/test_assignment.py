"""Assigning examiners and handing every open case over when an officer leaves."""

from typing import Any

import pytest

from accounts.tests.factories import AgencyFactory
from casework import services
from casework.models import Case
from casework.services import TeamMemberInput
from casework.tests.factories import CaseFactory, case_in, examiner
from core.errors import DomainError, PermissionDenied
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def successor(agency: Any) -> Any:
    return examiner("pemeriksa-2", first_name="Dewi", last_name="Lestari", nip="198507202010012004")


def test_assigning_examiners_is_audited_and_bumps_the_version(case, officer, examiner_user, successor):
    services.case_assign(case=case, actor=officer, examiners=[examiner_user, successor])

    case.refresh_from_db()
    assert set(case.assigned_examiners.all()) == {examiner_user, successor}
    assert case.version == 2
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "case_assigned",
        {"added": sorted([examiner_user.pk, successor.pk]), "removed": []},
    )


def test_assigning_the_same_examiners_again_writes_nothing(case, officer, examiner_user):
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])

    services.case_assign(case=case, actor=officer, examiners=[examiner_user])

    assert (AuditEvent.objects.count(), Case.objects.get(pk=case.pk).version) == (1, 2)


def test_only_examiners_of_the_agency_can_be_assigned(case, officer):
    other = examiner(
        "pemeriksa-rl", agency=AgencyFactory(code="rejang-lebong", name="Kab. Rejang Lebong", is_default=False)
    )

    for candidate in (officer, other):
        with pytest.raises(DomainError) as refused:
            services.case_assign(case=case, actor=officer, examiners=[candidate])
        assert refused.value.code == "not_an_examiner"

    assert (case.assigned_examiners.count(), AuditEvent.objects.count()) == (0, 0)


def test_an_examiner_may_not_assign(case, examiner_user):
    services_call = services.case_assign
    with pytest.raises(PermissionDenied):
        services_call(case=case, actor=examiner_user, examiners=[examiner_user])

    assert case.assigned_examiners.count() == 0


def test_handover_moves_every_open_case_and_its_team_seat_in_one_audited_action(officer, examiner_user, successor):
    assigned = CaseFactory(agency=officer.agency)
    services.case_assign(case=assigned, actor=officer, examiners=[examiner_user])
    on_team = case_in(Case.Status.UNDER_REVIEW, agency=officer.agency)
    services.examination_team_form(
        case=on_team,
        actor=officer,
        members=[
            TeamMemberInput(role="direct_superior", name="Drs. Sukarni", is_chair=True),
            TeamMemberInput(role="inspectorate", name="Rini Marlina"),
            TeamMemberInput(role="bkpsdm", name="Hendra Saputra", user=examiner_user),
        ],
    )
    closed = case_in(Case.Status.DISMISSED, agency=officer.agency)
    closed.assigned_examiners.add(examiner_user)
    events = AuditEvent.objects.count()

    moved = services.officer_handover(leaving_user=examiner_user, successor=successor, actor=officer)

    assert moved == [assigned, on_team]
    assert list(assigned.assigned_examiners.all()) == [successor]
    seat = on_team.examination_team.members.get(role="bkpsdm")
    assert (seat.user, seat.name, seat.nip) == (successor, "Dewi Lestari", "198507202010012004")
    assert list(closed.assigned_examiners.all()) == [examiner_user]  # closed cases keep their history
    new_events = list(AuditEvent.objects.filter(pk__gt=AuditEvent.objects.order_by("id")[events - 1].pk))
    assert [(e.action, e.target_type, e.target_id) for e in new_events] == [
        ("case_handed_over", "casework.case", assigned.pk),
        ("case_handed_over", "casework.case", on_team.pk),
        ("officer_handover", "accounts.user", examiner_user.pk),
    ]
    assert new_events[-1].data == {"successor": "pemeriksa-2", "cases": [assigned.number, on_team.number]}


def test_a_second_handover_finds_nothing_to_move_and_writes_nothing(officer, examiner_user, successor):
    services.case_assign(case=CaseFactory(agency=officer.agency), actor=officer, examiners=[examiner_user])
    services.officer_handover(leaving_user=examiner_user, successor=successor, actor=officer)
    events = AuditEvent.objects.count()

    assert services.officer_handover(leaving_user=examiner_user, successor=successor, actor=officer) == []
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("who", ["self", "inactive", "not_examiner"])
def test_handover_needs_an_active_examiner_as_successor(officer, examiner_user, successor, who):
    case = CaseFactory(agency=officer.agency)
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    if who == "inactive":
        successor.is_active = False
        successor.save(update_fields=["is_active"])
    target = {"self": examiner_user, "inactive": successor, "not_examiner": officer}[who]
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError):
        services.officer_handover(leaving_user=examiner_user, successor=target, actor=officer)

    assert (list(case.assigned_examiners.all()), AuditEvent.objects.count()) == ([examiner_user], events)


def test_an_examiner_may_not_hand_over_cases(examiner_user, successor):
    with pytest.raises(PermissionDenied):
        services.officer_handover(leaving_user=examiner_user, successor=successor, actor=successor)


def test_handover_passes_the_leaver_s_open_work_items_on_to_the_successor(officer, examiner_user, successor):
    from core.models import Notification

    case = CaseFactory(agency=officer.agency)
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    other = CaseFactory(agency=officer.agency)
    services.case_assign(case=other, actor=officer, examiners=[examiner_user, successor])

    services.officer_handover(leaving_user=examiner_user, successor=successor, actor=officer)

    def open_items(user: Any) -> list[str]:
        rows = Notification.objects.filter(user=user, resolved_at__isnull=True).order_by("work_key")
        return list(rows.values_list("work_key", flat=True))

    assert open_items(examiner_user) == []
    assert open_items(successor) == sorted([f"case:{case.pk}:summons", f"case:{other.pk}:summons"])
    # The successor was already told of the second case: told once, not twice.
    assert Notification.objects.filter(user=successor, work_key=f"case:{other.pk}:summons").count() == 1
