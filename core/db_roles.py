"""The database role the application connects as: it owns no table, so it can neither disable the audit trail's
triggers nor rewrite it; migrations run as the owner (docs/security.md, "The audit trail").

`app_role_statements` gives the SQL the owner runs (manage.py db_app_role, after every migrate): a login role with
no special rights, data rights on every table, and on the audit trail only reading and appending. Default privileges
give tables the owner creates later the same data rights.
"""

from psycopg import sql

AUDIT_TABLE = "core_auditevent"
DATA_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"


def app_role_statements(*, role: str, owner: str, database: str, password: str | None) -> list[sql.Composed]:
    """The statements, in order; idempotent (run again after each migrate)."""
    name, owner_name = sql.Identifier(role), sql.Identifier(owner)
    statements = [
        sql.SQL(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal}) THEN CREATE ROLE {name}; "
            "END IF; END $$"
        ).format(literal=sql.Literal(role), name=name),
        sql.SQL("ALTER ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS").format(name),
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), name),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(name),
        sql.SQL(f"GRANT {DATA_RIGHTS} ON ALL TABLES IN SCHEMA public TO {{}}").format(name),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(AUDIT_TABLE), name),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(name),
        sql.SQL(
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {{}} IN SCHEMA public GRANT {DATA_RIGHTS} ON TABLES TO {{}}"
        ).format(owner_name, name),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}").format(
            owner_name, name
        ),
    ]
    if password:
        statements.append(sql.SQL("ALTER ROLE {} PASSWORD {}").format(name, sql.Literal(password)))
    return statements
