"""`manage.py api_token issue|rotate|revoke USERNAME`: an account's API tokens (accounts.api_tokens).

`issue` and `rotate` print the new key as the last line; it is shown only then. (Bawaslu offices' accounts get
theirs from `bawaslu_office_create`, which also rotates them.)
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from accounts.api_tokens import api_token_issue, api_token_revoke, api_token_rotate
from accounts.models import User
from core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Issue an API token for an account (other tokens keep working), rotate its tokens (the old ones stop "
        "working at once), or revoke them all. The new key is printed as the last line, and only then."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["issue", "rotate", "revoke"])
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=None, help="Lifetime in days (default NETRA_API_TOKEN_DAYS).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None or not user.is_active:
            raise CommandError(_("No active account is named “%(username)s”.") % {"username": options["username"]})
        try:
            if options["action"] == "revoke":
                count = api_token_revoke(user=user)
                self.stdout.write(
                    _("Revoked %(count)d API token(s) of “%(username)s”.") % {"count": count, "username": user.username}
                )
                return
            operation = api_token_issue if options["action"] == "issue" else api_token_rotate
            issued = operation(user=user, days=options["days"])
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(
            _("API token of “%(username)s”, valid until %(date)s (send it as `Authorization: Token <token>`):")
            % {"username": user.username, "date": issued.token.expires_at.date().isoformat()}
        )
        self.stdout.write(issued.key)
