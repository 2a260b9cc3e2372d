"""The one statement that (re)computes the case facts (figures.models.CaseFact) of a set of cases, set-based.

It reads the tables of casework, violations, accounts and sanctions directly — the summary table is a projection of
them, kept by figures alone — and names them through each model's `_meta`, so a renamed table follows. The codes it
compares with (statuses, tracks) come from the models and from sanctions.follow_through, the register the
follow-through widget must agree with; they are our own constants, quoted as SQL literals after a check.

PostgreSQL and SQLite (`make run`) differ in two expressions only: a timestamp's Jakarta date and the aggregation of
codes into a string.
"""

import re
from collections.abc import Iterable

from django.db import connection

from accounts.models import CivilServant
from casework.models import Case, CaseReport, Examination, ExaminationReport
from figures.models import CaseFact, WorkingDayOrdinal
from sanctions.follow_through import EXECUTED, SIGNED_STATUSES
from sanctions.models import Decision, Objection, SanctionType
from violations.models import Report, ViolationType

_C = Case.Status
# A case that ended (its date is the last status change); a merged case lives on in the case it joined.
ENDED_STATUSES = frozenset({_C.CLOSED, _C.NOT_PROVEN, _C.DISMISSED, _C.WITHDRAWN})
NOT_OPEN_STATUSES = ENDED_STATUSES | {_C.MERGED}
# Statuses only an examination (or a second absence, after which the case goes on on the evidence) leads to.
EXAMINED_STATUSES = frozenset(
    {_C.EXAMINED, _C.ABSENT_TWICE, _C.REPORTED, _C.FORWARDED_FOR_DECISION, _C.DECIDED, _C.CLOSED, _C.NOT_PROVEN}
)
_D = Decision.Status
DEAD_FOR_MAIN = frozenset({_D.CANCELLED, _D.SUPERSEDED})

COLUMNS = (
    "case_id, agency_id, registered_on, status, is_open, ended_on, unit_id, position_kind, employee_type, channel, "
    "election_id, election_stage, violation_codes, violation_code, social_media, examined, first_received_on, "
    "decision_status, decision_outcome, decided_on, delivered_on, in_effect, executed, served, annulled, not_proven, "
    "sanction_code, sanction_level, sanction_track, objection, days_to_decision, days_to_delivery, refreshed_at"
)


def _literals(values: Iterable[str]) -> str:
    items = sorted(str(value) for value in values)
    assert all(re.fullmatch(r"[a-z_]+", item) for item in items), items
    return ", ".join(f"'{item}'" for item in items)


def _local_date(expression: str) -> str:
    if connection.vendor == "postgresql":
        return f"(({expression}) AT TIME ZONE 'Asia/Jakarta')::date"
    return f"date({expression}, '+7 hours')"  # Jakarta keeps UTC+7 all year


def _codes(expression: str) -> str:
    if connection.vendor == "postgresql":
        return f"string_agg(DISTINCT {expression}, ',' ORDER BY {expression})"
    return f"group_concat(DISTINCT {expression})"


def _t(model: type) -> str:
    return str(model._meta.db_table)  # type: ignore[attr-defined]


def _violations(targets: str) -> str:
    """Every violation code of a case: its examination report's first (priority 0), then its reports'."""
    lhp_codes = _t(ExaminationReport.violation_types.through)
    return f"""
        SELECT er.case_id, v.code, v.sort_order, v.is_social_media, 0 AS priority
          FROM {_t(ExaminationReport)} er
          JOIN {lhp_codes} ev ON ev.examinationreport_id = er.id
          JOIN {_t(ViolationType)} v ON v.id = ev.violationtype_id
         WHERE er.case_id IN ({targets})
        UNION ALL
        SELECT cr.case_id, v.code, v.sort_order, v.is_social_media, 1 AS priority
          FROM {_t(CaseReport)} cr
          JOIN {_t(Report)} r ON r.id = cr.report_id
          JOIN {_t(ViolationType)} v ON v.id = r.violation_type_id
         WHERE cr.case_id IN ({targets})"""  # noqa: S608  (see the module docstring)


def _first_report(targets: str) -> str:
    return f"""
        SELECT case_id, received_on, channel, election_id, election_stage FROM (
          SELECT cr.case_id, {_local_date("r.received_at")} AS received_on, r.channel, r.election_id,
                 r.election_stage, ROW_NUMBER() OVER (PARTITION BY cr.case_id ORDER BY r.received_at, r.id) AS n
            FROM {_t(CaseReport)} cr JOIN {_t(Report)} r ON r.id = cr.report_id
           WHERE cr.case_id IN ({targets})
        ) fr0 WHERE n = 1"""  # noqa: S608  (see the module docstring)


def _main_decision(targets: str) -> str:
    """The newest live version, the discipline track first (sanctions.follow_through chooses it the same way)."""
    return f"""
        SELECT * FROM (
          SELECT d.case_id, d.status, d.outcome, d.decision_date, d.delivered_on, d.effective_on,
                 d.execution_status, d.sanction_type_id,
                 ROW_NUMBER() OVER (PARTITION BY d.case_id ORDER BY
                   CASE WHEN d.track = '{Decision.Track.DISCIPLINE}' THEN 0 ELSE 1 END,
                   d.version_number DESC, d.id DESC) AS n
            FROM {_t(Decision)} d
           WHERE d.status NOT IN ({_literals(DEAD_FOR_MAIN)}) AND d.case_id IN ({targets})
        ) md0 WHERE n = 1"""  # noqa: S608  (see the module docstring)


