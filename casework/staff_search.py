"""The staff search box: cases and reports by tracking code, case number, NIP, the accused's name or the text.

One query string, read as the most specific thing it can be: a tracking code (typed with or without dashes), a case
number, an 18-digit NIP; anything else is a full-text query. Every read goes through the scoped selectors
(`case_scope_for_user`, `report_list_for_user`), so a user finds only what the list pages would show them.

Full-text search uses PostgreSQL's `indonesian` configuration over the accused's name and the report's text (the
case's summary), matched by the expression indexes `report_text_search_idx` and `case_text_search_idx` (migrations
`violations/0007`, `casework/0010`, built with `core.postgres_indexes.text_vector` over the same fields, which is
what lets the planner use them; a test reads the plan). Results come newest first, one page of
`PAGE_SIZE` per kind: no COUNT and no OFFSET, so the first page costs the same at a million reports. SQLite (the
`make run` default) has no full-text search: there the text is matched with a case-insensitive substring.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVectorExact
from django.db import connection
from django.db.models import Q, QuerySet

from accounts.actors import Viewer
from casework.models import Case
from casework.selectors import case_scope_for_user
from core.postgres_indexes import SEARCH_CONFIG, text_vector
from violations.models import Report
from violations.selectors import report_list_for_user
from violations.tracking_codes import PREFIX, normalize_tracking_code

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200

_NIP = re.compile(r"^\d{18}$")
_CASE_NUMBER = re.compile(r"^\d{4,}/KASUS/[A-Z0-9-]+/\d{4}$")
_GROUPS = re.compile(r"^\w{4}[\s-]\w{4}$")

REPORT_TEXT_FIELDS = ("accused_name", "description")
CASE_TEXT_FIELDS = ("accused_name", "summary")


class QueryKind:
    EMPTY = "empty"
    TRACKING_CODE = "tracking_code"
    CASE_NUMBER = "case_number"
    NIP = "nip"
    TEXT = "text"


@dataclass(frozen=True)
class SearchResults:
    query: str
    kind: str
    cases: list[Case] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    more_cases: bool = False
    more_reports: bool = False

    @property
    def found_nothing(self) -> bool:
        return self.kind != QueryKind.EMPTY and not self.cases and not self.reports


def query_kind(query: str) -> tuple[str, str]:
    """What the typed query is, and its normalised form."""
    cleaned = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not cleaned:
        return QueryKind.EMPTY, ""
    compact = cleaned.replace(" ", "")
    if _NIP.match(compact):
        return QueryKind.NIP, compact
    if _CASE_NUMBER.match(compact.upper()):
        return QueryKind.CASE_NUMBER, compact.upper()
    code = normalize_tracking_code(compact)
    if code.count("-") == 2 and _looks_like_a_code(cleaned):
        return QueryKind.TRACKING_CODE, code
    return QueryKind.TEXT, cleaned


def _looks_like_a_code(typed: str) -> bool:
    """An eight-letter word ("kampanye") is also a valid code body: read it as a code only when typed like one,
    with the prefix, a digit or the groups apart."""
    return typed.upper().startswith(PREFIX) or any(char.isdigit() for char in typed) or bool(_GROUPS.search(typed))


def staff_search(*, user: Viewer, query: str) -> SearchResults:
    kind, term = query_kind(query)
    if kind == QueryKind.EMPTY:
        return SearchResults(query="", kind=kind)
    cases = _matching_cases(case_scope_for_user(user=user), kind, term)
    reports = _matching_reports(report_list_for_user(user=user), kind, term)
    case_page = list(cases.select_related("accused__unit").order_by("-registered_at", "-id")[: PAGE_SIZE + 1])
    report_page = list(reports.select_related("case_report__case").order_by("-received_at", "-id")[: PAGE_SIZE + 1])
    return SearchResults(
        query=term,
        kind=kind,
        cases=case_page[:PAGE_SIZE],
        reports=report_page[:PAGE_SIZE],
        more_cases=len(case_page) > PAGE_SIZE,
        more_reports=len(report_page) > PAGE_SIZE,
    )


def _matching_cases(cases: QuerySet[Case], kind: str, term: str) -> QuerySet[Case]:
    if kind == QueryKind.CASE_NUMBER:
        return cases.filter(number=term)
    if kind == QueryKind.NIP:
        return cases.filter(accused_nip=term)
    if kind == QueryKind.TRACKING_CODE:
        return cases.filter(case_reports__report__tracking_code=term)
    return cases.filter(_text_match(CASE_TEXT_FIELDS, term))


def _matching_reports(reports: QuerySet[Report], kind: str, term: str) -> QuerySet[Report]:
    if kind == QueryKind.TRACKING_CODE:
        return reports.filter(tracking_code=term)
    if kind == QueryKind.NIP:
        return reports.filter(accused_nip=term)
    if kind == QueryKind.CASE_NUMBER:
        return reports.filter(case_report__case__number=term)
    return reports.filter(_text_match(REPORT_TEXT_FIELDS, term))


def _text_match(fields: tuple[str, ...], term: str) -> Q | SearchVectorExact:
    if connection.vendor == "postgresql":
        return SearchVectorExact(text_vector(*fields), SearchQuery(term, config=SEARCH_CONFIG, search_type="websearch"))
    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": term})
    return match
