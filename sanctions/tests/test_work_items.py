"""The decision workflow's work items: who is told of a draft to review, a decision to sign and an objection to
decide, and that each item leaves every inbox once the work is done (core.work_items)."""

import pytest
from django.core import mail

from accounts.models import User
from core.models import Notification
from core.notifications import notifications_for_user
from sanctions.permissions import can_review_decision
from sanctions.services import (
    decision_cancel_draft,
    decision_declare_conflict,
    decision_return_by_official,
    decision_review,
    decision_sign,
    decision_submit_for_review,
)
from sanctions.services.objections import objection_decide, objection_file
from sanctions.tests import after_helpers
from sanctions.tests.after_helpers import D
from sanctions.tests.decision_helpers import decision_on, to_awaiting_signature

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def _open(key):
    return sorted(
        Notification.objects.filter(work_key=key, resolved_at__isnull=True).values_list("user__username", flat=True)
    )


def test_a_submitted_draft_waits_for_every_reviewer_but_its_drafter(world, case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    may_review = sorted(u.username for u in User.objects.order_by("id") if can_review_decision(u, decision))
    assert "verifikator" in may_review and "admin-bkpsdm" in may_review and "pemeriksa" not in may_review
    assert _open(f"decision:{decision.pk}:review") == may_review
    assert _open(f"decision:{decision.pk}:sign") == []
    assert len(mail.outbox) == len(may_review)
    assert {m.subject for m in mail.outbox} == {"Netra: pekerjaan menunggu Anda"}


def test_approving_moves_the_item_from_the_reviewers_to_the_official_and_signing_resolves_it(world, case):
    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    decision = decision_review(decision=decision, actor=world.officer, approve=True)

    assert _open(f"decision:{decision.pk}:review") == []
    assert _open(f"decision:{decision.pk}:sign") == ["bupati"]
    assert [n.work_key for n in notifications_for_user(world.bupati)] == [f"decision:{decision.pk}:sign"]

    decision_sign(decision=decision, actor=world.bupati)

    assert _open(f"decision:{decision.pk}:sign") == []
    assert list(notifications_for_user(world.bupati)) == []
    reviewers = sum(can_review_decision(u, decision) for u in User.objects.all())
    assert Notification.objects.filter(work_key__startswith=f"decision:{decision.pk}:").count() == reviewers + 1


def test_a_draft_returned_by_the_reviewer_or_the_official_leaves_every_inbox(world, case):
    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    decision = decision_review(decision=decision, actor=world.reviewer, approve=False, note="Lengkapi Menimbang")
    assert _open(f"decision:{decision.pk}:review") == []

    decision = to_awaiting_signature(decision, world)
    assert _open(f"decision:{decision.pk}:review") == [] and _open(f"decision:{decision.pk}:sign") == ["bupati"]
    decision_return_by_official(decision=decision, actor=world.bupati, note="Perbaiki tanggal")

    assert _open(f"decision:{decision.pk}:sign") == []
    # The drafter hears of both returns (plain notices, no work items).
    assert Notification.objects.filter(user=world.examiner, work_key="").count() == 2


def test_a_declared_conflict_hands_the_item_to_the_next_official(world, case):
    decision = to_awaiting_signature(decision_on(case, world), world)

    decision = decision_declare_conflict(decision=decision, actor=world.bupati, detail="Kerabat terlapor")

    assert decision.competent_official == world.wakil
    assert _open(f"decision:{decision.pk}:sign") == [world.wakil.username]


def test_a_cancelled_draft_leaves_the_reviewers_inboxes(world, case):
    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)
    decision = decision_review(decision=decision, actor=world.officer, approve=False, note="Salah jalur")

    decision_cancel_draft(decision=decision, actor=world.examiner, reason="Salah jalur")

    assert Notification.objects.filter(work_key__startswith="decision:", resolved_at__isnull=True).count() == 0


def test_an_objection_waits_for_its_decider_until_decided():
    town = after_helpers.lebong()
    made = after_helpers.decision(
        town, case=after_helpers.case_with_reports(town, bawaslu=False), code="S3",
        decision_date=D("2026-07-01"), received_on=D("2026-07-06"),
    )  # fmt: skip
    objection = objection_file(
        decision=made, actor=town.officer, filed_on=D("2026-07-20"), filed_by_name="Drs. Rahmat Hidayat", grounds="X"
    )
    assert _open(f"objection:{objection.pk}:decide") == [town.bupati.username]

    objection_decide(objection=objection, actor=town.bupati, outcome="upheld", decided_on=D("2026-08-19"), reason="Y")

    assert _open(f"objection:{objection.pk}:decide") == []
