"""Domain errors: raised by services, mapped to HTTP in one place (core.api.errors.exception_handler)."""

from django.utils.functional import Promise


class DomainError(Exception):
    """A business rule refused an action. `code` is stable and machine-readable; `message` is for people."""

    http_status = 400

    def __init__(self, code: str, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class TransitionNotAllowed(DomainError):
    http_status = 409


class ConflictError(DomainError):
    http_status = 409


class NotFound(DomainError):
    http_status = 404


class PermissionDenied(DomainError):
    http_status = 403
