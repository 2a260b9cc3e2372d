"""DRF throttles for the public endpoints, on top of the shared counters in core.throttling.

The counters (fixed windows per client address, in the shared cache) are the same ones the web forms use, so a
client cannot double its allowance by switching between the API and the site.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from core import throttling
from core.shared_cache import CacheUnavailable


class AddressThrottle(BaseThrottle):
    """Refuses a client address that used up its allowance for `scope`; counts the request if `counts_requests`."""

    scope: str = ""
    counts_requests: bool = True
    message: Any = _("Too many requests from your address. Try again in %(seconds)d seconds.")

    def __init__(self) -> None:
        self._wait: int | None = None

    def allow_request(self, request: Request, view: Any) -> bool:
        address = throttling.client_address(request)  # type: ignore[arg-type]
        self._wait = throttling.retry_after(self.scope, address)
        if self._wait is not None:
            return False
        if self.counts_requests:
            throttling.record(self.scope, address)
        return True

    def wait(self) -> float | None:
        return self._wait


class PublicReportsThrottle(AddressThrottle):
    """New reports and additions: NETRA_THROTTLE_PUBLIC_REPORTS per address. Every attempt counts, valid or not,
    so invalid submissions cannot be used to probe or load the server without limit."""

    scope = throttling.PUBLIC_REPORTS


class PinFailuresThrottle(AddressThrottle):
    """Look-ups by tracking code and PIN: only failures count (see record_failure); once an address has used up
    NETRA_THROTTLE_PIN_FAILURES, every look-up with a PIN from it is refused until the window ends."""

    scope = throttling.PIN_FAILURES
    counts_requests = False
    message = _("Too many failed attempts with a tracking code and PIN. Try again in %(seconds)d seconds.")

    @staticmethod
    def record_failure(request: Request) -> None:
        """Count a failed look-up; with the counters unreachable the answer is a 503 (never an uncounted failure)."""
        try:
            throttling.record(throttling.PIN_FAILURES, throttling.client_address(request))  # type: ignore[arg-type]
        except CacheUnavailable as error:
            raise ThrottlesUnavailable from error


class ThrottledWithMessage(Throttled):
    """A 429 whose detail names the wait in the request's language; DRF's handler adds `Retry-After`."""

    def __init__(self, wait: int, message: Any) -> None:
        super().__init__(wait=None, detail=str(message) % {"seconds": wait})
        self.wait = wait


class ThrottlesUnavailable(exceptions.APIException):
    """The public limits cannot be checked (the shared cache does not answer): refuse for a minute, cleanly."""

    status_code = 503
    default_detail = _("The service cannot take this request right now. Please try again in a minute.")
    default_code = "throttle_unavailable"

    def __init__(self) -> None:
        super().__init__()
        # DRF's exception handler turns `wait` into the Retry-After header.
        self.wait = throttling.UNAVAILABLE_RETRY_AFTER


class AddressThrottledMixin:
    # For views with AddressThrottle classes: the first refusing throttle answers, with its own message.
    # Stopping at the first refusal keeps later throttles from counting a request that is refused anyway.
    # (A comment, not a docstring: the schema generator would publish a docstring as every view's description.)

    def check_throttles(self, request: Request) -> None:
        for throttle in self.get_throttles():  # type: ignore[attr-defined]
            try:
                allowed = throttle.allow_request(request, self)
            except CacheUnavailable as error:
                raise ThrottlesUnavailable from error
            if not allowed:
                wait = throttle.wait()
                raise ThrottledWithMessage(
                    int(wait) if wait is not None else 1, getattr(throttle, "message", AddressThrottle.message)
                )
