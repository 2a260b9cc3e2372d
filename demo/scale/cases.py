"""The cases of the scale data, with their reports, Bawaslu forwardings, summonses, decisions, objections and the
audit events of their registration and decision, in proportions like the KASN figures (docs/legal-basis.md §8)."""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from casework.models import Case, CaseReport, Summons
from core import clock
from demo.scale.copying import copy_rows, move_sequence, next_id
from demo.scale.world import ScaleAgency
from sanctions.models import Decision, Objection, SanctionType
from violations.models import BawasluForwarding, Report, ViolationType

START = datetime.date(2023, 1, 1)
SPAN_DAYS = 1400
CHANNELS = [("citizen", 45), ("bawaslu", 25), ("bkn", 10), ("diskominfo", 10), ("inspectorate", 5), ("superior", 5)]
STAGES = [("campaign", 55), ("before_campaign", 15), ("quiet_period", 10), ("voting", 8), ("after", 4), ("", 8)]
# Case status → share; a decided or closed case has a decision.
STATUSES = [
    ("registered", 3),
    ("under_review", 6),
    ("team_formed", 2),
    ("summoned", 5),
    ("examined", 3),
    ("reported", 3),
    ("forwarded_for_decision", 3),
    ("decided", 15),
    ("closed", 40),
    ("not_proven", 9),
    ("dismissed", 8),
    ("withdrawn", 3),
]


@dataclass
class Ids:
    case: int
    report: int
    decision: int
    summons: int
    objection: int
    forwarding: int
    case_report: int


@dataclass
class Chunk:
    cases: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    forwardings: list[dict[str, Any]] = field(default_factory=list)
    summonses: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    objections: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[str, str, int, str, str, Any]] = field(default_factory=list)  # action, type, id, from, to, at


def start_ids() -> Ids:
    return Ids(
        case=next_id(Case),
        report=next_id(Report),
        decision=next_id(Decision),
        summons=next_id(Summons),
        objection=next_id(Objection),
        forwarding=next_id(BawasluForwarding),
        case_report=next_id(CaseReport),
    )


def _pick(rng: random.Random, table: list[tuple[str, int]]) -> str:
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


@dataclass
class Catalogue:
    violations: list[tuple[int, bool]]  # id, social media
    sanctions: list[tuple[int, str]]  # id, track
    elections: list[int]

    @classmethod
    def load(cls, elections: list[int]) -> "Catalogue":
        return cls(
            violations=list(ViolationType.objects.values_list("pk", "is_social_media")),
            sanctions=[
                (pk, track)
                for pk, track in SanctionType.objects.exclude(track="statutory")
                .order_by("pk")
                .values_list("pk", "track")
            ],
            elections=elections,
        )


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    return clock.at(day, rng.randint(7, 17), rng.randint(0, 59))


def _report(
    world: ScaleAgency,
    ids: Ids,
    case_row: dict[str, Any],
    day: datetime.date,
    context: dict[str, Any],
    rng: random.Random,
    status: str,
) -> dict[str, Any]:
    pk = ids.report
    ids.report += 1
    violation, _social = rng.choice(context["catalogue"].violations)
    servant = context["servant"]
    return {
        "id": pk,
        "tracking_code": f"NTR-S{pk:09d}",
        "agency_id": world.agency.pk,
        "channel": context["channel"],
        "source": "staff",
        "status": status,
        "received_at": _moment(day, rng),
        "accused_name": servant[2],
        "accused_nip": servant[1],
        "accused_id": servant[0],
        "incident_date": day - datetime.timedelta(days=2),
        "description": "Laporan data skala untuk pengukuran kinerja statistik.",
        "violation_type_id": violation,
        "election_id": context["election"],
        "election_stage": context["stage"],
        "created_at": _moment(day, rng),
        "updated_at": _moment(day, rng),
    }


def _decision(
    world: ScaleAgency,
    ids: Ids,
    chunk: Chunk,
    case: dict[str, Any],
    registered: datetime.date,
    catalogue: Catalogue,
    rng: random.Random,
) -> None:
    pk = ids.decision
    ids.decision += 1
    decided = registered + datetime.timedelta(days=rng.randint(15, 90))
    delivered = decided + datetime.timedelta(days=rng.randint(1, 20))
    sanction, track = rng.choice(catalogue.sanctions)
    closed = case["status"] == "closed"
    status = "effective" if closed else rng.choice(["signed", "delivered", "delivered", "objected", "effective"])
    effective = status == "effective"
    row = {
        "id": pk,
        "case_id": case["id"],
        "track": track if track in ("discipline", "ethics") else "discipline",
        "outcome": "sanction",
        "status": status,
        "sanction_type_id": sanction,
        "drafted_by_id": world.officer.pk,
        "signed_at": _moment(decided, rng),
        "decision_date": decided,
        "delivered_on": delivered if status != "signed" else None,
        "received_on": delivered if status != "signed" else None,
        "effective_on": delivered + datetime.timedelta(days=21) if effective else None,
        "execution_status": ("completed" if closed else "serving") if effective else "not_started",
        "created_at": _moment(decided, rng),
        "updated_at": _moment(delivered, rng),
    }
    chunk.decisions.append(row)
    chunk.events.append(
        ("decision_signed", "casework.case", case["id"], "awaiting_signature", "signed", row["signed_at"])
    )
    if status == "objected":
        chunk.objections.append(
            {
                "id": ids.objection,
                "decision_id": pk,
                "kind": "objection",
                "status": "pending",
                "filed_on": delivered + datetime.timedelta(days=5),
                "filed_by_name": "Terlapor",
                "grounds": "Keberatan data skala.",
                "window_ends_on": delivered + datetime.timedelta(days=20),
                "recorded_by_id": world.officer.pk,
            }
        )
        ids.objection += 1


