"""The demo's staff accounts, one per role, and the password they all share (published: demo accounts only)."""

from accounts.roles import Role

DEMO_PASSWORD = "netra-demo-2026"  # noqa: S105 -- published on purpose: demo accounts only

# username, role, post key in the register (its person's name, NIP and position are used), or else the position
STAFF_ACCOUNTS: list[tuple[str, Role, str, str]] = [
    ("admin", Role.ADMINISTRATOR, "", "Administrator Sistem Netra"),
    ("intake", Role.INTAKE_OFFICER, "analyst:bkpsdm:1", ""),
    # Reviews the decision drafts (sanctions.permissions.can_review_decision: an intake officer who did not draft it).
    ("kasubbid", Role.INTAKE_OFFICER, "", "Kepala Subbidang Disiplin (BKPSDM)"),
    ("examiner", Role.EXAMINER, "auditor:2", ""),
    ("official", Role.SANCTIONING_OFFICIAL, "", "Bupati Lebong (Pejabat Pembina Kepegawaian)"),
    ("leader", Role.LEADERSHIP, "sekda", ""),
    ("diskominfo", Role.INTERNAL_REPORTER, "monitor:diskominfo:1", ""),
    ("inspektorat", Role.INTERNAL_REPORTER, "auditor:3", ""),
]

# The Bupati is the regency's staffing authority (PPK): the `official` login signs the decisions.
STAFFING_AUTHORITY_USERNAME = "official"
STAFFING_AUTHORITY_TITLE = "Bupati Lebong"
