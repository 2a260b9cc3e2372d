"""`manage.py deadline RULE DATE [--count N]`: the date a deadline rule gives for an anchor date (last line, ISO)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from core.calendar import deadline_for_rule, deadline_rule_get
from core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Print the date a deadline rule (D1, D6–D15) gives for an anchor date, e.g. `deadline D6 2026-03-30` gives "
        "the last day the summons may be sent. The last line is the date as YYYY-MM-DD."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("rule", help="Rule code, e.g. D6.")
        parser.add_argument("date", help="Anchor date, YYYY-MM-DD.")
        parser.add_argument("--count", type=int, help="The count, for rules that take it from the case (D15: months).")

    def handle(self, *args: Any, **options: Any) -> None:
        language = translation.get_language() or "id"
        try:
            anchor = datetime.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError(
                _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-30.") % {"value": options["date"]}
            ) from None
        try:
            rule = deadline_rule_get(options["rule"])
            result = deadline_for_rule(rule, anchor, count=options["count"])
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        count = options["count"] if rule.count is None else rule.count
        self.stdout.write(
            _(
                "%(code)s %(name)s: %(count)d %(unit)s %(direction)s %(anchor)s %(anchor_date)s → %(outcome)s. "
                "Legal basis: %(basis)s%(verify)s."
            )
            % {
                "code": rule.code,
                "name": rule.localized_name(language),
                "count": count,
                "unit": rule.get_unit_display(),
                "direction": _("before") if rule.direction == rule.Direction.BEFORE else _("after"),
                "anchor": rule.localized_anchor(language),
                "anchor_date": anchor.isoformat(),
                "outcome": rule.localized_outcome(language),
                "basis": rule.legal_basis,
                "verify": _(" (to be verified)") if rule.needs_verification else "",
            }
        )
        self.stdout.write(result.isoformat())
