"""`manage.py import_civil_servants FILE`: load the civil-servant register from a CSV extract."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from accounts.importing import civil_servants_import, read_csv_file
from accounts.models import Agency
from core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Create or update civil servants from a CSV file (UTF-8, comma or semicolon), idempotent by NIP. "
        "Columns: see docs/csv-import.md. Exits with status 1 if any row failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path of the CSV file.")
        parser.add_argument("--agency", help="Code of the agency whose units the rows belong to (default agency).")
        parser.add_argument("--dry-run", action="store_true", help="Check every row, then save nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = self._agency(options["agency"])
        try:
            rows = read_csv_file(options["file"])
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        result = civil_servants_import(rows=rows, agency=agency, dry_run=options["dry_run"])
        for row_error in result.errors:
            self.stderr.write(str(row_error))
        if result.dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        self.stdout.write(result.summary())
        if result.failed:
            raise CommandError(
                _("%(count)d row(s) could not be imported; see the lines above.") % {"count": result.failed}
            )

    def _agency(self, code: str | None) -> Agency:
        if code:
            agency = Agency.objects.filter(code=code).first()
            if agency is None:
                raise CommandError(_("No agency has the code “%(code)s”.") % {"code": code})
            return agency
        agency = Agency.objects.filter(is_default=True).first()
        if agency is None:
            raise CommandError(_("There is no default agency; name one with --agency CODE."))
        return agency
