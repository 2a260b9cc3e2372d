"""`manage.py bawaslu_office_create "NAME"`: an office, its account and its API token (printed as the last line)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import Agency, BawasluOffice
from core.errors import DomainError
from violations.services import OfficeAccount, bawaslu_office_create, bawaslu_office_rotate_token, default_agency


class Command(BaseCommand):
    help = (
        "Create a Bawaslu office with one account (role Bawaslu office) and an API token, and print the token as "
        "the last line of output. The account has no password: set one with `manage.py changepassword USERNAME` "
        "for the web login. Running it again for an existing office is refused and creates nothing; to issue a "
        "new token for an existing office instead (the old one stops working), add --rotate-token."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="The office's name, e.g. “Bawaslu Kabupaten Lebong”.")
        parser.add_argument("--agency", help="Code of the agency the office forwards to (default: the default agency).")
        parser.add_argument("--username", help="The account's username (default: derived from the name).")
        parser.add_argument("--email", default="", help="The office's e-mail address.")
        parser.add_argument(
            "--rotate-token",
            action="store_true",
            help="For an existing office: replace its account's API token and print the new one.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = " ".join(options["name"].split())
        if not name:
            raise CommandError(_("Give the office's name."))
        try:
            account = self._rotate(name, options) if options["rotate_token"] else self._create(name, options)
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(account.token)

    def _create(self, name: str, options: dict[str, Any]) -> OfficeAccount:
        if BawasluOffice.objects.filter(name__iexact=name).exists():
            raise CommandError(
                _(
                    "A Bawaslu office named “%(name)s” already exists; nothing was created. "
                    "Use --rotate-token to issue a new token."
                )
                % {"name": name}
            )
        agency = self._agency(options["agency"])
        username = options["username"] or slugify(name)[:150]
        if not username:
            raise CommandError(_("Give a username with --username."))
        account = bawaslu_office_create(name=name, agency=agency, username=username, email=options["email"])
        self.stdout.write(
            _("Created the Bawaslu office “%(name)s” forwarding to %(agency)s, with the account “%(username)s”.")
            % {"name": account.office.name, "agency": agency.name, "username": account.user.username}
        )
        self.stdout.write(_("Its API token (send it as the header `Authorization: Token <token>`):"))
        return account

    def _rotate(self, name: str, options: dict[str, Any]) -> OfficeAccount:
        office = BawasluOffice.objects.filter(name__iexact=name).first()
        if office is None:
            raise CommandError(_("No Bawaslu office is named “%(name)s”.") % {"name": name})
        account = bawaslu_office_rotate_token(office=office, username=options["username"] or "")
        self.stdout.write(
            _("New API token for the account “%(username)s” of “%(name)s”; the previous token no longer works:")
            % {"username": account.user.username, "name": office.name}
        )
        return account

    @staticmethod
    def _agency(code: str | None) -> Agency:
        if not code:
            try:
                return default_agency()
            except DomainError as error:
                raise CommandError(str(error.message)) from None
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(_("No agency has the code “%(code)s”.") % {"code": code})
        return agency
