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
ACCOUNT_PASSWORD_SET = declare(
    "account_password_set", pgettext_lazy("audit action", "Account password set"), target="accounts.user"
)
BAWASLU_OFFICE_LEVEL_CHANGED = declare(
    "bawaslu_office_level_changed",
    pgettext_lazy("audit action", "Bawaslu office level changed"),
    target="accounts.bawasluoffice",
)