def _summons(world: ScaleAgency, ids: Ids, chunk: Chunk, case_id: int, rng: random.Random) -> None:
    """A summons I; one in ten was not sent although its last day (D6) has passed: overdue today."""
    today = clock.today()
    overdue = rng.random() < 0.1
    exam = today + datetime.timedelta(days=3 if overdue else rng.randint(10, 30))
    chunk.summonses.append(
        {
            "id": ids.summons,
            "case_id": case_id,
            "number": 1,
            "scheduled_at": clock.at(exam, 9),
            "place": "Kantor BKPSDM",
            "sent_on": today + datetime.timedelta(days=1) if overdue else today - datetime.timedelta(days=1),
            "delivery_method": "in_person",
            "issued_by_id": world.officer.pk,
        }
    )
    ids.summons += 1


def _case(world: ScaleAgency, ids: Ids, chunk: Chunk, catalogue: Catalogue, number: int, rng: random.Random) -> None:
    pk = ids.case
    ids.case += 1
    registered = START + datetime.timedelta(days=rng.randint(0, SPAN_DAYS))
    status = _pick(rng, STATUSES)
    servant = rng.choice(world.servants)
    changed = registered + datetime.timedelta(days=rng.randint(1, 120))
    case = {
        "id": pk,
        "number": f"{number:07d}/SKALA/{world.agency.code[-4:]}/{registered.year}",
        "agency_id": world.agency.pk,
        "status": status,
        "accused_id": servant[0],
        "accused_name": servant[2],
        "accused_nip": servant[1],
        "registered_at": _moment(registered, rng),
        "registered_by_id": world.officer.pk,
        "status_changed_at": _moment(changed, rng),
        "created_at": _moment(registered, rng),
        "updated_at": _moment(changed, rng),
    }
    chunk.cases.append(case)
    chunk.events.append(("case_registered", "casework.case", pk, "", "registered", case["registered_at"]))
    context = {
        "catalogue": catalogue,
        "servant": servant,
        "channel": _pick(rng, CHANNELS),
        "election": rng.choice(catalogue.elections),
        "stage": _pick(rng, STAGES),
    }
    report_status = {"closed": "closed", "decided": "decided"}.get(status, "in_process")
    for index in range(rng.choices((1, 2, 3), (70, 25, 5))[0]):
        day = registered - datetime.timedelta(days=rng.randint(1, 10) + index)
        report = _report(world, ids, case, day, context, rng, report_status)
        chunk.reports.append(report)
        chunk.links.append(
            {"id": ids.case_report, "case_id": pk, "report_id": report["id"], "linked_at": case["registered_at"]}
        )
        ids.case_report += 1
        if report["channel"] == "bawaslu":
            chunk.forwardings.append(
                {
                    "id": ids.forwarding,
                    "report_id": report["id"],
                    "office_id": world.office.pk,
                    "reference_number": f"{report['id']:09d}/Reg/TM/PB/Kab/{registered.year}",
                    "origin": "finding",
                    "content_fingerprint": f"{report['id']:064x}",
                }
            )
            ids.forwarding += 1
    if status in ("decided", "closed"):
        _decision(world, ids, chunk, case, registered, catalogue, rng)
    elif status == "summoned":
        _summons(world, ids, chunk, pk, rng)


def _rejected(world: ScaleAgency, ids: Ids, chunk: Chunk, catalogue: Catalogue, rng: random.Random) -> None:
    day = START + datetime.timedelta(days=rng.randint(0, SPAN_DAYS))
    context = {
        "catalogue": catalogue,
        "servant": rng.choice(world.servants),
        "channel": _pick(rng, CHANNELS),
        "election": rng.choice(catalogue.elections),
        "stage": _pick(rng, STAGES),
    }
    chunk.reports.append(_report(world, ids, {}, day, context, rng, "rejected"))


def chunks(
    world: ScaleAgency, ids: Ids, catalogue: Catalogue, count: int, first_number: int, size: int, rng: random.Random
) -> Iterator[Chunk]:
    """`count` new cases of one agency (numbered from `first_number`), `size` cases per chunk."""
    made = 0
    while made < count:
        chunk = Chunk()
        for _ in range(min(size, count - made)):
            _case(world, ids, chunk, catalogue, first_number + made, rng)
            if rng.random() < 0.12:
                _rejected(world, ids, chunk, catalogue, rng)
            made += 1
        yield chunk


def chunk_write(chunk: Chunk) -> dict[str, int]:
    return {
        "cases": copy_rows(Case, chunk.cases),
        "reports": copy_rows(Report, chunk.reports),
        "case_reports": copy_rows(CaseReport, chunk.links),
        "forwardings": copy_rows(BawasluForwarding, chunk.forwardings),
        "summonses": copy_rows(Summons, chunk.summonses),
        "decisions": copy_rows(Decision, chunk.decisions),
        "objections": copy_rows(Objection, chunk.objections),
    }


def sequences_move() -> None:
    for model in (Case, Report, CaseReport, BawasluForwarding, Summons, Decision, Objection):
        move_sequence(model)
