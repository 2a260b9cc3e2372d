"""The audit chain's head anchored outside the database: a deleted tail or a re-chained middle is found."""

import json
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils.translation import override

from core import audit
from core.audit import audit_record, audit_verify
from core.audit_anchors import anchor_on_commit, audit_anchor, audit_verify_anchors, read_anchors
from core.models import AuditEvent
from core.tests.conftest import act

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_audit_actions")]


def _events(count: int) -> list[AuditEvent]:
    target = Group.objects.create(name="audit-target")
    return [audit_record(actor=None, action=act(code), target=target) for code in ("one", "two", "three")[:count]]


def _as_owner(*statements: tuple[str, list[Any]]) -> None:
    """Tamper as a database owner would: bypass the append-only trigger for this session only."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        for sql, params in statements:
            cursor.execute(sql, params)
        cursor.execute("SET session_replication_role = DEFAULT")


def test_an_anchor_records_the_head_and_the_count_signed(audit_anchor_file):
    events = _events(3)

    anchor = audit_anchor(reason="daily")

    assert (anchor.event_id, anchor.hash, anchor.count, anchor.reason) == (events[-1].pk, events[-1].hash, 3, "daily")
    stored = [json.loads(line) for line in audit_anchor_file.read_text().splitlines()]
    assert [line["event_id"] for line in stored] == [events[-1].pk]
    assert len(stored[0]["mac"]) == 64
    assert audit_verify_anchors() is None


def test_an_empty_trail_writes_no_anchor(audit_anchor_file):
    assert audit_anchor(reason="daily") is None
    assert not audit_anchor_file.exists()


def test_a_deleted_tail_is_found_although_the_chain_still_verifies():
    events = _events(3)
    audit_anchor(reason="letter_issued")

    _as_owner(("DELETE FROM core_auditevent WHERE id = %s", [events[-1].pk]))

    assert audit_verify() is None  # the shortened chain is consistent in itself
    problem = audit_verify_anchors()
    assert (problem.problem, problem.event_id) == ("missing", events[-1].pk)


def test_a_deleted_and_re_chained_middle_is_found_even_with_the_key():
    events = _events(3)
    audit_anchor(reason="daily")
    # An attacker holding the key removes the middle event and re-signs the chain after it.
    last = AuditEvent.objects.get(pk=events[2].pk)
    last.previous_hash = events[0].hash
    _as_owner(("DELETE FROM core_auditevent WHERE id = %s", [events[1].pk]))
    rehashed = audit.event_digest(last)
    _as_owner(
        ("UPDATE core_auditevent SET previous_hash = %s, hash = %s WHERE id = %s", [events[0].hash, rehashed, last.pk])
    )

    assert audit_verify() is None
    assert audit_verify_anchors().problem == "changed"


def test_a_forged_anchor_line_is_refused(audit_anchor_file):
    _events(1)
    anchor = audit_anchor(reason="daily")
    forged = json.loads(audit_anchor_file.read_text())
    forged["count"] = anchor.count + 5
    audit_anchor_file.write_text(json.dumps(forged) + "\n")

    assert audit_verify_anchors().problem == "forged"


def test_anchoring_on_commit_happens_after_the_commit_only(django_capture_on_commit_callbacks):
    _events(2)

    with django_capture_on_commit_callbacks(execute=True):
        anchor_on_commit(reason="letter_issued")
        assert read_anchors() == []

    assert [anchor.reason for anchor in read_anchors()] == ["letter_issued"]


def test_the_command_reports_intact_with_the_anchors_and_a_removed_tail_as_broken():
    events = _events(2)
    audit_anchor(reason="daily")
    out = StringIO()

    call_command("audit_verify", stdout=out)
    assert out.getvalue() == "intact: 2 events, 1 anchors\n"

    _as_owner(("DELETE FROM core_auditevent WHERE id = %s", [events[-1].pk]))
    with override("en"), pytest.raises(CommandError) as raised:
        call_command("audit_verify", stdout=StringIO())
    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f"Anchor 1 names event {events[-1].pk}, which is no longer in the audit trail (removed)."
    )


def test_the_nightly_task_anchors_the_head():
    from core.tasks import anchor_audit_head

    events = _events(1)

    assert anchor_audit_head.run() == events[0].pk
    assert [anchor.reason for anchor in read_anchors()] == ["daily"]
