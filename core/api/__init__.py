"""What every app's API shares: the error shape and exception handler (errors), cursor pagination (pagination) and
the per-address throttles of the public endpoints (throttling)."""
