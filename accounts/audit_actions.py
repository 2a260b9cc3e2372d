"""The audit actions of organisations and accounts: agencies, units, staff accounts and Bawaslu offices' levels.

(A Bawaslu office's creation and its token are violations' actions: violations.services.bawaslu_office_create.)
"""

from django.utils.translation import pgettext_lazy

from core.audit_registry import declare

AGENCY_CREATED = declare("agency_created", pgettext_lazy("audit action", "Agency created"), target="accounts.agency")
UNIT_CREATED = declare("unit_created", pgettext_lazy("audit action", "Unit created"), target="accounts.unit")
STAFF_ACCOUNT_CREATED = declare(
    "staff_account_created", pgettext_lazy("audit action", "Staff account created"), target="accounts.user"
)
# Staff administration by the agency's administrator (accounts.staff_administration).
STAFF_ROLES_CHANGED = declare(
    "staff_roles_changed", pgettext_lazy("audit action", "Staff roles changed"), target="accounts.user"
)
STAFF_ACCOUNT_ACTIVE_CHANGED = declare(
    "staff_account_active_changed",
    pgettext_lazy("audit action", "Staff account deactivated or reactivated"),
    target="accounts.user",
)
STAFF_PASSWORD_LINK_SENT = declare(
    "staff_password_link_sent",
    pgettext_lazy("audit action", "Password link sent by the administrator"),
    target="accounts.user",
)
ACCOUNT_PASSWORD_SET = declare(
    "account_password_set", pgettext_lazy("audit action", "Account password set"), target="accounts.user"
)
BAWASLU_OFFICE_LEVEL_CHANGED = declare(
    "bawaslu_office_level_changed",
    pgettext_lazy("audit action", "Bawaslu office level changed"),
    target="accounts.bawasluoffice",
)

# Staff login (accounts.sign_in, accounts.mfa): recorded on the account; a failure for a username no account has is
# kept by django-axes' own failure log alone (there is no account to record it on).
LOGIN_SUCCEEDED = declare("login_succeeded", pgettext_lazy("audit action", "Login succeeded"), target="accounts.user")
LOGIN_FAILED = declare("login_failed", pgettext_lazy("audit action", "Login failed"), target="accounts.user")
LOGIN_LOCKED_OUT = declare(
    "login_locked_out", pgettext_lazy("audit action", "Login locked out"), target="accounts.user"
)
LOGGED_OUT = declare("logged_out", pgettext_lazy("audit action", "Logged out"), target="accounts.user")
MFA_ENROLLED = declare("mfa_enrolled", pgettext_lazy("audit action", "Second factor enrolled"), target="accounts.user")
MFA_VERIFIED = declare("mfa_verified", pgettext_lazy("audit action", "Second factor verified"), target="accounts.user")
MFA_FAILED = declare("mfa_failed", pgettext_lazy("audit action", "Second factor refused"), target="accounts.user")
MFA_RECOVERY_CODE_USED = declare(
    "mfa_recovery_code_used", pgettext_lazy("audit action", "Recovery code used"), target="accounts.user"
)
MFA_RECOVERY_CODES_RENEWED = declare(
    "mfa_recovery_codes_renewed", pgettext_lazy("audit action", "Recovery codes renewed"), target="accounts.user"
)
PASSWORD_RESET_REQUESTED = declare(
    "password_reset_requested", pgettext_lazy("audit action", "Password reset requested"), target="accounts.user"
)
API_TOKEN_ISSUED = declare(
    "api_token_issued", pgettext_lazy("audit action", "API token issued"), target="accounts.user"
)
API_TOKEN_REVOKED = declare(
    "api_token_revoked", pgettext_lazy("audit action", "API token revoked"), target="accounts.user"
)
