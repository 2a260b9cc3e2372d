"""The demo's 17 cases: reports with the same case key are registered together by the intake officer."""

from casework import services as casework_services
from demo.context import DemoContext, DemoResult
from demo.data.reports import DemoReport
from demo.reports import TRIAGE
from violations.models import Report


def cases_register(specs: list[DemoReport], context: DemoContext, result: DemoResult) -> None:
    """Register each case whose reports are all still in triage (one registered on an earlier run is skipped)."""
    groups: dict[str, list[DemoReport]] = {}
    for spec in specs:
        if spec.case:
            groups.setdefault(spec.case, []).append(spec)
    for members in groups.values():
        reports = list(Report.objects.filter(pk__in=[context.reports[spec.key].pk for spec in members]))
        if not all(report.status in TRIAGE for report in reports):
            continue
        first = members[0]
        person = context.people.get(first.accused)
        accused = f"{person.name}, {person.post.title}" if person else first.accused_text[0]
        casework_services.case_register(
            actor=context.users["intake"],
            reports=reports,
            summary=f"Dugaan pelanggaran netralitas ASN ({first.violation}) oleh {accused}.",
        )
        result.created["cases"] += 1