def _latest_objection(targets: str) -> str:
    return f"""
        SELECT * FROM (
          SELECT d.case_id, o.kind, o.status, o.outcome,
                 ROW_NUMBER() OVER (PARTITION BY d.case_id ORDER BY o.filed_on DESC, o.id DESC) AS n
            FROM {_t(Objection)} o JOIN {_t(Decision)} d ON d.id = o.decision_id
           WHERE d.case_id IN ({targets})
        ) ob0 WHERE n = 1"""  # noqa: S608  (see the module docstring)


def _select_list() -> str:
    signed = _literals(SIGNED_STATUSES)
    decided_on = f"CASE WHEN md.status IN ({signed}) THEN md.decision_date END"
    return f"""
        c.id, c.agency_id, {_local_date("c.registered_at")}, c.status,
        c.status NOT IN ({_literals(NOT_OPEN_STATUSES)}),
        CASE WHEN c.status IN ({_literals(ENDED_STATUSES)})
             THEN {_local_date("COALESCE(c.status_changed_at, c.registered_at)")} END,
        cs.unit_id, COALESCE(cs.position_kind, ''), COALESCE(cs.employee_type, ''),
        COALESCE(fr.channel, ''), fr.election_id, COALESCE(fr.election_stage, ''),
        COALESCE(',' || vc.codes || ',', ''), COALESCE(vp.code, ''), COALESCE(vc.social, 0) = 1,
        (c.status IN ({_literals(EXAMINED_STATUSES)})
          OR EXISTS (SELECT 1 FROM {_t(Examination)} e WHERE e.case_id = c.id)),
        fr.received_on,
        COALESCE(md.status, ''), COALESCE(md.outcome, ''), {decided_on}, md.delivered_on,
        COALESCE(md.effective_on IS NOT NULL, FALSE),
        COALESCE(md.status = '{_D.EFFECTIVE}' AND md.execution_status IN ({_literals(EXECUTED)}), FALSE),
        COALESCE(md.execution_status = '{Decision.Execution.COMPLETED}', FALSE),
        COALESCE(md.status = '{_D.ANNULLED}', FALSE),
        (c.status = '{_C.NOT_PROVEN}'
          OR COALESCE(md.outcome = '{Decision.Outcome.DISMISSAL}' AND md.status IN ({signed}), FALSE)),
        COALESCE(st.code, ''), COALESCE(st.level, ''), COALESCE(st.track, ''),
        COALESCE(ob.kind || ':' || CASE WHEN ob.status = '{Objection.Status.DECIDED}'
                 THEN ob.outcome ELSE ob.status END, ''),
        wd_dec.ordinal - wd_rec.ordinal, wd_del.ordinal - wd_dec.ordinal, %s"""  # noqa: S608  (see the module docstring)


def fact_insert_sql(targets: str) -> str:
    """INSERT … SELECT of the facts of the cases `targets` selects (a subquery or a list of integer ids)."""
    signed = _literals(SIGNED_STATUSES)
    days = _t(WorkingDayOrdinal)
    return f"""
        WITH v AS ({_violations(targets)}),
        vc AS (SELECT case_id, {_codes("code")} AS codes,
                      MAX(CASE WHEN is_social_media THEN 1 ELSE 0 END) AS social FROM v GROUP BY case_id),
        vp AS (SELECT case_id, code FROM (
                 SELECT case_id, code, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY priority, sort_order, code)
                        AS n FROM v) vp0 WHERE n = 1)
        INSERT INTO {_t(CaseFact)} ({COLUMNS})
        SELECT {_select_list()}
          FROM {_t(Case)} c
          LEFT JOIN {_t(CivilServant)} cs ON cs.id = c.accused_id
          LEFT JOIN ({_first_report(targets)}) fr ON fr.case_id = c.id
          LEFT JOIN vc ON vc.case_id = c.id
          LEFT JOIN vp ON vp.case_id = c.id
          LEFT JOIN ({_main_decision(targets)}) md ON md.case_id = c.id
          LEFT JOIN {_t(SanctionType)} st ON st.id = md.sanction_type_id
          LEFT JOIN ({_latest_objection(targets)}) ob ON ob.case_id = c.id
          LEFT JOIN {days} wd_rec ON wd_rec.day = fr.received_on
          LEFT JOIN {days} wd_dec ON wd_dec.day = (CASE WHEN md.status IN ({signed}) THEN md.decision_date END)
          LEFT JOIN {days} wd_del ON wd_del.day = md.delivered_on
         WHERE c.id IN ({targets})"""  # noqa: S608  (see the module docstring)


def all_cases() -> str:
    return f"SELECT id FROM {_t(Case)}"  # noqa: S608  (a table name from _meta)


def id_list(ids: Iterable[int]) -> str:
    """A literal list of case ids (integers only, so nothing can be injected)."""
    return ", ".join(str(int(pk)) for pk in ids) or "NULL"
