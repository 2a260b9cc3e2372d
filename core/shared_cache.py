"""The shared cache (Redis in production) behind calls that never take a request down when it is unreachable.

Netra keeps nothing in the cache it cannot recompute: the calendar's day-off rows (read from the database instead),
the header's unread-notification count (shown as 0 meanwhile), and the public throttle's counters. Reads and writes
here answer "nothing cached" when the cache fails; the throttle, which must not let requests through uncounted,
asks `cache_counter_add` and gets CacheUnavailable to refuse cleanly (503, Retry-After) instead of a 500.

Settings give the Redis client short socket timeouts, so a frozen Redis costs a request about a second, not forever.
"""

import logging
from typing import Any

from django.core.cache import cache

logger = logging.getLogger(__name__)

# What a failing cache raises: redis-py's errors derive from these (ConnectionError, TimeoutError, OSError) or from
# RedisError; the import is lazy so a deployment with another cache backend needs no redis package.
try:
    from redis.exceptions import RedisError

    CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, ConnectionError, TimeoutError, OSError)
except ImportError:  # pragma: no cover - redis is a pinned requirement
    CACHE_ERRORS = (ConnectionError, TimeoutError, OSError)


class CacheUnavailable(Exception):
    """The shared cache did not answer."""


def _failed(operation: str, key: str) -> None:
    logger.warning("The shared cache is unreachable (%s %s); going on without it.", operation, key, exc_info=True)


def cache_get(key: str, default: Any = None) -> Any:
    try:
        return cache.get(key, default)
    except CACHE_ERRORS:
        _failed("get", key)
        return default


def cache_set(key: str, value: Any, timeout: int | None) -> bool:
    try:
        cache.set(key, value, timeout)
    except CACHE_ERRORS:
        _failed("set", key)
        return False
    return True


def cache_delete(key: str) -> bool:
    try:
        cache.delete(key)
    except CACHE_ERRORS:
        _failed("delete", key)
        return False
    return True


def cache_counter(key: str) -> int:
    """A counter's value (0 when absent); CacheUnavailable when the cache does not answer."""
    try:
        return int(cache.get(key, 0))
    except CACHE_ERRORS as error:
        raise CacheUnavailable(key) from error


def cache_counter_add(key: str, timeout: int) -> None:
    """Count one more (atomic on Redis), creating the counter with `timeout`; CacheUnavailable when unreachable."""
    try:
        if not cache.add(key, 1, timeout=timeout):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=timeout)
    except CACHE_ERRORS as error:
        raise CacheUnavailable(key) from error


def cache_ping() -> bool:
    """Whether the cache answers a write and a read now (the health check)."""
    try:
        cache.set("netra:health", "ok", 10)
        return bool(cache.get("netra:health") == "ok")
    except CACHE_ERRORS:
        return False
