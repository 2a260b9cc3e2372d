"""`manage.py bkn_account_create USERNAME`: BKN's account for an agency and its API token (printed as the last line)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from accounts.models import Agency
from core.errors import DomainError
from violations.services import bkn_account_create, default_agency


class Command(BaseCommand):
    help = (
        "Create BKN's account for an agency (role BKN) with an API token for POST /api/v1/bkn/recommendations/, "
        "and print the token as the last line of output. A taken username is refused and nothing is created."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The account's username, e.g. “bkn-lebong”.")
        parser.add_argument("--agency", help="Code of the agency BKN sends to (default: the default agency).")
        parser.add_argument("--email", default="", help="BKN's contact e-mail address.")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["agency"]
        agency = Agency.objects.filter(code=code).first() if code else default_agency()
        if agency is None:
            raise CommandError(_("No agency has the code “%(code)s”.") % {"code": code})
        try:
            account = bkn_account_create(agency=agency, username=options["username"], email=options["email"])
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(
            _("Created BKN's account “%(username)s” for %(agency)s.")
            % {"username": account.user.username, "agency": agency.name}
        )
        self.stdout.write(account.token)
