"""Build the demo regency (Kabupaten Lebong): organisation, people, accounts, Bawaslu offices, elections, reports,
cases and two decisions. `manage.py seed_demo` calls `demo_build` and prints its result.

Nothing is written here or in the step modules: every object is created through the service a person would use
(accounts.services, the register import, bawaslu_office_create, election_create, report_submit,
forwarding_submit, the triage transitions, case_register, the casework and sanctions services), so the demo has
real audit trails and timelines and exercises the real write path. Idempotent: each object has a stable key
(codes, NIPs, usernames, office and election names, reference numbers, report descriptions) and is looked up
before its service is called; a report or case found part-way (an interrupted run) is taken on from there.
"""

from django.db import transaction

from demo import bawaslu_offices, cases, decisions, elections, organisation, reports, staff_accounts
from demo.context import DemoContext, DemoResult
from demo.data import register
from demo.data.reports import REPORTS
from violations.models import ViolationType


@transaction.atomic
def _organisation_ensure(result: DemoResult) -> DemoContext:
    """Agency, units, register, accounts, offices and elections: one transaction, so a failure leaves none."""
    agency = organisation.agency_ensure(result)
    organisation.units_ensure(agency, result)
    people = {person.post.key: person for person in register.people()}
    organisation.register_ensure(agency, people, result)
    password = staff_accounts.PasswordHash()
    return DemoContext(
        agency=agency,
        people=people,
        users=staff_accounts.staff_accounts_ensure(agency, people, password, result),
        offices=bawaslu_offices.bawaslu_offices_ensure(agency, password, result),
        elections=elections.elections_ensure(result),
        violation_types={violation.code: violation for violation in ViolationType.objects.all()},
    )


def demo_build() -> DemoResult:
    """Build (or complete) the demo regency and return what was created plus the logins to print."""
    result = DemoResult()
    context = _organisation_ensure(result)
    specs = sorted(REPORTS, key=lambda spec: spec.received)
    reports.reports_ensure(specs, context, result)
    cases.cases_register(specs, context, result)
    moved = decisions.decisions_ensure(agency=context.agency, users=context.users, reports=context.reports)
    if moved:
        result.created["cases taken through the procedure"] += moved
    for spec in specs:
        if spec.pin:
            report = context.reports[spec.key]
            report.refresh_from_db(fields=["status"])
            result.receipts.append((report.tracking_code, spec.pin, report.public_status))
    return result
