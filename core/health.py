"""What the deployment's services answer: the database, the shared cache and the Celery broker, each on its own.

Netra keeps serving with the cache or the broker down (docs/security.md, "Degrade, never 500"): requests go on, the
letters wait for the relay. Only the database is required.
"""

import logging

from celery import current_app
from django.db import connection

from core.shared_cache import cache_ping

logger = logging.getLogger(__name__)
BROKER_TIMEOUT_SECONDS = 1


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any failure means "not answering" here; the traceback is in the log
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False
    return True


def broker_ok() -> bool:
    try:
        with current_app.connection_for_write(connect_timeout=BROKER_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception:  # kombu and the transports raise many kinds; all mean "not answering"
        logger.warning("Health check: the Celery broker does not answer.", exc_info=True)
        return False
    return True


def service_states() -> dict[str, str]:
    """Each service "ok" or "down"."""
    checks = {"database": database_ok, "cache": cache_ping, "broker": broker_ok}
    return {name: "ok" if check() else "down" for name, check in checks.items()}
