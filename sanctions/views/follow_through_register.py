"""The follow-through register page: every recommendation received (Bawaslu, BKN), its due date, the decision it led
to and its execution; overdue ones first, naming the official responsible (sanctions.follow_through)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from casework.permissions import can_view_cases
from core.decorators import role_required
from sanctions.follow_through import (
    can_read_follow_through,
    follow_through_rows,
    follow_through_share,
    follow_up_rule,
)


@role_required(can_read_follow_through)
@require_http_methods(["GET"])
def follow_through_register(request: HttpRequest) -> HttpResponse:
    rows = follow_through_rows(user=request.user)
    executed, total = follow_through_share(rows)
    context = {
        "rows": rows,
        "overdue_count": sum(1 for row in rows if row.is_overdue),
        "executed": executed,
        "total": total,
        "rule": follow_up_rule(),
        # Leadership reads the register only; the case workers open the cases and decisions from it.
        "links": can_view_cases(request.user),
    }
    return render(request, "sanctions/follow_through.html", context)
