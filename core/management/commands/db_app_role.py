"""`manage.py db_app_role`: create or update the database role the application connects as (run as the owner).

After every `migrate` (run as the owner of the tables), this grants the application role its data rights; the
application's DATABASE_URL then names that role. See docs/security.md and docs/operations.md.
"""

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from core.db_roles import app_role_statements


class Command(BaseCommand):
    help = (
        "Create or update the application's database role: a login role that owns no table, may read and write data, "
        "and may only read and append to the audit trail. Run as the owner after every migrate."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--role", default=os.environ.get("NETRA_DB_APP_ROLE", "netra_app"))
        parser.add_argument(
            "--password-env",
            default="NETRA_DB_APP_PASSWORD",
            help="Name of the environment variable holding the role's password (none: leave it as it is).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("db_app_role needs PostgreSQL; SQLite (make run) has no roles.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            owner, database = cursor.fetchone()
            if owner == options["role"]:
                raise CommandError("Run db_app_role as the tables' owner, not as the application role.")
            for statement in app_role_statements(
                role=options["role"], owner=owner, database=database, password=os.environ.get(options["password_env"])
            ):
                cursor.execute(statement)
        self.stdout.write(f"role {options['role']}: data rights granted; audit trail read and append only")
