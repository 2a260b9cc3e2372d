"""Rate limits for the public endpoints, shared by the API and the web forms.

Counters live in the shared cache (Redis in production), keyed by client address. Rates come from the
DRF setting DEFAULT_THROTTLE_RATES, fed by NETRA_THROTTLE_PUBLIC_REPORTS and NETRA_THROTTLE_PIN_FAILURES.

Fail safe: when the cache does not answer, requests cannot be counted, so `retry_after` and `record` raise
core.shared_cache.CacheUnavailable and the API and the pages answer 503 with a Retry-After of UNAVAILABLE_RETRY_AFTER
seconds, never a 500 and never an uncounted request.
"""

import time

from django.conf import settings
from django.http import HttpRequest

from core.shared_cache import cache_counter, cache_counter_add

PUBLIC_REPORTS = "public_reports"
PIN_FAILURES = "pin_failures"
# What a client is asked to wait when the counters cannot be read (the cache is briefly unreachable).
UNAVAILABLE_RETRY_AFTER = 60


def parse_rate(rate: str) -> tuple[int, int]:
    """'30/hour' → (30, 3600)."""
    count, period = rate.split("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]
    return int(count), seconds


def _rate(scope: str) -> tuple[int, int]:
    return parse_rate(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope])


def client_address(request: HttpRequest) -> str:
    """The client's address; behind NETRA_NUM_PROXIES trusted proxies, taken from X-Forwarded-For."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return str(request.META.get("REMOTE_ADDR", ""))


def _window(scope: str, address: str, now: float) -> tuple[str, int, int]:
    """Fixed windows: the counter key for the current window, the allowance and the window's end."""
    count, seconds = _rate(scope)
    index = int(now // seconds)
    return f"netra:throttle:{scope}:{address}:{index}", count, (index + 1) * seconds


def retry_after(scope: str, address: str) -> int | None:
    """Seconds to wait if the address has used up its allowance for `scope`, else None."""
    now = time.time()
    key, count, window_end = _window(scope, address, now)
    if cache_counter(key) < count:
        return None
    return max(1, int(window_end - now) + 1)


def record(scope: str, address: str) -> None:
    """Count one more event (a submission, a failed PIN) for the address; atomic on Redis."""
    now = time.time()
    key, _count, window_end = _window(scope, address, now)
    cache_counter_add(key, timeout=int(window_end - now) + 1)
