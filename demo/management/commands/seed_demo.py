"""`manage.py seed_demo`: build the demo regency (idempotent) and print how to log in."""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Role
from demo.build import demo_build
from demo.context import DemoLogin, DemoResult
from demo.data.staff_accounts import DEMO_PASSWORD
from violations.models import Report

# What the summary counts, in the order it is printed.
_COUNTED = {
    "agencies": gettext_lazy("agencies"),
    "units": gettext_lazy("units"),
    "civil servants": gettext_lazy("civil servants"),
    "accounts": gettext_lazy("accounts"),
    "Bawaslu offices": gettext_lazy("Bawaslu offices"),
    "elections": gettext_lazy("elections"),
    "reports": gettext_lazy("reports"),
    "cases": gettext_lazy("cases"),
}


class Command(BaseCommand):
    help = (
        "Build the demo regency (Kabupaten Lebong): units, civil servants, an account for every role, two Bawaslu "
        "offices with API tokens, elections and reports across channels and statuses. Idempotent: a second run "
        "creates nothing. Prints the demo logins as its last lines."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (the demo accounts have a published password).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "seed_demo creates accounts with a published password and refuses to run when DEBUG is off. "
                    "Use --force only on a machine that is not a production server."
                )
            )
        self.stdout.write(_("Building the demo data (each new report's PIN is hashed; allow up to a minute)…"))
        started = time.monotonic()
        result = demo_build()
        self.stdout.write(self._summary(result, time.monotonic() - started))
        self._tokens(result)
        self._receipts(result)
        self._logins(result.logins)

    def _summary(self, result: DemoResult, seconds: float) -> str:
        if not result.created:
            return _("The demo data was already complete: nothing was created.")
        counts = ", ".join(
            f"{label}: {result.created[key]}" for key, label in _COUNTED.items() if result.created.get(key)
        )
        return _("Demo data created in %(seconds).0f s — %(counts)s.") % {"seconds": seconds, "counts": counts}

    def _tokens(self, result: DemoResult) -> None:
        self.stdout.write("")
        self.stdout.write(_("Bawaslu API tokens (send the header `Authorization: Token <token>`):"))
        for office, username, token in result.tokens:
            self.stdout.write(f"  {office:<28} {username:<18} {token}")

    def _receipts(self, result: DemoResult) -> None:
        status_url = settings.NETRA_SITE_URL.rstrip("/") + reverse("public:report-status")
        self.stdout.write("")
        self.stdout.write(_("Citizen reports to try on %(url)s (tracking code and PIN):") % {"url": status_url})
        for code, pin, status in result.receipts:
            self.stdout.write(f"  {code}   PIN {pin}   ({Report.Status(status).label})")

    def _logins(self, logins: list[DemoLogin]) -> None:
        rows = [(_("username"), _("role"), _("name"))]
        for login in logins:
            role = str(login.role.label)
            if login.role == Role.ADMINISTRATOR:
                role += " (superuser, /admin/)"
            rows.append((login.username, role, login.name))
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        self.stdout.write("")
        self.stdout.write(_("Demo logins (password for every account: %(password)s):") % {"password": DEMO_PASSWORD})
        for row in rows:
            self.stdout.write(
                "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            )
