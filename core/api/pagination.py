"""Keyset pagination for the API's lists: `{"next", "previous", "results"}` (docs/api-contract.md)."""

from rest_framework.pagination import CursorPagination


class NewestFirstCursorPagination(CursorPagination):
    """Keyset pagination: constant cost at any depth (no COUNT, no OFFSET)."""

    page_size = 25
    max_page_size = 100
    page_size_query_param = "page_size"
    ordering = ("-received_at", "-id")
